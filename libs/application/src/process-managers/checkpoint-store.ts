import type Database from 'better-sqlite3';
import { addColumnIfMissing, writeNow, WRITE_LOCK_BUSY, type CheckpointEvent } from '@app/read-models';

/** Where a process manager remembers the last event it fully handled. */
export interface CheckpointStore {
  load(name: string): number | null;
  /** The event the checkpoint stands on, to tell on start that the store still holds it (null: unknown). */
  loadEvent(name: string): CheckpointEvent | null;
  /** False when the write lock was busy and nothing was saved: the caller tries again shortly. */
  save(name: string, event: CheckpointEvent): boolean;
  /** Forgets the checkpoint: the next run handles every event again (handlers are idempotent). */
  reset(name: string): void;
}

interface CheckpointRow {
  position: number;
  event_id: string | null;
  event_stream: string | null;
  event_revision: number | null;
}

/** Checkpoints in the read-model database, beside the projections' own. */
export class SqlCheckpointStore implements CheckpointStore {
  // Prepared once: a live process manager saves its checkpoint after every batch of events.
  private readonly upsert: Database.Statement<[string, number, string, string, number, string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly select: Database.Statement<[string], CheckpointRow>;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS process_checkpoints (
      name TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      event_id TEXT,
      event_stream TEXT,
      event_revision INTEGER,
      updated_at TEXT NOT NULL
    )`);
    addColumnIfMissing(db, 'process_checkpoints', 'event_id', 'TEXT');
    addColumnIfMissing(db, 'process_checkpoints', 'event_stream', 'TEXT');
    addColumnIfMissing(db, 'process_checkpoints', 'event_revision', 'INTEGER');
    this.upsert = db.prepare(
      `INSERT INTO process_checkpoints (name, position, event_id, event_stream, event_revision, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, event_id = excluded.event_id,
         event_stream = excluded.event_stream, event_revision = excluded.event_revision,
         updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare('DELETE FROM process_checkpoints WHERE name = ?');
    this.select = db.prepare(
      'SELECT position, event_id, event_stream, event_revision FROM process_checkpoints WHERE name = ?',
    );
  }

  load(name: string): number | null {
    return this.row(name)?.position ?? null;
  }

  loadEvent(name: string): CheckpointEvent | null {
    const row = this.row(name);
    if (!row || row.event_id === null || row.event_stream === null || row.event_revision === null) return null;
    return { position: row.position, id: row.event_id, stream: row.event_stream, revision: row.event_revision };
  }

  save(name: string, event: CheckpointEvent): boolean {
    // Never waits for the write lock on the one JavaScript thread (write-now.ts).
    const saved = writeNow(this.db, () =>
      this.upsert.run(name, event.position, event.id, event.stream, event.revision, new Date().toISOString()),
    );
    return saved !== WRITE_LOCK_BUSY;
  }

  reset(name: string): void {
    this.remove.run(name);
  }

  private row(name: string): CheckpointRow | undefined {
    return this.select.get(name);
  }
}
