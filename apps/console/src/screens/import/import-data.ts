import { api } from '../../api/api';
import { answer } from '../../api/client';
import { newIdempotencyKey } from '../../api/user-action';
import type { components } from '../../api/schema';

export type ImportReport = components['schemas']['ImportReportDto'];
export type ImportProgress = components['schemas']['ImportProgressDto'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * POST /imports with the file itself as the body: a dry run, or with `apply` the import. The key
 * only satisfies the console's rule that every POST carries one: an import recognises a workbook
 * it has recorded by the rows themselves, whatever the key.
 */
export async function sendWorkbook(file: File, asOf: string, apply: boolean): Promise<ImportReport> {
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX;
  const { data } = await answer(
    api.POST('/imports', {
      params: { query: { asOf, ...(apply ? { apply: true } : {}) } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': type, 'Idempotency-Key': newIdempotencyKey() },
    }),
  );
  return data;
}

/** How far the apply under way has come, or null when none runs. */
export async function importProgress(): Promise<ImportProgress | null> {
  const { data } = await answer(api.GET('/imports/progress'));
  return data.items[0] ?? null;
}

/** The template, fetched with the signed-in user's token and saved as 导入模板.xlsx. */
export async function saveTemplate(): Promise<void> {
  const { data } = await answer(api.GET('/imports/template', { parseAs: 'blob' }));
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = '导入模板.xlsx';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
