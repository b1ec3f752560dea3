import type Database from 'better-sqlite3';
import { ensureDirectoryOf, openFault, SqliteDatabase, type FaultSubject } from '@app/event-store';

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
  const subject = { ...READ_MODEL_FAULT_SUBJECT, file };
  if (file !== ':memory:') ensureDirectoryOf(subject);
  try {
    return openAt(file, options);
  } catch (error) {
    // One sentence naming the file and what is wrong, instead of the driver's bare words.
    throw openFault(error, subject) ?? error;
  }
}

/**
 * How the read-model database is named in storage faults, at open and (by ProblemDetailsFilter)
 * in queries. The read models are derived: a damaged file is replaced by rebuilding, not by a
 * backup. Every process using it (APIs, the worker) stops first: one still running would go on
 * using the file moved aside.
 */
export const READ_MODEL_FAULT_SUBJECT: FaultSubject = {
  what: 'read-model database',
  remedies: {
    STORAGE_CORRUPT:
      'it holds only data derived from the events, so stop every process using it, move it aside and start again to rebuild it',
  },
};

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
    -- event_id, event_stream and event_revision name the event at position: what the
    -- checkpoint stands on, to tell on start whether the store still holds it.
    CREATE TABLE IF NOT EXISTS projection_generations (
      name TEXT NOT NULL,
      generation INTEGER NOT NULL,
      version INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('building', 'live', 'retired')),
      position INTEGER,
      event_id TEXT,
      event_stream TEXT,
      event_revision INTEGER,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (name, generation)
    );
  `);
  addColumnIfMissing(db, 'projection_generations', 'event_id', 'TEXT');
  addColumnIfMissing(db, 'projection_generations', 'event_stream', 'TEXT');
  addColumnIfMissing(db, 'projection_generations', 'event_revision', 'INTEGER');
}

/**
 * Read-model files written before a column existed gain it. Under the write lock, so two
 * processes opening the same old file at once do not both add it.
 */
export function addColumnIfMissing(db: ReadModelDatabase, table: string, column: string, type: string): void {
  const has = () => (db.pragma(`table_info(${table})`) as { name: string }[]).some((info) => info.name === column);
  if (has()) return;
  db.transaction(() => {
    if (!has()) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }).immediate();
}
