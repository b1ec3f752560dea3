/**
 * The right to run the workers (projections, process managers, timers, digests) against one
 * set of read models. Exactly one process may hold it: two processes applying the same
 * projection stop each other with "database is locked", or lose rows from the live tree.
 *
 * A lock the operating system (or the database server) releases when its holder dies, SIGKILL
 * included, so a standby takes over without anyone cleaning up. Behind this port so issue 19's
 * PostgreSQL leadership (an advisory lock) can take the SQLite file lock's place.
 */
export interface WorkerLock {
  /** Takes the lock if it is free; never waits. True when this process holds it now. */
  tryAcquire(): Promise<boolean>;
  /** Gives the lock up (a no-op when not held). */
  release(): Promise<void>;
  /** Where the lock lives, for messages: a file, a database and key. */
  readonly where: string;
  /**
   * A lock held through a connection (PostgreSQL) can be lost while its holder lives: the
   * connection broke. The listener is told so the holder stops at once; a file lock is never lost.
   */
  onLost?(listener: () => void): void;
  /** The process holding the lock, as the lock itself knows it (null: none, or not known this way). */
  holder?(): Promise<{ readonly pid: number; readonly host: string } | null>;
}
