import { StorageFault, StoreUnavailable, type EventStore } from '@app/event-store';

/**
 * Runs a store call under our own deadline. Client deadlines are not enough: an EventStoreDB
 * peer that accepts TCP and never answers makes the gRPC client hang for minutes (STACK.md).
 */
export async function withStoreTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StoreUnavailable(`The event store did not answer ${what} within ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves when the store answers within timeoutMs; otherwise rejects with StoreUnavailable, or
 * with the StorageFault (full, read-only, failing, damaged) that keeps it from taking writes.
 */
export async function pingStore(store: EventStore, timeoutMs: number): Promise<void> {
  try {
    await withStoreTimeout(store.ping(), timeoutMs, 'a ping');
  } catch (error) {
    if (error instanceof StoreUnavailable || error instanceof StorageFault) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailable(`The ${store.kind} event store failed a ping: ${reason}`, { cause: error });
  }
}
