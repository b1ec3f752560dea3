import type { Language } from '@app/domain';

/**
 * A small client of branchflow's public HTTP API for operator commands: a bearer token on every
 * request, an Idempotency-Key on every command, waits out 429 (Retry-After) and a passing 503,
 * and turns problem+json answers into errors that say which request failed and why, in the
 * language it asks for (Accept-Language).
 */

export interface CommandOutcomeBody {
  readonly stream: string;
  readonly revision: number | null;
  readonly replayed: boolean;
  readonly events: readonly { readonly type: string; readonly data: Record<string, unknown> }[];
}

export interface Problem {
  readonly title?: string;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: readonly { readonly field: string; readonly messages: readonly string[] }[];
}

/** The API answered with an error. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly problem: Problem,
    readonly key?: string,
  ) {
    const fields = problem.errors?.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ');
    super(
      `${method} ${path}${key ? ` (Idempotency-Key ${key})` : ''} answered ${status}` +
        `${problem.code ? ` ${problem.code}` : ''}: ${problem.detail ?? problem.title ?? 'no detail'}` +
        (fields ? ` [${fields}]` : ''),
    );
    this.name = 'ApiError';
  }
}

/** Nothing answers at the URL. */
export class ApiUnreachable extends Error {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`No branchflow API answers at ${url} (${reason}).`);
    this.name = 'ApiUnreachable';
  }
}

export interface HttpClientOptions {
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Give up after this many waits on 429/503 for one request. */
  readonly maxRetries?: number;
  /** Upper bound of one request. */
  readonly timeoutMs?: number;
  /** Sent as Accept-Language: the language of the problems' `detail` (and of CSV headers). */
  readonly language?: Language;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ApiClient {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;
  private readonly language: Language | undefined;
  /** Requests sent, for the summary. */
  requests = 0;

  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    options: HttpClientOptions = {},
  ) {
    this.fetch = options.fetch ?? fetch;
    this.sleep = options.sleep ?? sleepFor;
    this.maxRetries = options.maxRetries ?? 20;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.language = options.language;
  }

  async get<T>(path: string, accept = 'application/json'): Promise<T> {
    const response = await this.send('GET', path, undefined, { Accept: accept });
    return (accept === 'application/json' ? await response.json() : await response.text()) as T;
  }

  /** An answer's bytes as sent (a workbook, a document). */
  async bytes(path: string, accept: string): Promise<Buffer> {
    const response = await this.send('GET', path, undefined, { Accept: accept });
    return Buffer.from(await response.arrayBuffer());
  }

  /** Every item of a paged JSON list (`{items, next}`), following `next` to the last page. */
  async allItems<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let after: string | null = null;
    do {
      const page: { items: T[]; next: string | number | null } = await this.get(withCursor(path, after));
      items.push(...page.items);
      after = page.next === null ? null : String(page.next);
    } while (after);
    return items;
  }

  /**
   * Every line of a paged CSV export, following X-Next-After to the last page: one header line,
   * then the rows, without the byte order mark or line ends. Each page repeats the BOM and the
   * header, so they are dropped from every page but the first.
   */
  async allCsv(path: string): Promise<string[]> {
    const lines: string[] = [];
    let after: string | null = null;
    do {
      const response = await this.send('GET', withCursor(path, after), undefined, { Accept: 'text/csv' });
      const body = (await response.text()).replace(/^\uFEFF/, '').replace(/\r\n$/, '');
      const pageLines = body === '' ? [] : body.split('\r\n');
      lines.push(...(lines.length === 0 ? pageLines : pageLines.slice(1)));
      after = response.headers.get('x-next-after');
    } while (after);
    return lines;
  }

  /** A command: POST with its Idempotency-Key; a repeat with the same key appends nothing. */
  async command(key: string, path: string, body: object = {}): Promise<CommandOutcomeBody> {
    const response = await this.send('POST', path, body, { 'Idempotency-Key': key }, key);
    return (await response.json()) as CommandOutcomeBody;
  }

  private async send(
    method: string,
    path: string,
    body: object | undefined,
    headers: Record<string, string>,
    key?: string,
  ): Promise<Response> {
    const url = `${this.baseUrl}${path}`;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        this.requests += 1;
        response = await this.fetch(url, {
          method,
          headers: {
            Authorization: `Bearer ${this.token}`,
            ...(this.language === undefined ? {} : { 'Accept-Language': this.language }),
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        throw new ApiUnreachable(this.baseUrl, describeFetchError(error));
      }
      if (response.ok) return response;
      const retryable = response.status === 429 || response.status === 503;
      if (retryable && attempt < this.maxRetries) {
        await response.arrayBuffer();
        const retryAfter = Number(response.headers.get('retry-after'));
        await this.sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 250 * (attempt + 1));
        continue;
      }
      throw new ApiError(method, path, response.status, await problemOf(response), key);
    }
  }
}

/** `path` with the cursor of the page after `after`, if any. */
function withCursor(path: string, after: string | null): string {
  return after ? `${path}${path.includes('?') ? '&' : '?'}after=${encodeURIComponent(after)}` : path;
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    return JSON.parse(text) as Problem;
  } catch {
    return { detail: text.slice(0, 300) || response.statusText };
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    if (error.name === 'TimeoutError') return 'the request timed out';
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
