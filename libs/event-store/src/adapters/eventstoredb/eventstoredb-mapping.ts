/**
 * Pure translations between the port's shapes and EventStoreDB's. Kept free of the gRPC client
 * (only eventstoredb-event-store.ts imports it) so they can be unit tested without a server; the
 * literals below are the client's own constant values.
 */
import type { SealedEvent } from '../../chain/hash-chain';
import type { RecordedEvent, StoredMetadata } from '../../port/envelope';
import type { EventFilter } from '../../port/event-store.port';
import type { ExpectedRevision } from '../../port/expected-revision';
import type { JsonObject } from '../../port/json';

/** What the client accepts as `expectedRevision` for the appends this adapter sends. */
export type ClientExpectedRevision = 'no_stream' | bigint;

/** The client's `Position`: EventStoreDB addresses an event in $all by a (commit, prepare) pair. */
export interface ClientPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** The fields of the client's RecordedEvent this adapter reads. */
export interface StoredRecord {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: ClientPosition;
}

/**
 * Keys this adapter adds to the stored JSON metadata next to our StoredMetadata. `$correlationId`
 * and `$causationId` are the names EventStoreDB's own projections understand; `$schemaVersion`
 * has no slot of its own in an EventStoreDB event. All three are dropped again on read, so the
 * metadata read back is exactly what `sealEvents` hashed.
 */
const SCHEMA_VERSION = '$schemaVersion';
const ADDED_KEYS = new Set([SCHEMA_VERSION, '$correlationId', '$causationId']);

/** A bigint from the server as a JavaScript number, refusing values a number cannot hold exactly. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB returned ${what} ${value}, outside the range this store supports.`);
  }
  return Number(value);
}

/**
 * The expectation sent to the server: always the exact head this adapter read (or no stream), so
 * an append that slipped in between the read and the write is refused, never chained over.
 */
export function expectedRevisionFor(head: { readonly revision: number } | null): ClientExpectedRevision {
  return head === null ? 'no_stream' : BigInt(head.revision);
}

/** The port's `actual` from WrongExpectedVersionError.actualVersion (`no_stream`, -1 or absent mean no stream). */
export function actualRevisionFrom(actualVersion: unknown): number | null {
  if (typeof actualVersion !== 'bigint' || actualVersion < 0n) return null;
  return toSafeNumber(actualVersion, 'revision');
}

/** Expectations a concurrent append cannot contradict, so a server refusal is retried after a re-read. */
export function toleratesConcurrentAppends(expected: ExpectedRevision): boolean {
  return expected === 'any' || expected === 'streamExists';
}

/**
 * The port's position is the event's commit position. Since EventStoreDB 20, an append written
 * through gRPC is an implicit transaction whose every event is its own committed prepare record:
 * the server reports each event at (commit = prepare = its own log position), so commit positions
 * are unique per event and strictly increasing in commit order (only the legacy TCP client's
 * explicit transactions make several events share one commit position; this adapter never writes
 * those). The pair is therefore rebuilt from the number alone, and reading $all from (P, P)
 * starts at the event at P itself, which readers skip to make `fromPosition` exclusive.
 */
export function positionFromClient(position: ClientPosition | undefined, eventId: string): number {
  if (position === undefined) {
    throw new Error(
      `EventStoreDB did not report the position of event ${eventId}; this adapter needs a server of version 22.6 or later.`,
    );
  }
  return toSafeNumber(position.commit, 'commit position');
}

export function positionToClient(position: number): ClientPosition {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`${position} is not an EventStoreDB position.`);
  }
  const value = BigInt(position);
  return { commit: value, prepare: value };
}

/** EventStoreDB's own bookkeeping: streams and event types starting with `$` are not ours. */
export function isSystemRecord(record: { readonly streamId: string; readonly type: string }): boolean {
  return record.streamId.startsWith('$') || record.type.startsWith('$');
}

/** A sealed event as the JSON event data the client writes. */
export function encodeEvent(event: SealedEvent): {
  id: string;
  type: string;
  data: JsonObject;
  metadata: Record<string, unknown>;
} {
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: {
      ...event.metadata,
      [SCHEMA_VERSION]: event.schemaVersion,
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId,
    },
  };
}

/** A stored record back into the port's RecordedEvent, exactly as it was sealed. */
export function decodeRecord(record: StoredRecord): RecordedEvent {
  const { data, metadata } = record;
  if (!record.isJson || !isObject(data) || !isObject(metadata) || !isStoredMetadata(metadata)) {
    throw new Error(
      `Event ${record.id} in stream ${record.streamId} was not written by this event store; it cannot be read as one.`,
    );
  }
  const stored = Object.fromEntries(Object.entries(metadata).filter(([key]) => !ADDED_KEYS.has(key)));
  return {
    id: record.id,
    type: record.type,
    schemaVersion: metadata[SCHEMA_VERSION] as number,
    data: data as JsonObject,
    metadata: stored as unknown as StoredMetadata,
    stream: record.streamId,
    revision: toSafeNumber(record.revision, 'revision'),
    position: positionFromClient(record.position, record.id),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function isStoredMetadata(metadata: Record<string, unknown>): boolean {
  return (
    Number.isInteger(metadata[SCHEMA_VERSION]) &&
    typeof metadata.hash === 'string' &&
    typeof metadata.prevHash === 'string' &&
    typeof metadata.recordedAt === 'string'
  );
}

/** Where in a stream an earlier attempt of this append would have put its events. */
export interface StreamWindow {
  readonly fromRevision: number;
  readonly direction: 'forwards' | 'backwards';
  readonly maxCount: number;
}

/**
 * The part of the stream to search for the appended ids, so a retry is recognised without a
 * store-wide id index: right after the expected revision for an exact expectation, the start of
 * the stream for `noStream`, the tail for `any`/`streamExists`. Ids stored anywhere else are not
 * seen (EventStoreDB cannot look an event up by id), which is where this adapter is weaker than the
 * embedded stores: a retry of an `any` append after other appends is written again.
 */
export function idempotencyWindow(
  expected: ExpectedRevision,
  head: { readonly revision: number } | null,
  count: number,
): StreamWindow | null {
  if (head === null) return null;
  if (typeof expected === 'number') {
    const fromRevision = expected + 1;
    if (fromRevision < 0 || fromRevision > head.revision) return null;
    return { fromRevision, direction: 'forwards', maxCount: count };
  }
  if (expected === 'noStream') return { fromRevision: 0, direction: 'forwards', maxCount: count };
  return { fromRevision: head.revision, direction: 'backwards', maxCount: count };
}

/**
 * The one server-side filter a subscription can carry. EventStoreDB filters on stream name or on
 * event type, not both, so stream prefixes win (they are the more selective in this project) and
 * the full EventFilter is applied again client-side. Without a usable filter (none, or empty lists
 * that only the client-side check can apply), system events are excluded at the server so they do
 * not cross the network.
 */
export type ServerFilterPlan =
  | { readonly on: 'streamName'; readonly prefixes: string[] }
  | { readonly on: 'eventType'; readonly prefixes: string[] }
  | { readonly on: 'excludeSystemEvents' };

export function serverFilterFor(filter: EventFilter | undefined): ServerFilterPlan {
  if (filter?.streamPrefixes?.length) return { on: 'streamName', prefixes: [...filter.streamPrefixes] };
  if (filter?.eventTypes?.length) return { on: 'eventType', prefixes: [...filter.eventTypes] };
  return { on: 'excludeSystemEvents' };
}
