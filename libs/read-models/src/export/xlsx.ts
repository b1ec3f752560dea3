import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stream as excelStream } from 'exceljs';
import type { Language } from '@app/domain';
import type { CsvColumn } from './csv';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How a clerk reads a date in a Chinese workbook: 2022年6月2日, still a date Excel sorts and filters by. */
export const XLSX_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** A column of a workbook: the CSV column (headers, value, and `date` for calendar dates, written as real dates). */
export type XlsxColumn<Row> = CsvColumn<Row>;

/** One sheet: its name (≤ 31 characters, as Excel requires), its columns and its rows, which may arrive page by page. */
export interface XlsxSheet<Row> {
  readonly name: string;
  readonly columns: readonly XlsxColumn<Row>[];
  readonly rows: Iterable<Row> | AsyncIterable<Row>;
}

/** A sheet whose row type is its own business: what `writeXlsx` takes, made by `sheetOf`. */
export interface WorkbookSheet {
  readonly name: string;
  readonly columns: readonly XlsxColumn<unknown>[];
  readonly rows: Iterable<unknown> | AsyncIterable<unknown>;
}

/** A sheet for a workbook: its columns read exactly its rows, which a workbook of several sheets need not share. */
export function sheetOf<Row>(sheet: XlsxSheet<Row>): WorkbookSheet {
  return sheet as unknown as WorkbookSheet;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A value as a typed cell: numbers stay numbers, calendar dates of a date column become dates,
 * yes/no reads 是/否 in a Chinese workbook. Text is written as text, never as a formula, so a
 * name like `=1+2` or `-张三` shows as written and runs nothing (it is a string cell, not `<f>`).
 */
function cellOf(value: unknown, kind: XlsxColumn<unknown>['kind'], language: Language): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'date' && typeof value === 'string') {
    const match = CALENDAR_DATE.exec(value);
    if (match) return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return value;
  }
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return language === 'zh-CN' ? (value ? '是' : '否') : value;
  if (typeof value === 'bigint') return Number(value);
  return JSON.stringify(value);
}

function widthOf(column: XlsxColumn<unknown>, header: string): number {
  if (column.kind === 'date') return Math.max(14, header.length * 2 + 2);
  // A CJK character takes about two columns' width.
  const wide = [...header].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return Math.min(40, Math.max(12, wide + 4));
}

/**
 * Streams a workbook to `output`: each sheet with a bold header row that stays in view (frozen)
 * as the clerk scrolls, and its rows committed as they come, so a roll of any size is written
 * without holding it in memory; the writer waits whenever `output` asks it to.
 */
export async function writeXlsx(output: Writable, sheets: readonly WorkbookSheet[], language: Language): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'branchflow';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((column, index) => {
      const header = language === 'zh-CN' ? column.headerZh : column.header;
      return { header, key: String(index), width: widthOf(column, header) };
    });
    const headerRow = worksheet.getRow(1);
    headerRow.font = { bold: true };
    headerRow.commit();
    let written = 0;
    for await (const row of sheet.rows) {
      const cells = sheet.columns.map((column) => cellOf(column.value(row), column.kind, language));
      const added = worksheet.addRow(cells);
      // Only the cells that hold a date get the date format: a column of figures may carry one date (as_of).
      cells.forEach((cell, index) => {
        if (cell instanceof Date) added.getCell(index + 1).numFmt = XLSX_DATE_FORMAT;
      });
      added.commit();
      written += 1;
      if (written % 1000 === 0 && output.writableNeedDrain) await once(output, 'drain');
    }
    worksheet.commit();
  }
  await workbook.commit();
}
