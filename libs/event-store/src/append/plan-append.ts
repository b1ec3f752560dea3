import type { NewEvent } from '../port/envelope';
import { IdempotencyConflict, InvalidAppend, WrongExpectedRevision } from '../port/errors';
import type { AppendResult } from '../port/event-store.port';
import type { ExpectedRevision } from '../port/expected-revision';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The stream's last event, as an adapter reads it inside its atomic append. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/** Where an already stored event with one of the appended ids sits. */
export interface StoredLocation {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
}

export type AppendPlan =
  { readonly kind: 'write' } | { readonly kind: 'alreadyAppended'; readonly result: AppendResult };

export function assertWellFormed(stream: string, events: readonly NewEvent[]): void {
  if (!stream || /\s/.test(stream)) throw new InvalidAppend(`"${stream}" is not a stream name.`);
  if (events.length === 0) throw new InvalidAppend(`An append to ${stream} needs at least one event.`);
  const seen = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) throw new InvalidAppend(`Event id "${event.id}" is not a UUID.`);
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidAppend(`Event id ${event.id} appears twice in one append.`);
    seen.add(id);
  }
}

/**
 * Decides what an append does, given the stream's head and where any of its event ids are
 * already stored. Shared by every adapter so they agree on idempotency and on conflicts:
 * - none of the ids stored: check the expected revision, then write;
 * - all of them stored, in this stream, in this order, contiguously, where this append would
 *   have put them: a retry; return the original result and write nothing;
 * - anything else: a partial overlap, refused.
 */
export function planAppend(
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  head: StreamHead | null,
  stored: readonly StoredLocation[],
): AppendPlan {
  if (stored.length > 0) return planRetry(stream, events, expected, stored);
  if (!matchesExpected(expected, head)) {
    throw new WrongExpectedRevision(stream, expected, head ? head.revision : null);
  }
  return { kind: 'write' };
}

function matchesExpected(expected: ExpectedRevision, head: StreamHead | null): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'noStream':
      return head === null;
    case 'streamExists':
      return head !== null;
    default:
      return head !== null && head.revision === expected;
  }
}

function planRetry(
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  stored: readonly StoredLocation[],
): AppendPlan {
  const byId = new Map(stored.map((location) => [location.id.toLowerCase(), location]));
  const locations = events.map((event) => byId.get(event.id.toLowerCase()));
  const first = locations[0];
  const complete =
    first !== undefined &&
    locations.every(
      (location, index) =>
        location !== undefined && location.stream === stream && location.revision === first.revision + index,
    );
  const expectedFirst = typeof expected === 'number' ? expected + 1 : expected === 'noStream' ? 0 : null;
  if (!complete || (expectedFirst !== null && first.revision !== expectedFirst)) {
    throw new IdempotencyConflict(stream, [...byId.keys()]);
  }
  const last = locations[locations.length - 1] as StoredLocation;
  return {
    kind: 'alreadyAppended',
    result: { nextRevision: last.revision, position: last.position, alreadyStored: true },
  };
}
