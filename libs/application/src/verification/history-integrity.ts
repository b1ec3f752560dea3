import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { RAW_EVENT_STORE } from '../event-store/event-store.module';
import { isDigestStream, listDigests } from './record-digest';
import { verifyHistory, type HistoryBreak } from './verify-history';

/**
 * What the start-up check found, as readiness reports it:
 * - `checking`: the history up to the newest digest is being recomputed;
 * - `intact`: it verifies and commits to the same root as the newest digest;
 * - `altered`: an event was changed, removed or moved, or the root differs from the digest;
 * - `noDigest`: no digest was recorded yet, so there is nothing to compare with;
 * - `failed`: the check itself could not run (the store did not answer).
 */
export type HistoryIntegrityStatus = 'checking' | 'intact' | 'altered' | 'noDigest' | 'failed';

export interface HistoryIntegrityReport {
  readonly status: HistoryIntegrityStatus;
  /** The position of the digest compared with; null before one was read. */
  readonly digestPosition: number | null;
  /** The first break of each stream that no longer fits together (at most ten). */
  readonly breaks: readonly Pick<HistoryBreak, 'stream' | 'revision' | 'kind'>[];
  /** When the digest's root and the recomputed one differ although every chain holds (events removed whole). */
  readonly rootDiffers: boolean;
}

const SHOWN_BREAKS = 10;

/**
 * At start, each process compares the newest recorded digest with the history as stored: an
 * edit made to the store while the product was down (or behind its back) is logged as an error
 * and shown on readiness at once, instead of waiting for an auditor to run a verification.
 * Reads are not refused: the history is still what there is, and the auditors need it to see
 * what was changed. The check runs in the background, so a large history never delays start.
 */
@Injectable()
export class HistoryIntegrity implements OnApplicationBootstrap {
  private readonly logger = new Logger(HistoryIntegrity.name);
  private current: HistoryIntegrityReport = {
    status: 'checking',
    digestPosition: null,
    breaks: [],
    rootDiffers: false,
  };
  private running: Promise<HistoryIntegrityReport> | null = null;

  constructor(@Inject(RAW_EVENT_STORE) private readonly raw: EventStore) {}

  onApplicationBootstrap(): void {
    void this.check();
  }

  report(): HistoryIntegrityReport {
    return this.current;
  }

  /** The start-up check (shared while one runs); tests await it. */
  check(): Promise<HistoryIntegrityReport> {
    this.running ??= this.compareWithNewestDigest().then((report) => {
      this.current = report;
      return report;
    });
    return this.running;
  }

  private async compareWithNewestDigest(): Promise<HistoryIntegrityReport> {
    try {
      const digests = await listDigests(this.raw);
      const newest = digests[digests.length - 1];
      if (newest === undefined) return { status: 'noDigest', digestPosition: null, breaks: [], rootDiffers: false };
      const verified = await verifyHistory(this.raw, {
        upToPosition: newest.upToPosition ?? 0,
        excludeFromDigest: isDigestStream,
      });
      const rootDiffers = verified.digest.merkleRoot !== newest.merkleRoot;
      const breaks = verified.breaks
        .slice(0, SHOWN_BREAKS)
        .map(({ stream, revision, kind }) => ({ stream, revision, kind }));
      if (verified.ok && !rootDiffers) {
        return { status: 'intact', digestPosition: newest.position, breaks: [], rootDiffers };
      }
      this.logger.error(
        `The stored history no longer matches the digest recorded at position ${newest.position}: ` +
          (breaks.length > 0
            ? breaks.map((b) => `${b.stream} revision ${b.revision} ${b.kind}`).join('; ')
            : 'the recomputed root differs (events removed whole)') +
          '. Reads go on; run a verification (GET /audit/verify) and restore from a backup.',
      );
      return { status: 'altered', digestPosition: newest.position, breaks, rootDiffers };
    } catch (error) {
      this.logger.error(
        `Could not compare the history with its newest digest: ${error instanceof Error ? error.message : String(error)}`,
      );
      return { status: 'failed', digestPosition: null, breaks: [], rootDiffers: false };
    }
  }
}
