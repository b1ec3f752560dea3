import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchEventLoop } from '@app/event-store/subscription/event-loop-watch.fixture';
import { openReadModelDatabase, type ReadModelDatabase } from './read-model-database';
import { ReadModelMaintenance } from './read-model-maintenance';

const ROWS = 300_000;

describe('read-model upkeep off the event loop', () => {
  let dir: string;
  let file: string;
  let db: ReadModelDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'branchflow-maintenance-'));
    file = join(dir, 'read-models.sqlite');
    db = openReadModelDatabase(file);
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO rows (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < ROWS; i += 1) insert.run(`k${(i * 7919) % ROWS}`, `value ${i}`);
    })();
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const indexes = () => db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'rows_key'`).all();

  it('builds an index on its thread while the event loop goes on; commits no longer checkpoint inline', async () => {
    const maintenance = new ReadModelMaintenance(db, file);
    maintenance.start();
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const watched = await watchEventLoop(() => maintenance.exec('CREATE INDEX rows_key ON rows (key, value)'));
      expect(indexes()).toHaveLength(1);
      // Built on the main connection the same index holds the loop for its whole duration.
      expect(watched.ticks).toBeGreaterThanOrEqual(3);
      expect(watched.longestGapMs).toBeLessThan(Math.max(100, watched.elapsedMs / 3));
    } finally {
      await maintenance.stop();
    }
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('without its thread (an in-memory database) runs the statements on the main connection', async () => {
    const memory = openReadModelDatabase(':memory:');
    const maintenance = new ReadModelMaintenance(memory, ':memory:');
    maintenance.start();
    memory.exec('CREATE TABLE t (x)');
    await maintenance.exec('CREATE INDEX t_x ON t (x)');
    expect(memory.prepare(`SELECT name FROM sqlite_master WHERE name = 't_x'`).all()).toHaveLength(1);
    await maintenance.stop();
    memory.close();
  });
});
