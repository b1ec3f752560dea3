import { formulaSafeCell } from './formula-guard';

/** The UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as GBK and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

/** One CSV column: its stable header and how to read it from a row. */
export interface CsvColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => unknown;
}

/** Columns named by the row's keys, header = key: the common case where rows are already flat. */
export function columnsOf<Row extends object>(keys: readonly (keyof Row & string)[]): CsvColumn<Row>[] {
  return keys.map((key) => ({ header: key, value: (row: Row) => row[key] }));
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Text that a spreadsheet would run as a formula (formula-guard.ts); numbers are not text.
  if (typeof value === 'string') return formulaSafeCell(value) ?? plainCell(value);
  return plainCell(value);
}

function plainCell(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with CRLF line ends and a header row, prefixed with the BOM, as UTF-8 bytes.
 * The header row is the same whether or not there are rows, so a job can rely on it.
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): Buffer {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return Buffer.from(`${UTF8_BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
