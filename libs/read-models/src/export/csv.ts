import { formulaSafeCell } from './formula-guard';
import type { Language } from '@app/domain';

/** The UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as GBK and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

/** One CSV column: its stable header, the header a Chinese export shows instead, and how to read it from a row. */
export interface CsvColumn<Row> {
  readonly header: string;
  readonly headerZh: string;
  readonly value: (row: Row) => unknown;
  /** `date`: its calendar dates (YYYY-MM-DD) are written as dates by a workbook, its other values as they are. CSV writes every value as it is. */
  readonly kind?: 'date';
}

/** Columns named by the row's keys, header = key in both languages: for rows already flat and named for people. */
export function columnsOf<Row extends object>(keys: readonly (keyof Row & string)[]): CsvColumn<Row>[] {
  return keys.map((key) => ({ header: key, headerZh: key, value: (row: Row) => row[key] }));
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
 * The header row is the same whether or not there are rows, so a job can rely on it: the stable
 * English headers, or in a `zh-CN` export the Chinese ones (the values are the same in both).
 */
export function toCsv<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  language: Language = 'en',
): Buffer {
  const lines = [columns.map((c) => cell(language === 'zh-CN' ? c.headerZh : c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return Buffer.from(`${UTF8_BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
