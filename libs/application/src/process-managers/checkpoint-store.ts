import type Database from 'better-sqlite3';

/** Where a process manager remembers the last event it fully handled. */
export interface CheckpointStore {
  load(name: string): number | null;
  save(name: string, position: number): void;
}

/** Checkpoints in the read-model database, beside the projections' own. */
export class SqlCheckpointStore implements CheckpointStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS process_checkpoints (
      name TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    )`);
  }

  load(name: string): number | null {
    const row = this.db.prepare('SELECT position FROM process_checkpoints WHERE name = ?').get(name) as
      { position: number } | undefined;
    return row?.position ?? null;
  }

  save(name: string, position: number): void {
    this.db
      .prepare(
        `INSERT INTO process_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      )
      .run(name, position, new Date().toISOString());
  }
}
