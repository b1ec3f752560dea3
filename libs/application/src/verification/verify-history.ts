import { GENESIS_HASH, hashEvent, pauseIfBusy, type EventStore, type RecordedEvent } from '@app/event-store';
import { merkleRootInSlices, sortHeadsInSlices, type StreamHead } from './merkle-root';

/** The first place a stream's history stops fitting together. */
export interface HistoryBreak {
  readonly stream: string;
  /**
   * - `altered`: the event's content no longer matches its hash;
   * - `missing`: a revision is absent (the event at `revision` was removed);
   * - `reordered`: the event does not link to its predecessor, or sits before it in the log.
   */
  readonly kind: 'altered' | 'missing' | 'reordered';
  readonly revision: number;
  readonly eventId: string | null;
  readonly position: number | null;
  readonly detail: string;
}

/** A commitment to the whole history up to a position, for an auditor to keep outside the system. */
export interface HistoryDigest {
  readonly upToPosition: number | null;
  readonly streamCount: number;
  readonly eventCount: number;
  readonly merkleRoot: string;
}

export interface VerificationReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly breaks: readonly HistoryBreak[];
  readonly digest: HistoryDigest;
  /** Every stream head at the digest's position, in stream order: export it to name a stream later. */
  readonly heads: readonly StreamHead[];
}

export interface VerifyOptions {
  /** Stop at this position (inclusive): recompute a digest recorded earlier. */
  readonly upToPosition?: number;
  /** Streams left out of digests: the digest stream itself, so recording one does not change the next. */
  readonly excludeFromDigest?: (stream: string) => boolean;
  readonly pageSize?: number;
  readonly onProgress?: (checked: number, position: number) => void;
}

interface StreamCursor {
  /** The last revision checked in order. */
  revision: number;
  /** The hash stored on that event: what the next one must link to. */
  storedHash: string;
  /**
   * The chain recomputed from genesis over the stored contents, whatever the stored hashes say.
   * Digests commit to this, so editing or removing any event, not only a head, changes them.
   */
  chainHash: string;
  position: number;
  eventId: string | null;
  count: number;
  broken: boolean;
  /** Events met in the log before their predecessor, held until it arrives. */
  readonly ahead: Map<number, RecordedEvent>;
}

/**
 * Recomputes every stream's hash chain in one pass over the raw (never upcast) log, keeping
 * only each stream's last link in memory. Each stream is checked in revision order: an event
 * met early in the log waits for its predecessor (and is then reported as reordered), a
 * predecessor that never comes is reported missing. Names the first break of each stream and
 * computes the digest of the recomputed heads.
 */
export async function verifyHistory(raw: EventStore, options: VerifyOptions = {}): Promise<VerificationReport> {
  const cursors = new Map<string, StreamCursor>();
  const breaks: HistoryBreak[] = [];
  const report = (problem: HistoryBreak | null, cursor: StreamCursor): void => {
    if (!problem || cursor.broken) return;
    cursor.broken = true;
    breaks.push(problem);
  };
  let checked = 0;
  let from: number | undefined;
  let last: number | null = null;
  const pageSize = options.pageSize ?? 500;
  for (let done = false; !done;) {
    const pause = pauseIfBusy();
    if (pause) await pause;
    const page = await raw.readAll({ fromPosition: from, maxCount: pageSize });
    done = page.length < pageSize;
    for (const event of page) {
      // Hashing every event takes seconds on a large store: let requests in between (time-slice.ts).
      const pause = pauseIfBusy();
      if (pause) await pause;
      if (options.upToPosition !== undefined && event.position > options.upToPosition) {
        done = true;
        break;
      }
      checked += 1;
      last = event.position;
      let cursor = cursors.get(event.stream);
      if (!cursor) cursors.set(event.stream, (cursor = newCursor()));
      if (event.revision !== cursor.revision + 1) {
        cursor.ahead.set(event.revision, event);
        continue;
      }
      advance(cursor, event, report);
      for (let next = cursor.ahead.get(cursor.revision + 1); next; next = cursor.ahead.get(cursor.revision + 1)) {
        cursor.ahead.delete(next.revision);
        advance(cursor, next, report);
      }
    }
    options.onProgress?.(checked, last ?? 0);
    from = page[page.length - 1]?.position ?? from;
  }
  for (const [stream, cursor] of cursors) {
    if (cursor.ahead.size === 0) continue;
    const expected = cursor.revision + 1;
    report(
      {
        stream,
        kind: 'missing',
        revision: expected,
        eventId: null,
        position: null,
        detail: `Revision ${expected} of ${stream} is absent: the stream goes on at revision ${Math.min(...cursor.ahead.keys())}.`,
      },
      cursor,
    );
    // Digest the rest anyway, so the recomputed head reflects everything that is still there.
    for (const event of [...cursor.ahead.values()].sort((a, b) => a.revision - b.revision))
      advance(cursor, event, () => undefined);
  }
  return summarise(cursors, breaks, checked, last, options.excludeFromDigest ?? (() => false));
}

function newCursor(): StreamCursor {
  return {
    revision: -1,
    storedHash: GENESIS_HASH,
    chainHash: GENESIS_HASH,
    position: 0,
    eventId: null,
    count: 0,
    broken: false,
    ahead: new Map(),
  };
}

function advance(
  cursor: StreamCursor,
  event: RecordedEvent,
  report: (problem: HistoryBreak | null, cursor: StreamCursor) => void,
): void {
  const { hash: _stored, ...content } = event.metadata;
  const chained = hashEvent({ ...event, metadata: { ...content, prevHash: cursor.chainHash } });
  // When the stored link is the recomputed one (an intact chain), `chained` is also the content check.
  const recomputed = content.prevHash === cursor.chainHash ? chained : hashEvent({ ...event, metadata: content });
  report(check(event, cursor, recomputed), cursor);
  cursor.revision = event.revision;
  cursor.storedHash = event.metadata.hash;
  cursor.chainHash = chained;
  cursor.position = event.position;
  cursor.eventId = event.id;
  cursor.count += 1;
}

function check(event: RecordedEvent, cursor: StreamCursor, recomputed: string): HistoryBreak | null {
  const at = { stream: event.stream, revision: event.revision, eventId: event.id, position: event.position };
  const name = `Revision ${event.revision} of ${event.stream}`;
  if (recomputed !== event.metadata.hash) {
    return {
      ...at,
      kind: 'altered',
      detail: `${name} no longer matches its hash: its content was changed after it was recorded.`,
    };
  }
  if (event.metadata.prevHash !== cursor.storedHash) {
    return { ...at, kind: 'reordered', detail: `${name} does not link to the event stored before it.` };
  }
  if (event.position < cursor.position) {
    // The predecessor is the one out of place: it was stored after an event that follows it.
    return {
      stream: event.stream,
      revision: cursor.revision,
      eventId: cursor.eventId,
      position: cursor.position,
      kind: 'reordered',
      detail: `Revision ${cursor.revision} of ${event.stream} is stored after revision ${event.revision}: their places in the log were changed.`,
    };
  }
  return null;
}

async function summarise(
  cursors: ReadonlyMap<string, StreamCursor>,
  breaks: HistoryBreak[],
  checked: number,
  last: number | null,
  exclude: (stream: string) => boolean,
): Promise<VerificationReport> {
  const digested = [...cursors.entries()].filter(([stream]) => !exclude(stream));
  const heads = await sortHeadsInSlices(
    digested.map(([stream, cursor]) => ({ stream, revision: cursor.revision, hash: cursor.chainHash })),
  );
  return {
    ok: breaks.length === 0,
    eventsChecked: checked,
    streamsChecked: cursors.size,
    breaks: breaks.sort((a, b) => a.stream.localeCompare(b.stream) || a.revision - b.revision),
    digest: {
      upToPosition: last,
      streamCount: heads.length,
      eventCount: digested.reduce((sum, [, cursor]) => sum + cursor.count, 0),
      merkleRoot: await merkleRootInSlices(heads, true),
    },
    heads,
  };
}

/** Compares a digest kept outside the system with the history as it is now. */
export interface DigestCheck {
  readonly matches: boolean;
  readonly expected: HistoryDigest;
  readonly actual: HistoryDigest;
  /** With exported heads: the streams whose head differs, or that appeared or vanished. */
  readonly differingStreams: readonly string[];
}

export async function checkDigest(
  raw: EventStore,
  expected: HistoryDigest,
  expectedHeads: readonly StreamHead[] | undefined,
  options: Pick<VerifyOptions, 'excludeFromDigest'> = {},
): Promise<DigestCheck> {
  const report = await verifyHistory(raw, {
    upToPosition: expected.upToPosition ?? 0,
    excludeFromDigest: options.excludeFromDigest,
  });
  const differing: string[] = [];
  if (expectedHeads) {
    const now = new Map(report.heads.map((head) => [head.stream, head]));
    for (const head of expectedHeads) {
      const current = now.get(head.stream);
      if (!current || current.hash !== head.hash || current.revision !== head.revision) differing.push(head.stream);
      now.delete(head.stream);
    }
    differing.push(...now.keys());
  }
  return {
    matches: report.digest.merkleRoot === expected.merkleRoot,
    expected,
    actual: report.digest,
    differingStreams: differing.sort(),
  };
}
