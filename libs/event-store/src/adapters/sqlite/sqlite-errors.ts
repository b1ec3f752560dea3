import { EventStoreError, StoreUnavailable } from '../../port/errors';
import { sqliteCode, storeErrorOf, type FaultAction, type FaultSubject } from './sqlite-faults';

/** How the event store's file is named in messages. */
export const eventStoreFile = (file: string): FaultSubject & { readonly file: string } => ({
  what: 'SQLite event store',
  file,
});

/** better-sqlite3 throws a TypeError, not a SqliteError, once its connection is closed. */
function isClosedConnection(error: unknown): boolean {
  return error instanceof TypeError && /database connection is not open/i.test(error.message);
}

export function isUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Turns driver failures into the port's errors: contention a caller can retry into
 * StoreUnavailable, trouble with the disk or the file into StorageFault; others pass unchanged.
 */
export function toStoreError(error: unknown, file: string, action: FaultAction = 'read'): Error {
  if (error instanceof EventStoreError) return error;
  const mapped = storeErrorOf(error, action, eventStoreFile(file));
  if (mapped) return mapped;
  if (isClosedConnection(error)) {
    return new StoreUnavailable(`The SQLite event store ${file} is closed.`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error), { cause: error });
}
