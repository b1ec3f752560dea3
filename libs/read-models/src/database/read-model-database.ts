import type Database from 'better-sqlite3';
import { ensureDirectoryOf, openFault, SqliteDatabase } from '@app/event-store';

export type ReadModelDatabase = Database.Database;

export interface ReadModelDatabaseOptions {
  /** Most memory (MB) kept as page cache; SQLite allocates it only as pages are read. */
  readonly cacheMb?: number;
}

/** SQLite's own default (2 MB) is far too small for a province's history. */
const DEFAULT_CACHE_MB = 256;

/**
 * Opens the read-model database. Read models are derived data, but each projection commits its
 * rows and its checkpoint together, so `synchronous=NORMAL` (WAL) can lose only a tail that the
 * projection will apply again: rows and checkpoint never disagree.
 */
export function openReadModelDatabase(file: string, options: ReadModelDatabaseOptions = {}): ReadModelDatabase {
  const subject = readModelFile(file);
  if (file !== ':memory:') ensureDirectoryOf(subject);
  try {
    return openAt(file, options);
  } catch (error) {
    // One sentence naming the file and what is wrong, instead of the driver's bare words.
    throw openFault(error, subject) ?? error;
  }
}

/** The read models are derived: a damaged file is replaced by rebuilding, not by a backup. */
const readModelFile = (file: string) => ({
  what: 'read-model database',
  file,
  remedies: {
    STORAGE_CORRUPT: 'it holds only data derived from the events, so move it aside and start again to rebuild it',
  },
});

function openAt(file: string, options: ReadModelDatabaseOptions): ReadModelDatabase {
  const db = new SqliteDatabase(file);
  try {
    configure(db, options);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: ReadModelDatabase, options: ReadModelDatabaseOptions): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // A negative cache_size is in KiB.
  db.pragma(`cache_size = ${-1024 * (options.cacheMb ?? DEFAULT_CACHE_MB)}`);
  ensureRunnerTables(db);
}

function ensureRunnerTables(db: ReadModelDatabase): void {
  db.exec(`
    -- One row per generation of a projection's tables: 'building' while it catches up beside
    -- the live one, 'live' once its views point at it, 'retired' after it was replaced.
    CREATE TABLE IF NOT EXISTS projection_generations (
      name TEXT NOT NULL,
      generation INTEGER NOT NULL,
      version INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('building', 'live', 'retired')),
      position INTEGER,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (name, generation)
    );
  `);
}
