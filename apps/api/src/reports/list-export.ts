import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Request, Response } from 'express';
import { toCsv, type CsvColumn } from '@app/read-models';
import { answerIn, languageOf } from '../http/language';
import { NEXT_HEADER } from '../http/read-responses';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** `format` on every list endpoint: JSON by default, CSV on request. */
export abstract class ExportFormatQuery {
  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: 'Response format; `Accept: text/csv` also selects CSV. CSV is UTF-8 with a BOM, for Excel.',
  })
  @IsOptional()
  @IsIn(['json', 'csv'])
  readonly format?: 'json' | 'csv';
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
export function wantsCsv(format: 'json' | 'csv' | undefined, request: Request): boolean {
  if (format !== undefined) return format === 'csv';
  return /\btext\/csv\b/i.test(request.headers.accept ?? '');
}

/**
 * Answers a page of a list: `{items, next}` as JSON, or the items as CSV with a stable header
 * row and the next cursor in a header. Rows are the same in both, so a job can switch formats.
 */
export function sendList<Row>(
  request: Request,
  response: Response,
  format: 'json' | 'csv' | undefined,
  page: { readonly items: readonly Row[]; readonly next: number | string | null },
  csv: { readonly columns: readonly CsvColumn<Row>[]; readonly filename: string },
): void {
  if (page.next !== null) response.setHeader(NEXT_HEADER, String(page.next));
  response.vary('Accept');
  if (wantsCsv(format, request)) {
    sendCsv(response, toCsv(csv.columns, page.items, languageOf(request)), csv.filename);
    return;
  }
  response.json({ items: page.items, next: page.next });
}

/** A CSV answer; its headers are in the request's language (Chinese for zh-CN), which Content-Language names. */
export function sendCsv(response: Response, bytes: Buffer, filename: string): void {
  answerIn(response, languageOf(response.req));
  response.setHeader('Content-Type', CSV_CONTENT_TYPE);
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  response.send(bytes);
}
