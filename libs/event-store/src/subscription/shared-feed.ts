import type { NewEvent, RecordedEvent } from '../port/envelope';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
  Subscription,
  SubscriptionMessage,
} from '../port/event-store.port';
import { matchesFilter } from './event-filter';
import { pauseIfBusy } from './time-slice';

/** Events read from the store per page by a subscriber still behind the shared feed. */
const PAGE = 512;

/** Recent events the shared feed keeps for subscribers a little behind (a batch being committed). */
const DEFAULT_CAPACITY = 4096;

/**
 * One read of new events for every subscriber of the process. The projections and process
 * managers used to hold a catch-up subscription each, so every append was read, decoded and
 * upcast once per subscriber (7 times per command, a third of a command's time in a profile).
 * Here one subscription of the store (the feed) reads each new event once and keeps the most
 * recent ones; every subscription handed out reads the store itself only while it is behind what
 * the feed holds (a rebuild from the start, a restart far behind), then takes the very same
 * decoded events from the feed. Ordering, `caughtUp` and resuming after a position are those of
 * the store's own subscriptions; if the feed fails, each subscription goes on with one of its own.
 */
export class SharedFeedEventStore implements EventStore {
  private feed: SharedFeed | null = null;

  constructor(
    readonly inner: EventStore,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  get kind(): string {
    return this.inner.kind;
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.inner.append(stream, events, options);
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.inner.appendMany(appends);
  }

  streamRevisions(streams: readonly string[]): Promise<Map<string, number>> {
    return this.inner.streamRevisions(streams);
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.feed ??= new SharedFeed(this.inner, this.capacity);
    return this.feed.subscribe(options);
  }

  headPosition(): Promise<number | null> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  async close(): Promise<void> {
    await this.feed?.close();
    await this.inner.close();
  }
}

type FeedState = 'starting' | 'running' | 'ended' | 'failed';

/** What closing a subscription must reach while it waits. */
interface Control {
  closed: boolean;
  cancelWait: (() => void) | null;
  own: Subscription | null;
}

class SharedFeed {
  /** Events after `base`, in position order, as the store's subscription delivered them. */
  private events: RecordedEvent[] = [];
  /** Every event after this position up to the last in `events` is held (-Infinity: from the start). */
  private base = -Infinity;
  private state: FeedState = 'starting';
  private live = false;
  private wakers: Array<() => void> = [];
  private tail: Subscription | null = null;
  private closed = false;
  private readonly running: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly capacity: number,
  ) {
    this.running = this.run();
  }

  private async run(): Promise<void> {
    try {
      const head = await this.store.headPosition();
      if (this.closed) return;
      this.base = head ?? -Infinity;
      this.tail = this.store.subscribeToAll({ fromPosition: head ?? undefined });
      this.state = 'running';
      this.wake();
      for await (const message of this.tail) {
        if (message.kind === 'caughtUp') this.live = true;
        else this.hold(message.event);
        this.wake();
      }
      this.state = 'ended';
    } catch {
      // Each subscription goes on with one of its own, which reports the store's error itself.
      this.state = 'failed';
    } finally {
      if (this.state === 'starting') this.state = 'ended';
      this.wake();
    }
  }

  private hold(event: RecordedEvent): void {
    this.events.push(event);
    // Trimmed by halves, so the copy is paid once per `capacity` events rather than per event.
    if (this.events.length > 2 * this.capacity) {
      const dropped = this.events.length - this.capacity;
      this.base = (this.events[dropped - 1] as RecordedEvent).position;
      this.events = this.events.slice(dropped);
    }
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const waker of wakers) waker();
  }

  /** Resolves at the feed's next news (an event, caught up, its end) or when `cancel` is called. */
  private news(): { promise: Promise<void>; cancel: () => void } {
    let cancel: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => {
      cancel = resolve;
      this.wakers.push(resolve);
    });
    return { promise, cancel };
  }

  /** The held events after `position`; null when the feed does not hold all of them. */
  private after(position: number): RecordedEvent[] | null {
    if (this.state !== 'running' && this.state !== 'ended') return null;
    if (position < this.base) return null;
    const events = this.events;
    let low = 0;
    let high = events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((events[middle] as RecordedEvent).position <= position) low = middle + 1;
      else high = middle;
    }
    return low === events.length ? [] : events.slice(low);
  }

  subscribe(options: SubscribeOptions): Subscription {
    const control: Control = { closed: false, cancelWait: null, own: null };
    const iterator = this.deliver(options, control);
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        control.closed = true;
        control.cancelWait?.();
        await control.own?.close();
        // Ends a consumer's pending `for await` as well as an idle one.
        await iterator.return(undefined);
      },
    };
  }

  private async *deliver(options: SubscribeOptions, control: Control): AsyncGenerator<SubscriptionMessage> {
    let position = options.fromPosition;
    let announced = false;
    const waitForNews = async (): Promise<void> => {
      const wait = this.news();
      control.cancelWait = wait.cancel;
      await wait.promise;
    };
    while (!control.closed && !this.closed) {
      if (this.state === 'failed') {
        // The feed stopped on an error: read on alone, as the store's own subscription would.
        control.own = this.store.subscribeToAll({ fromPosition: position, filter: options.filter });
        for await (const message of control.own) {
          if (message.kind === 'caughtUp' && announced) continue;
          yield message;
        }
        return;
      }
      let events = this.after(position ?? -Infinity);
      if (events === null && this.state === 'starting') {
        await waitForNews();
        continue;
      }
      if (events === null) {
        // Behind what the feed holds: read the store until caught up with it.
        events = await this.store.readAll({ fromPosition: position, maxCount: PAGE });
        if (events.length === 0) {
          await waitForNews();
          continue;
        }
      }
      for (const event of events) {
        // The consumer's work shares the time slice, as in the store's own subscriptions.
        const pause = pauseIfBusy();
        if (pause) await pause;
        if (control.closed) return;
        position = event.position;
        if (matchesFilter(event, options.filter)) yield { kind: 'event', event };
      }
      if (events.length > 0) continue;
      if (this.state === 'ended') return;
      if (!announced && this.live) {
        announced = true;
        yield { kind: 'caughtUp', position: position ?? null };
        continue;
      }
      await waitForNews();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.tail?.close();
    this.wake();
    await this.running;
  }
}
