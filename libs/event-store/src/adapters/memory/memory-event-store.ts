import { EventEmitter } from 'node:events';
import { planAppend, assertWellFormed, type StoredLocation } from '../../append/plan-append';
import { sealEvents } from '../../chain/hash-chain';
import { systemClock, type Clock } from '../../port/clock';
import type { NewEvent, RecordedEvent } from '../../port/envelope';
import { StoreUnavailable, StreamNotFound } from '../../port/errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  StreamAppend,
  Subscription,
} from '../../port/event-store.port';
import { catchUpSubscription } from '../../subscription/catch-up-subscription';
import { sliceStream } from '../slice-stream';

/** The whole store in one array: for unit tests and as the reference behaviour of the contract. */
export class MemoryEventStore implements EventStore {
  readonly kind = 'memory';
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, StoredLocation>();
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private closed = false;

  constructor(private readonly clock: Clock = systemClock) {}

  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    // The executor runs at once, so the append stays atomic; a throw becomes the rejection.
    return new Promise((resolve) => resolve(this.appendNow(stream, events, options)));
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return new Promise((resolve) => {
      this.assertOpen();
      for (const { stream, events } of appends) assertWellFormed(stream, events);
      const logLength = this.log.length;
      const before = new Map(appends.map(({ stream }) => [stream, this.streams.get(stream)]));
      try {
        resolve(
          appends.map(({ stream, events, expectedRevision }) => this.appendNow(stream, events, { expectedRevision })),
        );
      } catch (error) {
        // All or nothing, as one SQLite transaction: forget what the earlier appends stored.
        for (const event of this.log.splice(logLength)) this.byId.delete(event.id.toLowerCase());
        for (const [stream, events] of before) {
          if (events === undefined) this.streams.delete(stream);
          else this.streams.set(stream, events);
        }
        throw error;
      }
    });
  }

  private appendNow(stream: string, events: readonly NewEvent[], options: AppendOptions): AppendResult {
    this.assertOpen();
    assertWellFormed(stream, events);
    const existing = this.streams.get(stream) ?? [];
    const last = existing[existing.length - 1];
    const head = last ? { revision: last.revision, hash: last.metadata.hash } : null;
    const stored = events.flatMap((event) => this.byId.get(event.id.toLowerCase()) ?? []);
    const plan = planAppend(stream, events, options.expectedRevision, head, stored);
    if (plan.kind === 'alreadyAppended') return plan.result;

    const sealed = sealEvents(stream, head, events, this.clock().toISOString());
    const recorded = sealed.map((event) => {
      const withPosition: RecordedEvent = { ...event, position: this.log.length + 1 };
      this.log.push(withPosition);
      this.byId.set(event.id.toLowerCase(), withPosition);
      return withPosition;
    });
    this.streams.set(stream, [...existing, ...recorded]);
    this.appended.emit('appended');
    const lastRecorded = recorded[recorded.length - 1] as RecordedEvent;
    return { nextRevision: lastRecorded.revision, position: lastRecorded.position };
  }

  streamRevisions(streams: readonly string[]): Promise<Map<string, number>> {
    this.assertOpen();
    const revisions = new Map<string, number>();
    for (const stream of streams) {
      const events = this.streams.get(stream);
      const last = events?.[events.length - 1];
      if (last) revisions.set(stream, last.revision);
    }
    return Promise.resolve(revisions);
  }

  readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const events = this.streams.get(stream);
    if (!events) return Promise.reject(new StreamNotFound(stream));
    return Promise.resolve(sliceStream(events, options));
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    // Positions are 1-based indexes into the log, so the slice starts right after fromPosition.
    const start = options.fromPosition ?? 0;
    const end = options.maxCount === undefined ? undefined : start + options.maxCount;
    return Promise.resolve(this.log.slice(start, end));
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    return catchUpSubscription(
      {
        readAll: (o) => this.readAll(o),
        onAppended: (listener) => {
          this.appended.on('appended', listener);
          return () => this.appended.off('appended', listener);
        },
        pollIntervalMs: null,
      },
      options,
    );
  }

  headPosition(): Promise<number | null> {
    this.assertOpen();
    return Promise.resolve(this.log.length === 0 ? null : this.log.length);
  }

  ping(): Promise<void> {
    return this.closed ? Promise.reject(new StoreUnavailable('The memory store is closed.')) : Promise.resolve();
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailable('The memory store is closed.');
  }
}
