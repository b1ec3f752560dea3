import type Database from 'better-sqlite3';
import type { ReadModelDatabase } from './read-model-database';

/** Another connection (a CLI rebuild, another process) holds the write lock: nothing was written. */
export const WRITE_LOCK_BUSY = Symbol('write lock busy');

/**
 * Runs `work` in a write transaction (BEGIN IMMEDIATE) if the write lock is free now, and
 * returns WRITE_LOCK_BUSY at once if it is not. Background writers (projections, checkpoints,
 * the workers' heartbeat) must never wait in SQLite's busy handler: better-sqlite3 sleeps there
 * on the one JavaScript thread, so a CLI rebuild committing 50,000 events at a time would freeze
 * every request for seconds. Callers try again later, asynchronously. Queries keep the
 * connection's busy timeout.
 */
export function writeNow<T>(db: ReadModelDatabase, work: () => T): T | typeof WRITE_LOCK_BUSY {
  const writer = writerOf(db);
  const timeout = writer.readTimeout.get() as number;
  writer.noWait.get();
  let began = false;
  try {
    return writer.transaction.immediate(() => {
      began = true;
      return work();
    }) as T;
  } catch (error) {
    // Only a lock refused at BEGIN means "nothing happened, try later"; anything once the work
    // began is the work's own failure (its transaction was rolled back).
    if (!began && isBusy(error)) return WRITE_LOCK_BUSY;
    throw error;
  } finally {
    writer.restoreTimeout(timeout);
  }
}

interface Writer {
  readonly readTimeout: Database.Statement;
  readonly noWait: Database.Statement;
  readonly transaction: Database.Transaction<(work: () => unknown) => unknown>;
  restoreTimeout(timeout: number): void;
}

/**
 * Statements and transaction function prepared once per connection: the projections and process
 * managers write after every command, and preparing three pragmas and a transaction each time
 * cost more than the writes themselves.
 */
const writers = new WeakMap<ReadModelDatabase, Writer>();

function writerOf(db: ReadModelDatabase): Writer {
  let writer = writers.get(db);
  if (!writer) {
    const restore = new Map<number, Database.Statement>();
    writer = {
      readTimeout: db.prepare('PRAGMA busy_timeout').pluck(),
      noWait: db.prepare('PRAGMA busy_timeout = 0'),
      transaction: db.transaction((work: () => unknown) => work()),
      restoreTimeout: (timeout) => {
        let statement = restore.get(timeout);
        if (!statement) {
          statement = db.prepare(`PRAGMA busy_timeout = ${Math.trunc(timeout)}`);
          restore.set(timeout, statement);
        }
        statement.get();
      },
    };
    writers.set(db, writer);
  }
  return writer;
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Pauses between attempts at a busy write lock: short at first, at most a quarter second. */
export function busyBackoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(250, 5 * 2 ** attempt)));
}
