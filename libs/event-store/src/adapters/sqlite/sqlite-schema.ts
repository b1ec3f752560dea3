import type { Database } from 'better-sqlite3';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

/**
 * Connection settings every writer of the file must share. WAL lets readers run beside the one
 * writer; the busy timeout makes a second process wait for the write lock instead of failing.
 */
export function applyPragmas(db: Database, synchronous: SqliteSynchronous): void {
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
}

/**
 * Schema steps in order; `user_version` records how many have run. Append new steps, never
 * edit shipped ones. AUTOINCREMENT keeps positions from ever being reused, even if the newest
 * row were removed by hand, so a subscriber's checkpoint can never skip a later event.
 * Ids are stored lower-case, so the UNIQUE index also catches differently-cased retries.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position       INTEGER PRIMARY KEY AUTOINCREMENT,
     id             TEXT    NOT NULL UNIQUE,
     stream         TEXT    NOT NULL,
     revision       INTEGER NOT NULL,
     type           TEXT    NOT NULL,
     schema_version INTEGER NOT NULL,
     data           TEXT    NOT NULL,
     metadata       TEXT    NOT NULL,
     UNIQUE (stream, revision)
   ) STRICT`,
];

/** Brings the file up to the current schema; safe when several processes open it at once. */
export function migrate(db: Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(
        `The event store file has schema version ${version}; this build knows up to ${MIGRATIONS.length}.`,
      );
    }
    for (const step of MIGRATIONS.slice(version)) db.exec(step);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
