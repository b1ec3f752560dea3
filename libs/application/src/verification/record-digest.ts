import type { Actor, EventStore, RecordedEvent } from '@app/event-store';
import { readWholeStream } from '../command-handling/load-stream';
import { uuidV5 } from '../ids/uuid-v5';
import { verifyHistory, type HistoryDigest } from './verify-history';

/** Digests are events too, on their own stream, hash-chained like every other. */
export const DIGEST_STREAM = 'digest-history';
export const isDigestStream = (stream: string): boolean => stream === DIGEST_STREAM;

export interface RecordedDigest extends HistoryDigest {
  readonly recordedAt: string;
  readonly position: number;
}

/**
 * Verifies the whole history and records its digest. Refuses to vouch for a broken history:
 * a digest is only worth keeping if the chain behind it verified. Recording twice at the same
 * position is a no-op (the event id derives from the position and root).
 */
export async function recordDigest(
  raw: EventStore,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ digest: HistoryDigest; recorded: boolean; breaks: number }> {
  const report = await verifyHistory(raw, { excludeFromDigest: isDigestStream });
  if (!report.ok) return { digest: report.digest, recorded: false, breaks: report.breaks.length };
  const { digest } = report;
  const id = uuidV5(`digest:${digest.upToPosition ?? 'empty'}:${digest.merkleRoot}`);
  const at = now.toISOString();
  await raw.append(
    DIGEST_STREAM,
    [
      {
        id,
        type: 'HistoryDigestRecorded',
        schemaVersion: 1,
        data: { ...digest },
        metadata: {
          commandId: id,
          correlationId: id,
          causationId: id,
          actor,
          occurredAt: at,
          policyVersion: null,
        },
      },
    ],
    { expectedRevision: 'any' },
  );
  return { digest, recorded: true, breaks: 0 };
}

/** Every digest recorded so far, oldest first: what an auditor exports and keeps. */
export async function listDigests(store: EventStore): Promise<RecordedDigest[]> {
  const events: RecordedEvent[] = await readWholeStream(store, DIGEST_STREAM);
  return events.map((event) => ({
    ...(event.data as unknown as HistoryDigest),
    recordedAt: event.metadata.recordedAt,
    position: event.position,
  }));
}
