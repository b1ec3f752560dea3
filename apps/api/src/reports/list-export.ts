import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Request, Response } from 'express';
import { sheetOf, toCsv, writeXlsx, XLSX_CONTENT_TYPE, type CsvColumn, type WorkbookSheet } from '@app/read-models';
import { answerIn, languageOf } from '../http/language';
import { NEXT_HEADER } from '../http/read-responses';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export type ExportFormat = 'json' | 'csv' | 'xlsx';

/** `format` on every list endpoint: JSON by default, CSV or an Excel workbook on request. */
export abstract class ExportFormatQuery {
  @ApiPropertyOptional({
    enum: ['json', 'csv', 'xlsx'],
    description:
      'Response format; `Accept: text/csv` also selects CSV, and `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` a workbook. CSV is UTF-8 with a BOM, for Excel. `xlsx` is an Excel workbook of every row from `after` on (every page, streamed), headers in the request’s language, numbers as numbers, dates as dates (2022年6月2日), the header row frozen, text never run as a formula.',
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  readonly format?: ExportFormat;
}

const ACCEPTS_XLSX = /\bapplication\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\b/i;

/** The format asked for: `format` when given, else the first of xlsx and CSV that `Accept` names, else JSON. */
export function formatOf(format: ExportFormat | undefined, request: Request): ExportFormat {
  if (format !== undefined) return format;
  const accept = request.headers.accept ?? '';
  if (ACCEPTS_XLSX.test(accept)) return 'xlsx';
  return /\btext\/csv\b/i.test(accept) ? 'csv' : 'json';
}

/** A positive page size with a ceiling. */
export function PageLimit(defaultLimit: number, max: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, default: defaultLimit }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );
}

/** A non-negative integer cursor (an event position / checkpoint). */
export function PositionCursor(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 0, description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
  );
}

/** CSV when `?format=csv`, or when no format is given and the client accepts text/csv. */
export function wantsCsv(format: ExportFormat | undefined, request: Request): boolean {
  return formatOf(format, request) === 'csv';
}

type Page<Row, Cursor> = { readonly items: readonly Row[]; readonly next: Cursor | null };

export interface ListExport<Row, Cursor> {
  readonly columns: readonly CsvColumn<Row>[];
  /** The CSV's file name (ASCII); the workbook's is the same with `.xlsx`. */
  readonly filename: string;
  /** The workbook's sheet and Chinese file name, e.g. 花名册. */
  readonly title: string;
  /** The page after a cursor, for a workbook of every row. */
  readonly following: (after: Cursor) => Page<Row, Cursor>;
}

/** Every page from the first on, read as the workbook asks for rows. */
export async function* everyPage<Row, Cursor>(
  first: Page<Row, Cursor>,
  following: (after: Cursor) => Page<Row, Cursor>,
): AsyncGenerator<readonly Row[]> {
  let page = first;
  for (;;) {
    yield page.items;
    if (page.next === null) return;
    // Let other requests in between pages of a long export.
    await new Promise((resolve) => setImmediate(resolve));
    page = following(page.next);
  }
}

async function* everyRow<Row, Cursor>(first: Page<Row, Cursor>, following: (after: Cursor) => Page<Row, Cursor>) {
  for await (const items of everyPage(first, following)) yield* items;
}

/**
 * Answers a page of a list: `{items, next}` as JSON, or the items as CSV with a stable header
 * row and the next cursor in a header. Rows are the same in both, so a job can switch formats.
 * A workbook holds every row from the page on, streamed page by page.
 */
export async function sendList<Row, Cursor extends number | string>(
  request: Request,
  response: Response,
  format: ExportFormat | undefined,
  page: Page<Row, Cursor>,
  list: ListExport<Row, Cursor>,
): Promise<void> {
  response.vary('Accept');
  const chosen = formatOf(format, request);
  if (chosen === 'xlsx') {
    const sheet = sheetOf({ name: list.title, columns: list.columns, rows: everyRow(page, list.following) });
    await sendXlsx(response, [sheet], {
      ascii: list.filename.replace(/\.csv$/, '.xlsx'),
      chinese: `${list.title}.xlsx`,
    });
    return;
  }
  if (page.next !== null) response.setHeader(NEXT_HEADER, String(page.next));
  if (chosen === 'csv') {
    sendCsv(response, toCsv(list.columns, page.items, languageOf(request)), list.filename);
    return;
  }
  response.json({ items: page.items, next: page.next });
}

/**
 * An Excel workbook, streamed as it is written, with its headers in the request's language
 * (which Content-Language names) and the file name in Chinese for browsers (filename*).
 */
export async function sendXlsx(
  response: Response,
  sheets: readonly WorkbookSheet[],
  names: { readonly ascii: string; readonly chinese: string },
): Promise<void> {
  const language = languageOf(response.req);
  answerIn(response, language);
  response.setHeader('Content-Type', XLSX_CONTENT_TYPE);
  response.setHeader(
    'Content-Disposition',
    `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.chinese)}`,
  );
  await writeXlsx(response, sheets, language);
}

/** A CSV answer; its headers are in the request's language (Chinese for zh-CN), which Content-Language names. */
export function sendCsv(response: Response, bytes: Buffer, filename: string): void {
  answerIn(response, languageOf(response.req));
  response.setHeader('Content-Type', CSV_CONTENT_TYPE);
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  response.send(bytes);
}
