import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteDatabase } from '@app/event-store';
import { isBusy } from '@app/read-models';
import type { WorkerLock } from './worker-lock';

/**
 * The worker lock of the embedded setup: a small SQLite file beside the read models, held by a
 * connection in `locking_mode=EXCLUSIVE` that has written to it. SQLite then keeps its POSIX
 * lock on the file for as long as the connection lives, and the kernel drops it when the
 * process ends, however it ends. Other processes (and other connections of this one) are
 * refused at once: the connection has no busy timeout, so trying never blocks the event loop.
 *
 * A separate file, not the read-model database itself: an exclusive lock there would lock out
 * every reader, including the API processes that only query.
 */
export class SqliteWorkerLock implements WorkerLock {
  private held: Database.Database | null = null;
  readonly where: string;

  constructor(file: string) {
    this.where = resolve(file);
  }

  tryAcquire(): Promise<boolean> {
    if (this.held) return Promise.resolve(true);
    mkdirSync(dirname(this.where), { recursive: true });
    const db = new SqliteDatabase(this.where, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      // The first write in exclusive locking mode takes the EXCLUSIVE lock and keeps it.
      db.exec(`BEGIN EXCLUSIVE;
        CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL);
        DELETE FROM holder;`);
      db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, new Date().toISOString());
      db.exec('COMMIT');
      this.held = db;
      return Promise.resolve(true);
    } catch (error) {
      db.close();
      if (isBusy(error)) return Promise.resolve(false);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  release(): Promise<void> {
    this.held?.close();
    this.held = null;
    return Promise.resolve();
  }
}
