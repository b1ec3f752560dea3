import { EventStoreError, StoreUnavailable } from '../../port/errors';
import { storageFaultOf, type FaultAction, type FaultSubject } from './sqlite-faults';

/** How the event store's file is named in messages. */
export const eventStoreFile = (file: string): FaultSubject & { readonly file: string } => ({
  what: 'SQLite event store',
  file,
});

/**
 * SQLite's extended result code of a driver error. Errors are told apart by code rather than by
 * class, so an error from another copy or release of the driver module still counts.
 */
function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Another connection held the lock past busy_timeout, or the file is locked by a peer. */
function isContention(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

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
  const fault = storageFaultOf(error, action, eventStoreFile(file));
  if (fault) return fault;
  if (isContention(error)) {
    return new StoreUnavailable(`The SQLite event store ${file} is busy (${sqliteCode(error)}).`, { cause: error });
  }
  if (isClosedConnection(error)) {
    return new StoreUnavailable(`The SQLite event store ${file} is closed.`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error), { cause: error });
}
