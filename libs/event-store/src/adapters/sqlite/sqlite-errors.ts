import Database from 'better-sqlite3';
import { EventStoreError, StoreUnavailable } from '../../port/errors';

/**
 * Another connection held the lock past busy_timeout, or the file is locked by a peer. Read by
 * code rather than by class, so an error from another copy of the driver module still counts.
 */
function isContention(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** better-sqlite3 throws a TypeError, not a SqliteError, once its connection is closed. */
function isClosedConnection(error: unknown): boolean {
  return error instanceof TypeError && /database connection is not open/i.test(error.message);
}

export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}

/** Turns driver failures a caller can retry into the port's StoreUnavailable; others pass unchanged. */
export function toStoreError(error: unknown, file: string): Error {
  if (error instanceof EventStoreError) return error;
  if (isContention(error)) {
    const code = String((error as { code: string }).code);
    return new StoreUnavailable(`The SQLite event store ${file} is busy (${code}).`, { cause: error });
  }
  if (isClosedConnection(error)) {
    return new StoreUnavailable(`The SQLite event store ${file} is closed.`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error), { cause: error });
}
