import type { JsonObject } from './json';

/** Who caused an event. Taken from the authenticated caller, never from a request body. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

/** Metadata the caller supplies with every new event. */
export interface EventMetadata {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  /** When the fact happened in the world (business time), ISO-8601. */
  readonly occurredAt: string;
  /** The rule policy version that judged the command, when a rule was involved. */
  readonly policyVersion: string | null;
  /**
   * A hash of what the command asked for (see the application's command fingerprint), so a later
   * command under the same id can be told apart from a retry. Absent on events written before it
   * existed, and on events whose writer states none.
   */
  readonly commandFingerprint?: string;
}

/** Metadata as stored: the caller's part plus what the store adds at append time. */
export interface StoredMetadata extends EventMetadata {
  /** When the store accepted the event (system time), ISO-8601. */
  readonly recordedAt: string;
  /** Hash of the previous event in the same stream; the genesis hash for revision 0. */
  readonly prevHash: string;
  /** SHA-256 over prevHash and the canonical encoding of this event (see chain/). */
  readonly hash: string;
}

/** An event to append. The id must be a UUID; deriving it from the command makes retries no-ops. */
export interface NewEvent<T extends string = string, D extends JsonObject = JsonObject> {
  readonly id: string;
  readonly type: T;
  readonly schemaVersion: number;
  readonly data: D;
  readonly metadata: EventMetadata;
}

/** An event as read back from the store. */
export interface RecordedEvent<T extends string = string, D extends JsonObject = JsonObject> {
  readonly id: string;
  readonly type: T;
  readonly schemaVersion: number;
  readonly data: D;
  readonly metadata: StoredMetadata;
  readonly stream: string;
  /** 0-based position of the event inside its stream. */
  readonly revision: number;
  /** Position in the store-wide order; strictly increasing in commit order. */
  readonly position: number;
}
