import type { Request, Response } from 'express';
import type { CsvColumn } from '@app/read-models';
import { formatOf, sendList, type ExportFormat } from '../reports/list-export';

/**
 * A whole list (no pages): `{items}` as JSON, or the same rows as CSV or an Excel workbook with
 * the export machinery every list uses (?format=csv|xlsx or Accept).
 */
export async function sendWholeList<Row>(
  request: Request,
  response: Response,
  format: ExportFormat | undefined,
  items: readonly Row[],
  list: { readonly columns: readonly CsvColumn<Row>[]; readonly filename: string; readonly title: string },
  json: object = { items },
): Promise<void> {
  response.vary('Accept');
  if (formatOf(format, request) === 'json') {
    response.json(json);
    return;
  }
  await sendList(
    request,
    response,
    format,
    { items, next: null },
    { ...list, following: () => ({ items: [], next: null }) },
  );
}
