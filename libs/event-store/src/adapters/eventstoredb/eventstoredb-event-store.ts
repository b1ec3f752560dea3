/**
 * The EventStoreDB adapter: the only file of the project that imports `@eventstore/db-client`.
 * Pure translations live in eventstoredb-mapping.ts, timeouts in timeouts.ts and the subscription
 * plumbing in subscription-bridge.ts.
 */
import {
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  NotLeaderError,
  START,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Filter,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { assertWellFormed, planAppend, type StoredLocation, type StreamHead } from '../../append/plan-append';
import { sealEvents, type SealedEvent } from '../../chain/hash-chain';
import { systemClock, type Clock } from '../../port/clock';
import type { NewEvent, RecordedEvent } from '../../port/envelope';
import { EventStoreError, StoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../../port/errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../../port/event-store.port';
import {
  actualRevisionFrom,
  decodeRecord,
  encodeEvent,
  expectedRevisionFor,
  idempotencyWindow,
  isSystemRecord,
  positionFromClient,
  positionToClient,
  serverFilterFor,
  toSafeNumber,
  toleratesConcurrentAppends,
  type StreamWindow,
} from './eventstoredb-mapping';
import { bridgeSubscription } from './subscription-bridge';
import { collectWithin, silentServer, withTimeout } from './timeouts';

export interface EventStoreDbOptions {
  /** Upper bound on every call to the server (3000 ms by default). */
  readonly timeoutMs?: number;
  readonly clock?: Clock;
}

/** gRPC status codes that mean "the server could not be reached", whatever error class carries them. */
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
/** Re-reads allowed when `any`/`streamExists` appends keep losing the race to other writers. */
const MAX_APPEND_ATTEMPTS = 20;
/** Events per $all read request; readAll pages with it so one call never asks for unbounded data. */
const PAGE = 1000;

export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private closed = false;
  private readonly subscriptions = new Set<Subscription>();

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly timeoutMs: number,
    private readonly clock: Clock,
  ) {}

  /** Connects lazily: the first call opens the channel, so this never blocks or throws for a down server. */
  static connect(connectionString: string, options: EventStoreDbOptions = {}): EventStoreDbEventStore {
    const timeoutMs = options.timeoutMs ?? 3000;
    if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be positive, not ${timeoutMs}.`);
    const client = EventStoreDBClient.connectionString(connectionString);
    return new EventStoreDbEventStore(client, timeoutMs, options.clock ?? systemClock);
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    assertWellFormed(stream, events);
    const expected = options.expectedRevision;
    for (let attempt = 1; ; attempt += 1) {
      const head = await this.readHead(stream);
      const stored = await this.findStored(stream, events, idempotencyWindow(expected, head, events.length));
      const plan = planAppend(stream, events, expected, head, stored);
      if (plan.kind === 'alreadyAppended') return plan.result;
      // The chain is sealed over the head just read and the server is told to expect exactly that
      // head, so an append slipping in between is refused instead of breaking the chain.
      const sealed = sealEvents(stream, head, events, this.clock().toISOString());
      try {
        return await this.write(stream, sealed, head);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw this.translate(error, stream);
        if (!toleratesConcurrentAppends(expected) || attempt >= MAX_APPEND_ATTEMPTS) {
          throw new WrongExpectedRevision(stream, expected, actualRevisionFrom(error.actualVersion));
        }
      }
    }
  }

  async streamRevisions(streams: readonly string[]): Promise<Map<string, number>> {
    this.assertOpen();
    const revisions = new Map<string, number>();
    for (const stream of streams) {
      const head = await this.readHead(stream);
      if (head !== null) revisions.set(stream, head.revision);
    }
    return revisions;
  }

  /** One stream after another: the server has no transaction across streams (see the port). */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.assertOpen();
    for (const { stream, events } of appends) assertWellFormed(stream, events);
    const results: AppendResult[] = [];
    for (const { stream, events, expectedRevision } of appends) {
      results.push(await this.append(stream, events, { expectedRevision }));
    }
    return results;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    return this.readWindow(stream, {
      fromRevision: options.fromRevision,
      direction: backwards ? 'backwards' : 'forwards',
      maxCount: options.maxCount,
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let after = options.fromPosition;
    while (events.length < limit) {
      // Reading from a position includes the event there, hence one more than still wanted.
      const wanted = Math.min(PAGE, limit - events.length) + (after === undefined ? 0 : 1);
      const page = await this.readAllPage(after === undefined ? START : positionToClient(after), wanted);
      for (const { event: record } of page) {
        if (!record) continue;
        const position = positionFromClient(record.position, record.id);
        if (after !== undefined && position <= after) continue;
        after = position;
        if (isSystemRecord(record)) continue;
        events.push(decodeRecord(record));
        if (events.length >= limit) break;
      }
      if (page.length < wanted) break;
    }
    return events;
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const from = options.fromPosition;
    const source = this.client.subscribeToAll({
      fromPosition: from === undefined ? START : positionToClient(from),
      filter: toClientFilter(options.filter),
    });
    const { feed, subscription } = bridgeSubscription<AllStreamResolvedEvent>({
      decode: ({ event: record }) => (record && !isSystemRecord(record) ? decodeRecord(record) : null),
      translateError: (error) => this.translate(error),
      pause: () => source.pause(),
      resume: () => source.resume(),
      stop: () => source.unsubscribe(),
      fromPosition: from,
      filter: options.filter,
    });
    // A subscription has no deadline of its own, but one the server never confirms is as dead as a
    // call that never answers.
    const unconfirmed = setTimeout(() => feed.failed(silentServer(this.timeoutMs)), this.timeoutMs);
    unconfirmed.unref();
    source.on('confirmation', () => clearTimeout(unconfirmed));
    source.on('data', (event: AllStreamResolvedEvent) => feed.event(event));
    // Events produced before the marker but not yet emitted sit in the stream's buffer.
    source.on('caughtUp', () => feed.caughtUp(source.readableLength));
    source.on('error', (error: Error) => feed.failed(error));
    source.on('end', () => feed.ended());

    this.subscriptions.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      close: async () => {
        clearTimeout(unconfirmed);
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  async headPosition(): Promise<number | null> {
    this.assertOpen();
    // The newest records of $all may be the server's own ($-streams); skip back past them.
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllPage(from, PAGE, BACKWARDS);
      for (const { event: record } of page) {
        if (record && !isSystemRecord(record)) return positionFromClient(record.position, record.id);
      }
      const last = page[page.length - 1]?.event;
      if (page.length < PAGE || !last?.position) return null;
      from = last.position;
    }
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.readAllPage(END, 1, BACKWARDS);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.subscriptions.clear();
    await withTimeout(this.client.dispose(), this.timeoutMs).catch(() => undefined);
  }

  /** The stream's last event, or null when the stream has none. */
  private async readHead(stream: string): Promise<(StreamHead & { position: number }) | null> {
    try {
      const [last] = await this.readWindow(stream, { direction: 'backwards', maxCount: 1 });
      return last ? { revision: last.revision, hash: last.metadata.hash, position: last.position } : null;
    } catch (error) {
      if (error instanceof StreamNotFound) return null;
      throw error;
    }
  }

  private async findStored(
    stream: string,
    events: readonly NewEvent[],
    window: StreamWindow | null,
  ): Promise<StoredLocation[]> {
    if (window === null) return [];
    const ids = new Set(events.map((event) => event.id.toLowerCase()));
    const candidates = await this.readWindow(stream, window);
    return candidates
      .filter((event) => ids.has(event.id.toLowerCase()))
      .map(({ id, revision, position }) => ({ id, stream, revision, position }));
  }

  private async write(stream: string, sealed: readonly SealedEvent[], head: StreamHead | null): Promise<AppendResult> {
    const result = await withTimeout(
      this.client.appendToStream(
        stream,
        sealed.map((event) => jsonEvent(encodeEvent(event))),
        { expectedRevision: expectedRevisionFor(head), deadline: this.timeoutMs },
      ),
      this.timeoutMs,
    );
    const nextRevision = toSafeNumber(result.nextExpectedRevision, 'revision');
    const last = sealed[sealed.length - 1] as SealedEvent;
    // The append reports the commit position of its last event; older servers may leave it out.
    if (result.position) return { nextRevision, position: positionFromClient(result.position, last.id) };
    const written = await this.readHead(stream);
    if (!written) throw new StoreUnavailable(`Stream ${stream} is empty right after an append to it.`);
    return { nextRevision, position: written.position };
  }

  private async readWindow(
    stream: string,
    window: { fromRevision?: number; direction: 'forwards' | 'backwards'; maxCount?: number },
  ): Promise<RecordedEvent[]> {
    const backwards = window.direction === 'backwards';
    try {
      const read = this.client.readStream(stream, {
        fromRevision: window.fromRevision === undefined ? (backwards ? END : START) : BigInt(window.fromRevision),
        direction: backwards ? BACKWARDS : FORWARDS,
        ...(window.maxCount === undefined ? {} : { maxCount: window.maxCount }),
        deadline: this.readDeadline(),
      });
      const resolved = await collectWithin<ResolvedEvent>(read, this.timeoutMs);
      return resolved.flatMap(({ event: record }) => (record ? [decodeRecord(record)] : []));
    } catch (error) {
      throw this.translate(error, stream);
    }
  }

  private async readAllPage(
    fromPosition: ReadPosition,
    maxCount: number,
    direction: typeof FORWARDS | typeof BACKWARDS = FORWARDS,
  ): Promise<AllStreamResolvedEvent[]> {
    try {
      const read = this.client.readAll({ fromPosition, maxCount, direction, deadline: this.readDeadline() });
      return await collectWithin<AllStreamResolvedEvent>(read, this.timeoutMs);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /**
   * The gRPC deadline bounds a whole read, while this adapter's own timer bounds the silence
   * between two events; a long read that keeps delivering gets more time than a single answer.
   */
  private readDeadline(): number {
    return Math.max(this.timeoutMs, 30_000);
  }

  /** Client and gRPC errors as the port's errors; anything unexpected passes through unchanged. */
  private translate(error: unknown, stream?: string): Error {
    if (error instanceof EventStoreError) return error;
    if (error instanceof StreamNotFoundError && stream !== undefined) return new StreamNotFound(stream);
    if (
      error instanceof UnavailableError ||
      error instanceof DeadlineExceededError ||
      error instanceof NotLeaderError ||
      error instanceof CancelledError ||
      hasGrpcCode(error, GRPC_UNAVAILABLE) ||
      hasGrpcCode(error, GRPC_DEADLINE_EXCEEDED)
    ) {
      const reason = error instanceof Error ? error.message : String(error);
      return new StoreUnavailable(`EventStoreDB is unavailable: ${reason}`, { cause: error });
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailable('The EventStoreDB store is closed.');
  }
}

/**
 * Connecting fails with a plain Error carrying gRPC code 14 (the client wraps it only on some
 * paths, e.g. not on the feature check an append starts with).
 */
function hasGrpcCode(error: unknown, code: number): boolean {
  return error instanceof Error && (error as Error & { code?: unknown }).code === code;
}

function toClientFilter(filter: SubscribeOptions['filter']): Filter {
  const plan = serverFilterFor(filter);
  switch (plan.on) {
    case 'streamName':
      return streamNameFilter({ prefixes: plan.prefixes });
    case 'eventType':
      return eventTypeFilter({ prefixes: plan.prefixes });
    case 'excludeSystemEvents':
      return excludeSystemEvents();
  }
}
