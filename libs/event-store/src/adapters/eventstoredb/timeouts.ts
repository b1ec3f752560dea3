import { StoreUnavailable } from '../../port/errors';

/**
 * The client's own deadline does not help against a peer that accepts TCP and never answers
 * (the call hangs for minutes), so every call also races this adapter's timer.
 */
export function silentServer(timeoutMs: number): StoreUnavailable {
  return new StoreUnavailable(`EventStoreDB did not answer within ${timeoutMs}ms.`);
}

/** Settles like `work`, or rejects with StoreUnavailable once `timeoutMs` pass first. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  // The abandoned call may still fail later; that must not surface as an unhandled rejection.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(silentServer(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The part of the client's streaming read that collecting it needs. */
export interface CancellableRead<T> {
  on(event: 'data', listener: (item: T) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  cancel(): Promise<void>;
}

/**
 * Collects a streaming read. The timer restarts with every item, so a long read that keeps
 * delivering is not cut off, while a silent server is; on timeout the read is cancelled.
 */
export function collectWithin<T>(read: CancellableRead<T>, timeoutMs: number): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const items: T[] = [];
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        settle(() => reject(silentServer(timeoutMs)));
        read.cancel().catch(() => undefined);
      }, timeoutMs);
    };
    read.on('data', (item: T) => {
      items.push(item);
      arm();
    });
    read.on('end', () => settle(() => resolve(items)));
    // Stays attached after settling: a late error of a cancelled read must not crash the process.
    read.on('error', (error: Error) => settle(() => reject(error)));
    arm();
  });
}
