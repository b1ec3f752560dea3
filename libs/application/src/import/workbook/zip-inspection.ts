import { inflateRawSync } from 'node:zlib';
import { refuse } from '@app/domain';

/** What a workbook may unpack to in all: a province roll of 150,000 members is about 60 MB. */
export const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
/** Spreadsheet XML packs about 10:1; archive bombs pack thousands to one. */
export const MAX_PACKING_RATIO = 200;
const MAX_ENTRIES = 2000;

export interface ZipEntry {
  readonly name: string;
  /** Where its central directory record starts and how long it is. */
  readonly centralOffset: number;
  readonly centralLength: number;
  readonly localOffset: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly dataOffset: number;
}

/** What the import needs of an archive besides exceljs's reading of it. */
export interface InspectedWorkbook {
  /** Merged ranges by worksheet part (`xl/worksheets/sheet1.xml`). */
  readonly merges: ReadonlyMap<string, readonly string[]>;
  /** Sheet names by worksheet part, from the workbook's own list and relationships. */
  readonly sheetNames: ReadonlyMap<string, string>;
  /**
   * The same archive with the workbook's own parts (its sheet list, relationships, styles and
   * shared strings) before the worksheets. A streaming reader meets the parts in archive order,
   * and a writer that streams its sheets puts them first: read that way, sheets would lose
   * their names and their dates.
   */
  readonly reordered: Buffer;
}

const damaged = () => refuse('WORKBOOK_UNREADABLE', { kind: 'damaged' });

/**
 * Reads the archive's central directory and judges it before any XML is parsed: what each part
 * declares it unpacks to, in all and against its packed size, then unpacks each part with the
 * declared size as a hard ceiling (so a part that lies about its size stops there), keeping only
 * the merged ranges and the sheet names. Memory stays within the largest declared part.
 */
export function inspectWorkbookArchive(file: Buffer): InspectedWorkbook {
  const entries = centralDirectory(file);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
    if (total > MAX_UNPACKED_BYTES || (entry.uncompressedSize > 1024 * 1024 && ratio > MAX_PACKING_RATIO)) {
      throw refuse('WORKBOOK_ARCHIVE_BOMB', {
        entry: entry.name,
        declaredBytes: entry.uncompressedSize,
        limitBytes: MAX_UNPACKED_BYTES,
        ratio,
      });
    }
  }
  if (entries.some((entry) => entry.name === 'EncryptionInfo' || entry.name === 'EncryptedPackage')) {
    throw refuse('WORKBOOK_UNREADABLE', { kind: 'encrypted' });
  }
  if (!entries.some((entry) => /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name))) {
    throw refuse('WORKBOOK_UNREADABLE', { kind: 'notWorkbook' });
  }
  const merges = new Map<string, readonly string[]>();
  let workbookXml = '';
  let relsXml = '';
  for (const entry of entries) {
    const content = unpack(file, entry);
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name)) {
      const ranges = mergedRanges(content);
      if (ranges.length > 0) merges.set(entry.name, ranges);
    } else if (entry.name === 'xl/workbook.xml') {
      workbookXml = content.toString('utf8');
    } else if (entry.name === 'xl/_rels/workbook.xml.rels') {
      relsXml = content.toString('utf8');
    }
  }
  return { merges, sheetNames: sheetNamesOf(workbookXml, relsXml), reordered: reorder(file, entries) };
}

/** The parts a reader needs before any worksheet, in this order; the rest keep theirs. */
const FIRST_PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
];

/**
 * Copies each part's packed bytes as they are behind a fresh local header that states its sizes
 * and checksum (from the central directory), so no part needs a trailing data descriptor, in
 * the order FIRST_PARTS says.
 */
function reorder(file: Buffer, entries: readonly ZipEntry[]): Buffer {
  const rank = (entry: ZipEntry) => {
    const index = FIRST_PARTS.indexOf(entry.name);
    return index < 0 ? FIRST_PARTS.length : index;
  };
  const ordered = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index);
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { entry } of ordered) {
    const central = Buffer.from(file.subarray(entry.centralOffset, entry.centralOffset + entry.centralLength));
    const flags = central.readUInt16LE(8) & ~0x8;
    const name = file.subarray(entry.centralOffset + 46, entry.centralOffset + 46 + central.readUInt16LE(28));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(central.readUInt16LE(6), 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(central.readUInt32LE(12), 10);
    local.writeUInt32LE(central.readUInt32LE(16), 14);
    local.writeUInt32LE(entry.compressedSize, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    central.writeUInt16LE(flags, 8);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, file.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize));
    centrals.push(central);
    offset += 30 + name.length + entry.compressedSize;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(ordered.length, 8);
  end.writeUInt16LE(ordered.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

function centralDirectory(file: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(file);
  const count = file.readUInt16LE(end + 10);
  const size = file.readUInt32LE(end + 12);
  const offset = file.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw refuse('WORKBOOK_UNREADABLE', { kind: 'zip64' });
  }
  if (count > MAX_ENTRIES || offset + size > file.length) throw damaged();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) throw damaged();
    const flags = file.readUInt16LE(at + 8);
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const uncompressedSize = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const localOffset = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw refuse('WORKBOOK_UNREADABLE', { kind: 'zip64' });
    }
    if ((flags & 0x1) !== 0) throw refuse('WORKBOOK_UNREADABLE', { kind: 'encrypted' });
    if (localOffset + 30 > file.length || file.readUInt32LE(localOffset) !== 0x04034b50) throw damaged();
    const dataOffset = localOffset + 30 + file.readUInt16LE(localOffset + 26) + file.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > file.length) throw damaged();
    const centralLength = 46 + nameLength + extraLength + commentLength;
    entries.push({
      name,
      centralOffset: at,
      centralLength,
      localOffset,
      method,
      compressedSize,
      uncompressedSize,
      dataOffset,
    });
    at += centralLength;
  }
  return entries;
}

function findEndOfCentralDirectory(file: Buffer): number {
  const earliest = Math.max(0, file.length - 22 - 0xffff);
  for (let at = file.length - 22; at >= earliest; at -= 1) {
    if (file.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw damaged();
}

/** The part's bytes, never more than it declared: a part that unpacks further is a bomb. */
function unpack(file: Buffer, entry: ZipEntry): Buffer {
  const packed = file.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return packed;
  if (entry.method !== 8) throw damaged();
  let content: Buffer;
  try {
    content = inflateRawSync(packed, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw refuse('WORKBOOK_ARCHIVE_BOMB', {
        entry: entry.name,
        declaredBytes: entry.uncompressedSize,
        limitBytes: MAX_UNPACKED_BYTES,
        ratio: Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1)),
      });
    }
    throw damaged();
  }
  if (content.length !== entry.uncompressedSize) throw damaged();
  return content;
}

const MERGE_CELL = Buffer.from('<mergeCell ');

function mergedRanges(xml: Buffer): string[] {
  const ranges: string[] = [];
  for (let at = xml.indexOf(MERGE_CELL); at >= 0; at = xml.indexOf(MERGE_CELL, at + 1)) {
    const tag = xml.toString('utf8', at, Math.min(xml.length, at + 200));
    const ref = /ref="([A-Z]+\d+:[A-Z]+\d+)"/.exec(tag);
    if (ref?.[1]) ranges.push(ref[1]);
  }
  return ranges;
}

function sheetNamesOf(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const match of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(match[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(match[0])?.[1];
    const part = id === undefined ? undefined : targets.get(id);
    if (name && part) names.set(part, decodeXml(name));
  }
  return names;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
