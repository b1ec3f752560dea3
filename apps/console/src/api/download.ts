import { answer } from './client';

/** The UTF-8 byte order mark: Excel opens a CSV without it as GBK and garbles the Chinese. */
const BOM = '\uFEFF';

/** Hands content to the browser as a file to save, under `name`. */
export function saveFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; free it a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** One page of a CSV export: its text, and the cursor of the next page (`X-Next-After`), if any. */
export interface CsvPage {
  readonly text: string;
  readonly next: string | null;
}

/** A CSV answer of the API (fetched with `parseAs: 'text'`), or its refusal as an ApiProblem. */
export async function csvPage(call: Promise<{ data?: string; error?: unknown; response: Response }>): Promise<CsvPage> {
  let next: string | null = null;
  const { data } = await answer(
    call.then((result) => {
      next = result.response.headers.get('X-Next-After');
      return result;
    }),
  );
  return { text: data, next };
}

/**
 * A paged CSV export as one file: the first page's header row, then every page's rows, behind a
 * byte order mark (the browser's decoder drops the one the API sends).
 */
export function joinCsvPages(pages: readonly string[]): string {
  const [first = '', ...rest] = pages.map((page) => (page.startsWith(BOM) ? page.slice(BOM.length) : page));
  const rows = rest.map((page) => {
    const end = page.indexOf('\n');
    return end === -1 ? '' : page.slice(end + 1);
  });
  return BOM + first + rows.join('');
}

/** Every page of an export, `after` the previous page's cursor, joined into one CSV file. */
export async function wholeCsv(page: (after: string | undefined) => Promise<CsvPage>): Promise<string> {
  const pages: string[] = [];
  let after: string | undefined;
  do {
    const { text, next } = await page(after);
    pages.push(text);
    after = next ?? undefined;
  } while (after !== undefined);
  return joinCsvPages(pages);
}

export const CSV_TYPE = 'text/csv;charset=utf-8';
