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
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  let began = false;
  try {
    return db
      .transaction(() => {
        began = true;
        return work();
      })
      .immediate();
  } catch (error) {
    // Only a lock refused at BEGIN means "nothing happened, try later"; anything once the work
    // began is the work's own failure (its transaction was rolled back).
    if (!began && isBusy(error)) return WRITE_LOCK_BUSY;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Pauses between attempts at a busy write lock: short at first, at most a quarter second. */
export function busyBackoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(250, 5 * 2 ** attempt)));
}
