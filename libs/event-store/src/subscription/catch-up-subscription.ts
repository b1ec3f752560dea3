import type { RecordedEvent } from '../port/envelope';
import type { ReadAllOptions, SubscribeOptions, Subscription, SubscriptionMessage } from '../port/event-store.port';
import { matchesFilter } from './event-filter';
import { pauseIfBusy } from './time-slice';

/** What a store that keeps its own log offers to build catch-up subscriptions on. */
export interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Calls the listener after each append in this process; returns the unsubscribe function. */
  onAppended(listener: () => void): () => void;
  /** How often to look for appends made by other processes; null when there can be none. */
  readonly pollIntervalMs: number | null;
}

const PAGE = 512;

/**
 * Catch-up then live, over a store's own readAll: page through everything after the start
 * position, announce `caughtUp` once, then wait to be woken by an append (or a poll tick) and
 * read on from the last delivered position. Resuming from a stored position therefore yields
 * exactly the events after it.
 */
export function catchUpSubscription(source: CatchUpSource, options: SubscribeOptions = {}): Subscription {
  let closed = false;
  let wake: (() => void) | null = null;
  let pending = false;
  const signal = (): void => {
    pending = true;
    wake?.();
  };
  const unsubscribe = source.onAppended(signal);

  const waitForNews = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (pending || closed) return resolve();
      const timer = source.pollIntervalMs === null ? null : setTimeout(() => done(), source.pollIntervalMs);
      const done = (): void => {
        if (timer) clearTimeout(timer);
        wake = null;
        resolve();
      };
      wake = done;
    });

  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    let position = options.fromPosition;
    let announced = false;
    try {
      while (!closed) {
        pending = false;
        const page = await source.readAll({ fromPosition: position, maxCount: PAGE });
        for (const event of page) {
          // A store that answers synchronously (SQLite, memory) would otherwise deliver its whole
          // log within one turn of the event loop: the consumer's work shares the time slice.
          const pause = pauseIfBusy();
          if (pause) await pause;
          if (closed) return;
          position = event.position;
          if (matchesFilter(event, options.filter)) yield { kind: 'event', event };
        }
        if (page.length < PAGE) {
          if (!announced) {
            announced = true;
            yield { kind: 'caughtUp', position: position ?? null };
          }
          await waitForNews();
        }
      }
    } finally {
      unsubscribe();
    }
  }

  const iterator = messages();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      unsubscribe();
      wake?.();
      // Ends a consumer's pending `for await` as well as an idle one.
      await iterator.return(undefined);
    },
  };
}
