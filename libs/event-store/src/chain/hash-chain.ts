import { createHash } from 'node:crypto';
import type { NewEvent, RecordedEvent, StoredMetadata } from '../port/envelope';
import { canonicalJson } from './canonical-json';

/** The prevHash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers: everything about the event except its global position and its own hash. */
export interface HashedContent {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: Omit<StoredMetadata, 'hash'>;
}

export function hashEvent(content: HashedContent): string {
  return createHash('sha256')
    .update(content.metadata.prevHash)
    .update('\n')
    .update(
      canonicalJson({
        id: content.id,
        stream: content.stream,
        revision: content.revision,
        type: content.type,
        schemaVersion: content.schemaVersion,
        data: content.data,
        metadata: content.metadata,
      }),
    )
    .digest('hex');
}

/** A new event with its place in the stream and its chain fields filled in, ready to be written. */
export interface SealedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: NewEvent['data'];
  readonly metadata: StoredMetadata;
  readonly stream: string;
  readonly revision: number;
}

/**
 * Links new events onto a stream's head. Every adapter calls this inside its own atomic append,
 * so the chain is computed one way for all of them and stored events never need rewriting.
 */
export function sealEvents(
  stream: string,
  head: { readonly revision: number; readonly hash: string } | null,
  events: readonly NewEvent[],
  recordedAt: string,
): SealedEvent[] {
  let prevHash = head?.hash ?? GENESIS_HASH;
  let revision = head ? head.revision : -1;
  return events.map((event) => {
    revision += 1;
    const metadata = {
      commandId: event.metadata.commandId,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      actor: event.metadata.actor,
      occurredAt: event.metadata.occurredAt,
      policyVersion: event.metadata.policyVersion,
      // Only when stated: the key of an event written without one must not appear, even as undefined.
      ...(event.metadata.commandFingerprint === undefined
        ? {}
        : { commandFingerprint: event.metadata.commandFingerprint }),
      recordedAt,
      prevHash,
    };
    const hash = hashEvent({
      id: event.id,
      stream,
      revision,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata,
    });
    prevHash = hash;
    return {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      metadata: { ...metadata, hash },
      stream,
      revision,
    };
  });
}

/** Where a stream's chain first breaks, if it does. */
export type ChainBreak =
  | { readonly kind: 'altered'; readonly revision: number; readonly eventId: string }
  | { readonly kind: 'missing'; readonly revision: number }
  | { readonly kind: 'reordered'; readonly revision: number; readonly eventId: string };

/**
 * Recomputes a stream's chain from raw (not upcast) events in revision order and names the
 * first event that does not fit: a gap in revisions is `missing`, a link to the wrong
 * predecessor is `reordered`, a hash that does not match the content is `altered`.
 */
export function verifyStreamChain(events: readonly RecordedEvent[]): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  let expectedRevision = 0;
  for (const event of events) {
    if (event.revision !== expectedRevision) return { kind: 'missing', revision: expectedRevision };
    const { hash, ...withoutHash } = event.metadata;
    const recomputed = hashEvent({ ...event, metadata: withoutHash });
    if (recomputed !== hash) return { kind: 'altered', revision: event.revision, eventId: event.id };
    if (event.metadata.prevHash !== expectedPrev) {
      return { kind: 'reordered', revision: event.revision, eventId: event.id };
    }
    expectedPrev = hash;
    expectedRevision += 1;
  }
  return null;
}
