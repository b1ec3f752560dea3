import { isIsoDate, refuse, type Refusal } from '@app/domain';
import {
  columnNamed,
  IGNORED_COLUMNS,
  normaliseLabel,
  sheetSpecByHeaders,
  sheetSpecNamed,
  type ColumnSpec,
  type SheetKind,
  type SheetSpec,
} from './roll-layout';
import { readWorkbook, type RawCell } from './workbook/read-workbook';

/** Where a problem is: its sheet, and the row and column (as the clerk sees them) when it is in one. */
export interface ImportProblem {
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly refusal: Refusal;
}

interface RowOrigin {
  readonly sheet: string;
  readonly row: number;
}

export interface CommitteeRow extends RowOrigin {
  readonly name: string;
  readonly kind: 'committee' | 'general_branch';
  readonly parent: string | null;
  readonly establishedOn: string | null;
  readonly document: string | null;
}

export interface BranchRow extends RowOrigin {
  readonly name: string;
  readonly committee: string;
  readonly joint: boolean;
  readonly jointUnits: readonly string[];
  readonly links: readonly { readonly kind: 'community' | 'formerUnit' | 'association'; readonly name: string }[];
  readonly establishedOn: string | null;
  readonly document: string | null;
}

export interface MemberRow extends RowOrigin {
  readonly number: string | null;
  readonly name: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly joinedPartyOn: string;
  readonly membership: 'full' | 'probationary';
  readonly confirmedOn: string | null;
  readonly formerPostLevel: string;
  readonly branch: string;
  readonly address: string | null;
}

export interface PostRow extends RowOrigin {
  readonly branch: string;
  readonly termNumber: number | null;
  readonly termStart: string;
  readonly termEnd: string | null;
  readonly name: string;
  readonly memberNumber: string | null;
  readonly kind: 'secretary' | 'deputySecretary' | 'committeeMember' | 'partyAffairsOfficer';
  readonly duty: string | null;
  readonly source: 'elected' | 'appointed' | 'concurrent';
  readonly document: string | null;
}

export interface ParsedRoll {
  readonly committees: CommitteeRow[];
  readonly branches: BranchRow[];
  readonly members: MemberRow[];
  readonly posts: PostRow[];
  readonly problems: ImportProblem[];
  /** Each sheet read, with its kind and how many rows it held; sheets the import does not read are `ignored`. */
  readonly sheets: { name: string; kind: SheetKind | 'ignored'; rows: number }[];
}

const MEMBERSHIP: Readonly<Record<string, 'full' | 'probationary'>> = {
  正式: 'full',
  正式党员: 'full',
  预备: 'probationary',
  预备党员: 'probationary',
};
const SEX: Readonly<Record<string, 'male' | 'female'>> = { 男: 'male', 女: 'female' };
const JOINT: Readonly<Record<string, boolean>> = { 单独: false, 单独支部: false, 联合: true, 联合支部: true };
const COMMITTEE_KIND: Readonly<Record<string, 'committee' | 'general_branch'>> = {
  党委: 'committee',
  党总支: 'general_branch',
};
const POST_KIND: Readonly<Record<string, PostRow['kind']>> = {
  书记: 'secretary',
  副书记: 'deputySecretary',
  委员: 'committeeMember',
  支部委员: 'committeeMember',
  党务干部: 'partyAffairsOfficer',
};
const POST_SOURCE: Readonly<Record<string, PostRow['source']>> = {
  选举: 'elected',
  指派: 'appointed',
  兼任: 'concurrent',
};

/** A sheet being read: which column is which, once its header row is known. */
interface SheetReading {
  readonly name: string;
  spec: SheetSpec | undefined;
  columns: (ColumnSpec | null)[] | null;
  rows: number;
  readonly merges: readonly string[];
}

/**
 * Reads a workbook into the rows of each kind, with every sheet, row and cell that cannot be
 * taken listed as a problem (sheet, row, column, value, why). Nothing here touches the record:
 * names are matched to branches and committees when the import is planned.
 */
export async function parseRoll(file: Buffer, asOf: string): Promise<ParsedRoll> {
  const roll: ParsedRoll = { committees: [], branches: [], members: [], posts: [], problems: [], sheets: [] };
  let current: SheetReading | null = null;
  const finish = (sheet: SheetReading | null) => {
    if (sheet === null) return;
    roll.sheets.push({ name: sheet.name, kind: sheet.spec?.kind ?? 'ignored', rows: sheet.rows });
    if (!sheet.spec) return;
    if (sheet.columns === null || sheet.rows === 0) {
      roll.problems.push(problem(sheet.name, null, null, null, refuse('IMPORT_SHEET_EMPTY', { sheet: sheet.name })));
    }
  };
  for await (const part of readWorkbook(file)) {
    if (part.kind === 'sheet') {
      finish(current);
      const name = part.name ?? 'CSV';
      current = {
        name,
        spec: part.name === null ? undefined : sheetSpecNamed(part.name),
        columns: null,
        rows: 0,
        merges: part.merges,
      };
      if (current.spec) {
        for (const range of part.merges) {
          roll.problems.push(problem(name, null, null, range, refuse('IMPORT_MERGED_CELLS', { sheet: name, range })));
        }
      }
      continue;
    }
    const sheet = current as SheetReading;
    if (part.cells.every((cell) => cell.kind === 'empty')) continue;
    if (sheet.columns === null) {
      readHeaders(sheet, part.cells, part.number, roll);
      continue;
    }
    if (!sheet.spec) continue;
    sheet.rows += 1;
    readRow(sheet, sheet.spec, part.cells, part.number, asOf, roll);
  }
  finish(current);
  if (!roll.sheets.some((sheet) => sheet.kind !== 'ignored')) {
    throw refuse('WORKBOOK_NO_SHEETS', { found: roll.sheets.map((sheet) => sheet.name) });
  }
  return roll;
}

function readHeaders(sheet: SheetReading, cells: readonly RawCell[], rowNumber: number, roll: ParsedRoll): void {
  const headers = cells.map((cell) =>
    cell.kind === 'text' ? cell.text.trim() : cell.kind === 'empty' ? '' : textOf(cell),
  );
  // A CSV file is one sheet, known by its headers.
  if (sheet.name === 'CSV' && !sheet.spec) {
    sheet.spec = sheetSpecByHeaders(headers);
    if (sheet.spec) (sheet as { name: string }).name = sheet.spec.names[0] as string;
  }
  const spec = sheet.spec;
  sheet.columns = headers.map((header) => (spec && header !== '' ? (columnNamed(spec, header) ?? null) : null));
  if (!spec) return;
  headers.forEach((header, index) => {
    if (header === '' || sheet.columns?.[index] || IGNORED_COLUMNS.includes(normaliseLabel(header))) return;
    roll.problems.push(
      problem(
        sheet.name,
        rowNumber,
        header,
        header,
        refuse('IMPORT_HEADER_UNKNOWN', { sheet: sheet.name, column: header }),
      ),
    );
  });
  for (const column of spec.columns.filter((c) => c.required)) {
    if (!sheet.columns.includes(column)) {
      const name = column.names[0] as string;
      roll.problems.push(
        problem(
          sheet.name,
          rowNumber,
          name,
          null,
          refuse('IMPORT_HEADER_MISSING', { sheet: sheet.name, column: name }),
        ),
      );
    }
  }
}

/** Reads the cells of one row by column key, recording each cell's problem. */
class RowReader {
  private ok = true;
  constructor(
    private readonly sheet: SheetReading,
    private readonly cells: readonly RawCell[],
    private readonly rowNumber: number,
    private readonly asOf: string,
    private readonly roll: ParsedRoll,
  ) {}

  get valid(): boolean {
    return this.ok;
  }

  private cell(key: string): { cell: RawCell; label: string } | null {
    const index = this.sheet.columns?.findIndex((column) => column?.key === key) ?? -1;
    if (index < 0) return null;
    const column = this.sheet.columns?.[index] as ColumnSpec;
    return { cell: this.cells[index] ?? { kind: 'empty' }, label: column.names[0] as string };
  }

  private fail(label: string, value: string | null, refusal: Refusal): null {
    this.ok = false;
    this.roll.problems.push(problem(this.sheet.name, this.rowNumber, label, value, refusal));
    return null;
  }

  /** The cell as text; a formula is refused, a blank required cell too. */
  text(key: string, required: boolean): string | null {
    const found = this.cell(key);
    if (found === null) return null;
    const { cell, label } = found;
    if (cell.kind === 'formula') {
      return this.fail(label, `=${cell.formula}`, refuse('IMPORT_FORMULA', { column: label, formula: cell.formula }));
    }
    const text = cell.kind === 'empty' ? '' : textOf(cell).trim();
    if (text === '') return required ? this.fail(label, null, refuse('IMPORT_CELL_REQUIRED', { column: label })) : null;
    return text;
  }

  choice<T>(key: string, required: boolean, choices: Readonly<Record<string, T>>): T | null {
    const text = this.text(key, required);
    if (text === null) return null;
    const chosen = choices[normaliseLabel(text)];
    if (chosen === undefined) {
      const label = this.cell(key)?.label as string;
      return this.fail(
        label,
        text,
        refuse('IMPORT_VALUE_NOT_ALLOWED', { column: label, value: text, allowed: Object.keys(choices) }),
      );
    }
    return chosen;
  }

  /** A date that exists; unless `future` is allowed (a term's end), not after the import's date. */
  date(key: string, required: boolean, future = false): string | null {
    const found = this.cell(key);
    if (found === null) return null;
    const { cell, label } = found;
    const checked = (iso: string) => (future ? iso : this.notAfterAsOf(label, iso));
    if (cell.kind === 'date') return checked(cell.iso);
    if (cell.kind === 'number') {
      const iso = excelSerialDate(cell.value);
      if (iso === null)
        return this.fail(
          label,
          String(cell.value),
          refuse('IMPORT_DATE_INVALID', { column: label, value: String(cell.value) }),
        );
      return checked(iso);
    }
    const text = this.text(key, required);
    if (text === null) return null;
    const iso = dateOfText(text);
    if (iso === null) return this.fail(label, text, refuse('IMPORT_DATE_INVALID', { column: label, value: text }));
    return checked(iso);
  }

  private notAfterAsOf(label: string, iso: string): string | null {
    if (iso > this.asOf)
      return this.fail(label, iso, refuse('IMPORT_DATE_AFTER_AS_OF', { column: label, value: iso, asOf: this.asOf }));
    return iso;
  }

  list(key: string): string[] {
    const text = this.text(key, false);
    return text === null
      ? []
      : text
          .split(/[、,，;；\n]/)
          .map((part) => part.trim())
          .filter((part) => part !== '');
  }

  termNumber(key: string): number | null {
    const text = this.text(key, false);
    if (text === null) return null;
    const number = termNumberOf(text);
    if (number === null) {
      const label = this.cell(key)?.label as string;
      return this.fail(
        label,
        text,
        refuse('IMPORT_VALUE_NOT_ALLOWED', {
          column: label,
          value: text,
          allowed: ['第一届', '第二届', '1', '2', '…'],
        }),
      );
    }
    return number;
  }
}

function readRow(
  sheet: SheetReading,
  spec: SheetSpec,
  cells: readonly RawCell[],
  row: number,
  asOf: string,
  roll: ParsedRoll,
): void {
  const read = new RowReader(sheet, cells, row, asOf, roll);
  const origin = { sheet: sheet.name, row };
  switch (spec.kind) {
    case 'committees': {
      const name = read.text('name', true);
      const kind = read.choice('kind', false, COMMITTEE_KIND) ?? 'committee';
      const parent = read.text('parent', false);
      const establishedOn = read.date('establishedOn', false);
      const document = read.text('document', false);
      if (read.valid && name !== null) roll.committees.push({ ...origin, name, kind, parent, establishedOn, document });
      return;
    }
    case 'branches': {
      const name = read.text('name', true);
      const committee = read.text('committee', true);
      const joint = read.choice('joint', false, JOINT) ?? false;
      const jointUnits = read.list('jointUnits');
      const links = [
        ...read.list('community').map((linkName) => ({ kind: 'community' as const, name: linkName })),
        ...read.list('formerUnit').map((linkName) => ({ kind: 'formerUnit' as const, name: linkName })),
        ...read.list('association').map((linkName) => ({ kind: 'association' as const, name: linkName })),
      ];
      const establishedOn = read.date('establishedOn', false);
      const document = read.text('document', false);
      if (read.valid && name !== null && committee !== null) {
        roll.branches.push({ ...origin, name, committee, joint, jointUnits, links, establishedOn, document });
      }
      return;
    }
    case 'members': {
      const number = read.text('number', false);
      const name = read.text('name', true);
      const sex = read.choice('sex', true, SEX);
      const birthDate = read.date('birthDate', true);
      const joinedPartyOn = read.date('joinedPartyOn', true);
      const membership = read.choice('membership', true, MEMBERSHIP);
      const confirmedOn = read.date('confirmedOn', false);
      const formerPostLevel = read.text('formerPostLevel', true);
      const branch = read.text('branch', true);
      const address = read.text('address', false);
      if (read.valid && name && sex && birthDate && joinedPartyOn && membership && formerPostLevel && branch) {
        roll.members.push({
          ...origin,
          number,
          name,
          sex,
          birthDate,
          joinedPartyOn,
          membership,
          confirmedOn,
          formerPostLevel,
          branch,
          address,
        });
      }
      return;
    }
    case 'posts': {
      const branch = read.text('branch', true);
      const termNumber = read.termNumber('termNumber');
      const termStart = read.date('termStart', true);
      const termEnd = read.date('termEnd', false, true);
      const name = read.text('name', true);
      const memberNumber = read.text('memberNumber', false);
      const kind = read.choice('kind', true, POST_KIND);
      const duty = read.text('duty', false);
      const source = read.choice('source', false, POST_SOURCE) ?? 'elected';
      const document = read.text('document', false);
      if (read.valid && branch && termStart && name && kind) {
        roll.posts.push({
          ...origin,
          branch,
          termNumber,
          termStart,
          termEnd,
          name,
          memberNumber,
          kind,
          duty,
          source,
          document,
        });
      }
      return;
    }
  }
}

function problem(
  sheet: string,
  row: number | null,
  column: string | null,
  value: string | null,
  error: { code: string; details: unknown },
): ImportProblem {
  return { sheet, row, column, value, refusal: { code: error.code, details: error.details } as Refusal };
}

function textOf(cell: RawCell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.iso;
    case 'formula':
      return `=${cell.formula}`;
  }
}

/** 1950-02-03, 1950/2/3, 1950.2.3, 1950年2月3日, 19500203: the ways rolls write a date. */
export function dateOfText(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(compact) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(compact);
  if (!match) return null;
  const iso = `${match[1]}-${(match[2] as string).padStart(2, '0')}-${(match[3] as string).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** A date Excel keeps as a day number without a date format (days since 1899-12-30). */
function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 第三届, 三, 3, 第3届 → 3; up to 99. */
function termNumberOf(text: string): number | null {
  const core = text.replace(/^第/, '').replace(/届$/, '');
  if (/^\d{1,2}$/.test(core)) return Number(core) > 0 ? Number(core) : null;
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(core);
  if (!match || core === '') return null;
  const [, tens, ten, ones] = match;
  if (ten === undefined) return tens !== undefined && ones === undefined ? (CHINESE_DIGITS[tens] ?? null) : null;
  return (
    (tens === undefined ? 1 : (CHINESE_DIGITS[tens] as number)) * 10 +
    (ones === undefined ? 0 : (CHINESE_DIGITS[ones] as number))
  );
}
