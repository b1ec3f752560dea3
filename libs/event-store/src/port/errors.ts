import { describeExpected, type ExpectedRevision } from './expected-revision';

/** Base of every error the event store port raises; `code` is stable and safe to show. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The stream's actual revision differs from what the writer expected. `actual` is null when the stream does not exist. */
export class WrongExpectedRevision extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | null,
  ) {
    super(
      `Stream ${stream} was expected at ${describeExpected(expected)} but is ${
        actual === null ? 'absent' : `at revision ${actual}`
      }.`,
    );
  }
}

export class StreamNotFound extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly stream: string) {
    super(`Stream ${stream} does not exist.`);
  }
}

/**
 * Some, but not all, of the appended event ids are already stored, or they are stored elsewhere
 * than this append would put them: the request is not a retry of an earlier append.
 */
export class IdempotencyConflict extends EventStoreError {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  constructor(
    readonly stream: string,
    readonly eventIds: readonly string[],
  ) {
    super(`Append to ${stream} reuses event ids already stored elsewhere or in part: ${eventIds.join(', ')}.`);
  }
}

/** The store cannot be reached or did not answer in time. Safe to retry later. */
export class StoreUnavailable extends EventStoreError {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** What kind of trouble the disk under a store is in; each is answered 503 with this code. */
export type StorageFaultCode = 'STORAGE_FULL' | 'STORAGE_READ_ONLY' | 'STORAGE_FAILED' | 'STORAGE_CORRUPT';

/**
 * The file under the store refused: its disk is full, it is read-only, the disk reports I/O
 * errors, the file is damaged, or the system denied it access, size or memory. Unlike
 * StoreUnavailable, waiting does not help: an operator must act, and the message (naming the
 * file) says how. A refused append wrote nothing, so the same command can be retried once the
 * cause is fixed.
 */
export class StorageFault extends EventStoreError {
  constructor(
    readonly code: StorageFaultCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The append itself is malformed (empty batch, bad id, non-JSON data). A programming error. */
export class InvalidAppend extends EventStoreError {
  readonly code = 'INVALID_APPEND';
}
