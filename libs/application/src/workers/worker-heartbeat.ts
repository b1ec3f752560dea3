import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteDatabase } from '@app/event-store';
import { writeNow, WRITE_LOCK_BUSY } from '@app/read-models';
import type { WorkerStatus } from '../read-models/worker-status';

/** How often the process running the workers says so. */
export const HEARTBEAT_MS = 2000;
/** A heartbeat older than this means its process is gone or stuck. */
export const HEARTBEAT_STALE_MS = 10_000;

/** What the process holding the worker lock last wrote about itself. */
export interface Heartbeat {
  readonly pid: number;
  readonly host: string;
  readonly state: 'running' | 'stopped';
  readonly startedAt: string;
  readonly beatAt: string;
  readonly workers: readonly WorkerStatus[];
}

interface HeartbeatRow {
  pid: number;
  host: string;
  state: Heartbeat['state'];
  started_at: string;
  beat_at: string;
  workers: string;
}

/**
 * The workers' heartbeat, one row that processes not running the workers (an API beside a
 * worker, a standby) read to report on the workers running elsewhere. In a small SQLite file of
 * its own beside the read models (`workers.sqlite`), not in them: a CLI rebuild holds the
 * read models' write lock for seconds at a time, and a heartbeat that waited for it would go
 * stale and report the workers gone.
 */
export class WorkerHeartbeatTable {
  /** Opens (creating) the heartbeat file. */
  static open(file: string): WorkerHeartbeatTable {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new SqliteDatabase(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 1000');
    return new WorkerHeartbeatTable(db);
  }

  /** `readonly`: a reader (the worker's healthcheck) that must not create or change the file. */
  constructor(
    private readonly db: Database.Database,
    options: { readonly readonly?: boolean } = {},
  ) {
    if (options.readonly) return;
    db.exec(`CREATE TABLE IF NOT EXISTS worker_heartbeat (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      pid INTEGER NOT NULL,
      host TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('running', 'stopped')),
      started_at TEXT NOT NULL,
      beat_at TEXT NOT NULL,
      workers TEXT NOT NULL
    )`);
  }

  /** False when another connection held the write lock: this beat is skipped, the next one comes. */
  write(state: Heartbeat['state'], startedAt: Date, workers: readonly WorkerStatus[], now = new Date()): boolean {
    return (
      writeNow(this.db, () =>
        this.db
          .prepare(
            `INSERT INTO worker_heartbeat (id, pid, host, state, started_at, beat_at, workers)
             VALUES (1, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, host = excluded.host, state = excluded.state,
               started_at = excluded.started_at, beat_at = excluded.beat_at, workers = excluded.workers`,
          )
          .run(process.pid, hostname(), state, startedAt.toISOString(), now.toISOString(), JSON.stringify(workers)),
      ) !== WRITE_LOCK_BUSY
    );
  }

  close(): void {
    this.db.close();
  }

  read(): Heartbeat | null {
    const row = this.db
      .prepare(`SELECT pid, host, state, started_at, beat_at, workers FROM worker_heartbeat WHERE id = 1`)
      .get() as HeartbeatRow | undefined;
    if (!row) return null;
    return {
      pid: row.pid,
      host: row.host,
      state: row.state,
      startedAt: row.started_at,
      beatAt: row.beat_at,
      workers: JSON.parse(row.workers) as WorkerStatus[],
    };
  }
}
