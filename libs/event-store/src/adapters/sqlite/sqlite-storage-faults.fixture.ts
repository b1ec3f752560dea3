import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { EventStore } from '../../port/event-store.port';
import { UpcastingEventStore } from '../../upcasting/upcasting-event-store';
import { SqliteEventStore } from './sqlite-event-store';

/**
 * Test tools that make SQLite itself refuse writes, so a storage fault is the driver's real
 * error, not a stub's. `max_page_count` and `query_only` hold for one connection, so they are
 * set on the store's own; the store keeps it private, as it should outside tests.
 */
export function connectionOf(store: EventStore): Database {
  const adapter = store instanceof UpcastingEventStore ? store.raw : store;
  if (!(adapter instanceof SqliteEventStore)) throw new Error(`not a SQLite store: ${store.kind}`);
  return (adapter as unknown as { db: Database }).db;
}

/** From now on the file may not grow by a single page: the next append that needs one is SQLITE_FULL. */
export function capAtCurrentSize(db: Database): void {
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
}

/** Lifts the cap again (SQLite's default limit), as freeing space on a full disk would. */
export function lift(db: Database): void {
  db.pragma('max_page_count = 4294967294');
}

export interface SmallDisk {
  readonly dir: string;
  /** Writes a file that takes every free byte of the disk. */
  fill(): void;
  /** Removes that file: the disk has room again. */
  free(): void;
  release(): void;
}

/**
 * A 2 MB tmpfs, so a disk really runs full (ENOSPC under SQLite's own writes). Mounting needs
 * root, or CAP_SYS_ADMIN; returns the reason when this machine does not allow it.
 */
export function smallDisk(): SmallDisk | { readonly skipReason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'branchflow-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const why = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
    return { skipReason: `cannot mount a small tmpfs here (${why})` };
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        for (const size of [64 * 1024, 4096, 512, 1]) {
          const chunk = Buffer.alloc(size);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    release() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
