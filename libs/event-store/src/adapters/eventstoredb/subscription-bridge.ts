import type { RecordedEvent } from '../../port/envelope';
import type { EventFilter, Subscription, SubscriptionMessage } from '../../port/event-store.port';
import { matchesFilter } from '../../subscription/event-filter';

/** What the client's subscription reports, fed in by whoever listens to it. */
export interface SubscriptionFeed<R> {
  /** An event as the client emits it ('data'). */
  event(raw: R): void;
  /**
   * The server reached the head ('caughtUp'). The client announces this while earlier events may
   * still sit in its stream buffer, unemitted: `stillBuffered` of them precede the marker.
   */
  caughtUp(stillBuffered: number): void;
  failed(error: unknown): void;
  ended(): void;
}

export interface BridgeOptions<R> {
  /** The port's event, or null for records that are not ours to deliver (system events). */
  decode(raw: R): RecordedEvent | null;
  translateError(error: unknown): Error;
  /** Flow control over the client's stream, so a long catch-up is not buffered whole in memory. */
  pause(): void;
  resume(): void;
  /** Ends the server subscription. */
  stop(): Promise<void>;
  readonly fromPosition?: number;
  readonly filter?: EventFilter;
}

type Queued<R> = { readonly kind: 'raw'; readonly raw: R } | { readonly kind: 'caughtUp' };

const HIGH_WATER = 512;
const LOW_WATER = 64;

/**
 * Turns the client's push-style subscription into the port's pull-style one: events in order,
 * `fromPosition` exclusive, the EventFilter applied, one `caughtUp` at the right place in the
 * sequence, errors translated and raised after the events received before them.
 */
export function bridgeSubscription<R>(options: BridgeOptions<R>): {
  feed: SubscriptionFeed<R>;
  subscription: Subscription;
} {
  const queue: Queued<R>[] = [];
  let received = 0;
  let caughtUpAfter: number | null = null;
  let caughtUpSeen = false;
  let failure: unknown = null;
  let finished = false;
  let closed = false;
  let paused = false;
  let stopping: Promise<void> | null = null;
  const stopOnce = (): Promise<void> => (stopping ??= options.stop().catch(() => undefined));
  let wake: (() => void) | null = null;
  const signal = (): void => {
    wake?.();
    wake = null;
  };

  const feed: SubscriptionFeed<R> = {
    event(raw) {
      received += 1;
      queue.push({ kind: 'raw', raw });
      if (caughtUpAfter === received) {
        caughtUpAfter = null;
        queue.push({ kind: 'caughtUp' });
      }
      if (queue.length >= HIGH_WATER && !paused) {
        paused = true;
        options.pause();
      }
      signal();
    },
    caughtUp(stillBuffered) {
      // EventStoreDB says so again after falling behind; the port announces the head once.
      if (caughtUpSeen) return;
      caughtUpSeen = true;
      if (stillBuffered > 0) caughtUpAfter = received + stillBuffered;
      else queue.push({ kind: 'caughtUp' });
      signal();
    },
    failed(error) {
      failure ??= error;
      signal();
    },
    ended() {
      finished = true;
      signal();
    },
  };

  async function* messages(): AsyncGenerator<SubscriptionMessage> {
    let position = options.fromPosition;
    try {
      while (!closed) {
        const next = queue.shift();
        if (paused && queue.length <= LOW_WATER) {
          paused = false;
          options.resume();
        }
        if (next === undefined) {
          if (failure !== null) throw options.translateError(failure);
          if (finished) return;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        if (next.kind === 'caughtUp') {
          yield { kind: 'caughtUp', position: position ?? null };
          continue;
        }
        const event = options.decode(next.raw);
        if (event === null) continue;
        if (position !== undefined && event.position <= position) continue;
        position = event.position;
        if (matchesFilter(event, options.filter)) yield { kind: 'event', event };
      }
    } finally {
      // However the iteration ends (close, a consumer's break, an error), the server side ends too.
      closed = true;
      await stopOnce();
    }
  }

  const iterator = messages();
  const subscription: Subscription = {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      signal();
      await stopOnce();
      // Ends a consumer's pending `for await` as well as an idle one.
      await iterator.return(undefined);
    },
  };
  return { feed, subscription };
}
