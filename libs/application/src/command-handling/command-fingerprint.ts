import { createHash } from 'node:crypto';
import { canonicalJson } from '@app/event-store';

/** What a command asked for, as far as recognising a retry is concerned. */
export interface FingerprintedCommand {
  /** The stream the command addresses. */
  readonly stream: string;
  readonly type: string;
  /**
   * The command's data as its sender built it. `context` (the facts a handler looks up itself)
   * is left out: those facts may have changed by the time a retry arrives, and a retry must
   * still be recognised as one.
   */
  readonly data: object;
  /**
   * The business time the sender stated, or undefined when it defaulted to the moment of
   * handling: a retry a minute later defaults to another moment and is still the same request.
   */
  readonly occurredAt: string | undefined;
}

/**
 * A SHA-256 over the canonical JSON of the command's stream, type, data (without `context`) and
 * stated business time. Stored in the metadata of the events the command appended, it tells a
 * retry (same id, same fingerprint: replay the first result) from a different command sent
 * under an id already used (refused, IDEMPOTENCY_KEY_REUSED). Values the edge derives from the
 * command id itself (an omitted `memberId`, `electionId` …) are the same on every retry, so they
 * may take part; values derived from the clock must not, hence `occurredAt` only when stated.
 * The version prefix lets the recipe change later without old fingerprints being misread.
 */
export function commandFingerprint(command: FingerprintedCommand): string {
  const { context: _facts, ...data } = command.data as Record<string, unknown>;
  const content = canonicalJson({
    stream: command.stream,
    type: command.type,
    data,
    occurredAt: command.occurredAt,
  });
  return `v1:${createHash('sha256').update(content).digest('hex')}`;
}
