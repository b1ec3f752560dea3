import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { SHEETS } from '../roll-layout';

export type WrittenCell = string | number | Date | null;

export interface WrittenSheet {
  readonly name: string;
  readonly rows: readonly (readonly WrittenCell[])[];
}

/**
 * An `.xlsx` of plain sheets, written as a stream (a province roll is 150,000 rows): the first
 * row bold and frozen, dates as dates shown as 1950-02-03, everything else as given.
 */
export async function writeWorkbook(sheets: readonly WrittenSheet[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.rows.forEach((cells, index) => {
      const row = worksheet.addRow([...cells]);
      if (index === 0) row.font = { bold: true };
      cells.forEach((cell, column) => {
        if (cell instanceof Date) row.getCell(column + 1).numFmt = 'yyyy-mm-dd';
      });
      row.commit();
    });
    worksheet.commit();
  }
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** The template the API hands out: every sheet with its headers and one example row. */
export function templateWorkbook(): Promise<Buffer> {
  return writeWorkbook(
    SHEETS.map((sheet) => ({
      name: sheet.names[0] as string,
      rows: [sheet.columns.map((column) => column.names[0] as string), sheet.columns.map((column) => column.example)],
    })),
  );
}
