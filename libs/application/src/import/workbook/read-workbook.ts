import { Readable } from 'node:stream';
import { CsvError, parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { refuse } from '@app/domain';
import { inspectWorkbookArchive } from './zip-inspection';

/** The largest file the import reads (a province roll of 150,000 members is about 9 MB). */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

/** A cell as the import sees it: a typed value, or a formula, which it never evaluates. */
export type RawCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly iso: string }
  | { readonly kind: 'formula'; readonly formula: string };

export type WorkbookPart =
  | {
      readonly kind: 'sheet';
      /** The sheet's name; null for a CSV file, which is one sheet known by its headers. */
      readonly name: string | null;
      readonly merges: readonly string[];
    }
  | { readonly kind: 'row'; readonly number: number; readonly cells: readonly RawCell[] };

const EMPTY: RawCell = { kind: 'empty' };

/**
 * The parts of a workbook in order: each sheet, then its rows (1-based numbers as the clerk sees
 * them), read as a stream so a big roll is never held whole as cells. An `.xlsx` is recognised by
 * its bytes (a ZIP archive), judged by its central directory before it is read; anything else is
 * CSV and must be UTF-8.
 */
export async function* readWorkbook(file: Buffer): AsyncGenerator<WorkbookPart> {
  if (file.length > MAX_WORKBOOK_BYTES) {
    throw refuse('WORKBOOK_TOO_LARGE', { sizeBytes: file.length, limitBytes: MAX_WORKBOOK_BYTES });
  }
  if (file.length >= 4 && file.readUInt32LE(0) === 0x04034b50) {
    yield* readXlsx(file);
  } else if (file.length >= 8 && file.readUInt32BE(0) === 0xd0cf11e0 && file.readUInt32BE(4) === 0xa1b11ae1) {
    // An OLE compound file: an old .xls, or an .xlsx that Excel encrypted with a password.
    throw refuse('WORKBOOK_UNREADABLE', { kind: 'xls' });
  } else {
    yield* readCsv(file);
  }
}

async function* readXlsx(file: Buffer): AsyncGenerator<WorkbookPart> {
  const inspected = inspectWorkbookArchive(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([inspected.reordered]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  // Each worksheet is announced by its part's number just before it is handed over: its name
  // and merged ranges are looked up by part, as the workbook's own list has them.
  let part = '';
  (reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type: string; id: string }) => {
    if (entry.type === 'worksheet') part = `xl/worksheets/sheet${entry.id}.xml`;
  });
  try {
    for await (const worksheet of reader) {
      const name = inspected.sheetNames.get(part) ?? (worksheet as unknown as { name: string }).name;
      yield { kind: 'sheet', name, merges: inspected.merges.get(part) ?? [] };
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: RawCell[] = [];
        for (let column = 1; column < values.length; column += 1) cells.push(cellOf(values[column]));
        yield { kind: 'row', number: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error) throw error;
    throw refuse('WORKBOOK_UNREADABLE', { kind: 'damaged' });
  }
}

function cellOf(value: unknown): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? EMPTY : { kind: 'date', iso: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('formula' in record || 'sharedFormula' in record) {
      const formula = record.formula ?? record.sharedFormula;
      return { kind: 'formula', formula: typeof formula === 'string' ? formula : '' };
    }
    if (Array.isArray(record.richText)) {
      const text = (record.richText as { text?: unknown }[])
        .map((part) => (typeof part.text === 'string' ? part.text : ''))
        .join('');
      return text.trim() === '' ? EMPTY : { kind: 'text', text };
    }
    if (typeof record.text === 'string') return cellOf(record.text);
    if (typeof record.error === 'string') return { kind: 'text', text: record.error };
    return EMPTY;
  }
  return { kind: 'text', text: typeof value === 'bigint' ? value.toString() : '' };
}

async function* readCsv(file: Buffer): AsyncGenerator<WorkbookPart> {
  const text = decodeUtf8(file);
  yield { kind: 'sheet', name: null, merges: [] };
  const parser = Readable.from([text]).pipe(
    parseCsv({ relax_column_count: true, skip_empty_lines: false, bom: false, info: true }),
  );
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const cells = record.record.map((value) => csvCell(value));
      yield { kind: 'row', number: record.info.lines, cells };
    }
  } catch (error) {
    // Text that is not CSV (a saved web page, a JSON answer): a refusal of the file, never a 500.
    if (error instanceof CsvError) throw refuse('WORKBOOK_UNREADABLE', { kind: 'malformedCsv' });
    throw error;
  }
}

/** A CSV cell is text; one that starts with `=` is a formula a spreadsheet would run. */
function csvCell(value: string): RawCell {
  if (value.trim() === '') return EMPTY;
  if (value.startsWith('=')) return { kind: 'formula', formula: value.slice(1) };
  return { kind: 'text', text: value };
}

/** The text of a UTF-8 file (a byte order mark dropped); GBK and other encodings are refused. */
function decodeUtf8(file: Buffer): string {
  const body = file.length >= 3 && file[0] === 0xef && file[1] === 0xbb && file[2] === 0xbf ? file.subarray(3) : file;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw refuse('WORKBOOK_NOT_UTF8', { line: firstInvalidLine(body) });
  }
}

function firstInvalidLine(body: Buffer): number {
  let line = 1;
  let start = 0;
  for (let at = 0; at <= body.length; at += 1) {
    if (at === body.length || body[at] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(start, at));
      } catch {
        return line;
      }
      line += 1;
      start = at + 1;
    }
  }
  return line;
}
