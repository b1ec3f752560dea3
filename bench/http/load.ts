import { Agent, request } from 'node:http';

/** One request's answer as the load loop sees it. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export interface Shot {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface LoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Answers other than the expected status, by status. */
  readonly unexpected: Record<string, number>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

export function send(port: number, shot: Shot): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: shot.method,
        path: shot.path,
        agent,
        headers: { ...(shot.body ? { 'content-type': 'application/json' } : {}), ...shot.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(shot.body);
  });
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/**
 * `concurrency` loops, each sending the next shot its `next(loop, i)` makes as soon as the last
 * one answered, for `seconds`; `after` sees each answer (to keep an If-Match current).
 */
export async function load(
  port: number,
  concurrency: number,
  seconds: number,
  expected: number,
  next: (loop: number, i: number) => Shot,
  after?: (loop: number, answer: Answer) => void,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      for (let i = 0; performance.now() < deadline; i += 1) {
        const sent = performance.now();
        const answer = await send(port, next(loop, i));
        latencies.push(performance.now() - sent);
        count += 1;
        if (answer.status !== expected) unexpected[answer.status] = (unexpected[answer.status] ?? 0) + 1;
        after?.(loop, answer);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: count,
    perSecond: Math.round(count / elapsed),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    unexpected,
  };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
