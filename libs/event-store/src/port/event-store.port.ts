import type { NewEvent, RecordedEvent } from './envelope';
import type { ExpectedRevision } from './expected-revision';

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream (the value to expect next time). */
  readonly nextRevision: number;
  /** Global position of the last appended event. */
  readonly position: number;
  /**
   * Set when every event of the append was already stored, under the same ids, by an earlier
   * append: nothing was written, and what is stored may not be what this append carried.
   */
  readonly alreadyStored?: true;
}

/** One stream's part of `appendMany`: what `append(stream, events, { expectedRevision })` would take. */
export interface StreamAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Start here (inclusive). Defaults to 0 forwards, the last event backwards. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
  readonly direction?: Direction;
}

export interface ReadAllOptions {
  /** Read events strictly after this position; omit to start at the beginning. */
  readonly fromPosition?: number;
  readonly maxCount?: number;
}

export interface EventFilter {
  /** Keep events whose stream starts with one of these prefixes (e.g. `branch-`). */
  readonly streamPrefixes?: readonly string[];
  /** Keep events of these types. */
  readonly eventTypes?: readonly string[];
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position; omit to start at the beginning. */
  readonly fromPosition?: number;
  readonly filter?: EventFilter;
}

/** What a subscription yields: events in position order, and a marker each time it reaches the head. */
export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'caughtUp'; readonly position: number | null };

/**
 * A catch-up subscription: first the stored events after `fromPosition`, then `caughtUp`, then live
 * events as they are appended. Iterate it with `for await`; `close()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

/** The one event store contract every adapter fulfils (see contract/event-store.contract.ts). */
export interface EventStore {
  /** A short name for logs and health output: `memory`, `sqlite`, `eventstoredb`. */
  readonly kind: string;
  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /**
   * Many streams' appends at once, each judged exactly as `append` judges it (expected revision,
   * recognised retries, the hash chain), in order, so a stream may appear more than once. The
   * embedded adapters write them in one transaction: a refused one leaves none of them stored.
   * EventStoreDB has no transaction across streams: it stops at the refused one, the earlier
   * ones stay stored, and a retry of the whole list completes it (their ids recognise them).
   * Answers one result per append, in the order given.
   */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /**
   * The revision of each named stream's last event; a stream with no events is left out. What a
   * bulk writer asks before deciding on thousands of streams, most of them new, without a
   * StreamNotFound for each.
   */
  streamRevisions(streams: readonly string[]): Promise<Map<string, number>>;
  /** Throws StreamNotFound when the stream has no events. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /**
   * Position of the newest event (null when the store holds none). A reader that has applied
   * everything up to here has seen every write committed before the call: the basis of
   * read-your-writes for read models.
   */
  headPosition(): Promise<number | null>;
  /**
   * Resolves when the store answers; throws StoreUnavailable otherwise, or a StorageFault while
   * the file under it cannot take writes (an adapter that remembers its last write's fault).
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}
