import type { ApiProblem } from './problem';

/** A UUID v4 from getRandomValues, which (unlike randomUUID) plain-http intranet pages have too. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The headers of one write: its user action's key, and the revision it was read at. */
export interface WriteHeaders {
  readonly 'Idempotency-Key': string;
  readonly 'If-Match'?: string;
}

/**
 * One thing a person does (a button's action), which may take several tries: every try sends
 * the same Idempotency-Key, so the API records it once however often it arrives. A double click
 * while it runs joins the running request instead of sending another. Once the API has answered
 * (done, or refused with nothing recorded) the next click is a new action with a new key; after
 * no answer, a 5xx or a 429 the key is kept, since the first try may have been recorded.
 */
export class UserAction<T> {
  private key = newIdempotencyKey();
  private running: Promise<T> | null = null;

  get pending(): boolean {
    return this.running !== null;
  }

  /** Sends `perform`'s request with this action's headers, or joins the one already running. */
  run(perform: (headers: (revision?: number | null) => WriteHeaders) => Promise<T>): Promise<T> {
    if (this.running) return this.running;
    const key = this.key;
    const headers = (revision?: number | null): WriteHeaders =>
      revision === undefined || revision === null
        ? { 'Idempotency-Key': key }
        : { 'Idempotency-Key': key, 'If-Match': `"${revision}"` };
    const running = perform(headers).then(
      (result) => {
        this.key = newIdempotencyKey();
        return result;
      },
      (error: unknown) => {
        if (isSettled(error)) this.key = newIdempotencyKey();
        throw error;
      },
    );
    this.running = running;
    const clear = () => {
      if (this.running === running) this.running = null;
    };
    running.then(clear, clear);
    return running;
  }
}

function isSettled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'isSettled' in error && (error as ApiProblem).isSettled;
}
