/** An `application/problem+json` answer of the API, or a request that never got one. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** For 409 on a stale If-Match: the revision now current. */
    readonly currentRevision: number | null = null,
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }

  /** Someone else changed the record since it was read (stale If-Match). */
  get isConflict(): boolean {
    return this.status === 409;
  }

  /**
   * The API answered, so the action is settled: done, or refused and nothing recorded. After
   * anything else (no answer, 5xx, 429) the same action may be retried with the same key.
   */
  get isSettled(): boolean {
    return this.status >= 200 && this.status < 500 && this.status !== 429 && this.status !== 408;
  }
}

const NETWORK = '无法连接到服务器，请检查网络后重试。';

/** Turns whatever an API call failed with into an ApiProblem with a sentence for people. */
export function problemOf(status: number, body: unknown): ApiProblem {
  if (body && typeof body === 'object') {
    const { code, detail, currentRevision } = body as Record<string, unknown>;
    if (typeof detail === 'string') {
      return new ApiProblem(
        status,
        typeof code === 'string' ? code : `HTTP_${status}`,
        detail,
        typeof currentRevision === 'number' ? currentRevision : null,
      );
    }
  }
  return new ApiProblem(status, `HTTP_${status}`, `服务器返回了错误（HTTP ${status}），请稍后重试。`);
}

export function networkProblem(): ApiProblem {
  return new ApiProblem(0, 'NETWORK', NETWORK);
}
