import { MemoryEventStore, type NewEvent } from '@app/event-store';
import { watchEventLoop } from '@app/event-store/subscription/event-loop-watch.fixture';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cached } from '../database/statement-cache';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { liveGeneration } from './generations';
import type { SqlProjection } from './projection';
import { ProjectionRunner } from './projection-runner';

// Counts events per stream; refuses an event typed 'Poison' so failure handling can be seen.
const counter: SqlProjection<'stream_counts'> = {
  name: 'stream-counts',
  version: 1,
  tables: ['stream_counts'],
  createTables: (db, t) =>
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${t.stream_counts} (stream TEXT PRIMARY KEY, events INTEGER NOT NULL, last_position INTEGER NOT NULL)`,
    ),
  apply: (db, event, t) => {
    if (event.type === 'Poison') throw new Error('poison event');
    db.prepare(
      `INSERT INTO ${t.stream_counts} (stream, events, last_position) VALUES (?, 1, ?)
       ON CONFLICT (stream) DO UPDATE SET events = events + 1, last_position = excluded.last_position
       WHERE excluded.last_position > ${t.stream_counts}.last_position`,
    ).run(event.stream, event.position);
  },
};

/** The counter with a query-only index and a memory to forget, to see when the runner calls each. */
function observedCounter() {
  const calls: string[] = [];
  const projection: SqlProjection<'stream_counts'> = {
    ...counter,
    createIndexes: (db, t) => {
      calls.push(`index ${t.stream_counts}`);
      db.exec(`CREATE INDEX IF NOT EXISTS ${t.stream_counts}_events ON ${t.stream_counts} (events)`);
    },
    discardMemory: (_db, t) => void calls.push(`forget ${t.stream_counts}`),
  };
  return { projection, calls };
}

const indexesOf = (db: ReadModelDatabase) =>
  db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'stream_counts_g%' ORDER BY name`)
    .all();

const event = (type = 'Happened'): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: {},
  metadata: {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'a', name: 'A', role: 'admin' },
    occurredAt: '2023-01-01T00:00:00.000Z',
    policyVersion: null,
  },
});

async function appendMany(store: MemoryEventStore, streams: number, perStream: number): Promise<void> {
  for (let s = 0; s < streams; s += 1) {
    await store.append(
      `s-${s}`,
      Array.from({ length: perStream }, () => event()),
      { expectedRevision: 'any' },
    );
  }
}

const rows = (db: ReadModelDatabase): unknown[] => db.prepare('SELECT * FROM stream_counts ORDER BY stream').all();

describe('ProjectionRunner', () => {
  let store: MemoryEventStore;
  let db: ReadModelDatabase;
  beforeEach(() => {
    store = new MemoryEventStore();
    db = openReadModelDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('catches up, goes live behind a stable view, and applies live events at once', async () => {
    await appendMany(store, 5, 30);
    const runner = new ProjectionRunner(store, db, counter, { batchSize: 16 });
    runner.start();
    await runner.caughtUp();
    expect(runner.status()).toMatchObject({ state: 'live', position: 150 });
    expect(rows(db)).toHaveLength(5);
    const { position } = await store.append('s-9', [event()], { expectedRevision: 'any' });
    await runner.waitForPosition(position);
    expect(db.prepare(`SELECT events FROM stream_counts WHERE stream = 's-9'`).get()).toEqual({ events: 1 });
    await runner.stop();
  });

  it('resumes after a restart from its checkpoint, without applying anything twice', async () => {
    await appendMany(store, 3, 10);
    const first = new ProjectionRunner(store, db, counter);
    first.start();
    await first.caughtUp();
    await first.stop();
    await appendMany(store, 3, 5);
    const second = new ProjectionRunner(store, db, counter);
    second.start();
    await second.caughtUp();
    expect(rows(db)).toEqual([
      { stream: 's-0', events: 15, last_position: 35 },
      { stream: 's-1', events: 15, last_position: 40 },
      { stream: 's-2', events: 15, last_position: 45 },
    ]);
    await second.stop();
  });

  it('stops on an event it cannot apply, rolls back that batch and names the event', async () => {
    await appendMany(store, 1, 10);
    await store.append('s-bad', [event('Poison')], { expectedRevision: 'noStream' });
    const errors: string[] = [];
    const runner = new ProjectionRunner(store, db, counter, {
      batchSize: 4,
      logger: { info: () => undefined, error: (message) => errors.push(message) },
    });
    runner.start();
    await expect(runner.waitForPosition(11)).rejects.toThrow('cannot apply Poison at position 11');
    expect(runner.status()).toMatchObject({ state: 'failed', position: 8 });
    expect(errors[0]).toContain('stream-counts');
    const checkpoint = db.prepare(`SELECT position FROM projection_generations WHERE name = 'stream-counts'`).get();
    expect(checkpoint).toEqual({ position: 8 });
  });

  it('asks a projection to forget its memory when a batch is rolled back', async () => {
    await appendMany(store, 1, 3);
    await store.append('s-bad', [event('Poison')], { expectedRevision: 'noStream' });
    const { projection, calls } = observedCounter();
    const runner = new ProjectionRunner(store, db, projection);
    runner.start();
    await expect(runner.caughtUp()).rejects.toThrow('poison event');
    expect(calls).toEqual(['forget stream_counts_g1_stream_counts']);
  });

  it('builds query-only indexes once a rebuilt generation has caught up, not while it fills', async () => {
    await appendMany(store, 2, 10);
    const { projection, calls } = observedCounter();
    const live = new ProjectionRunner(store, db, projection);
    live.start();
    await live.caughtUp();
    await live.stop();
    expect(indexesOf(db)).toEqual([{ name: 'stream_counts_g1_stream_counts_events' }]);

    const indexesWhileFilling: unknown[][] = [];
    const rebuild = new ProjectionRunner(store, db, projection, {
      fresh: true,
      batchSize: 5,
      onCommitted: () => indexesWhileFilling.push(indexesOf(db)),
    });
    rebuild.start();
    await rebuild.caughtUp();
    await rebuild.stop();
    expect(indexesWhileFilling.length).toBeGreaterThan(1);
    for (const seen of indexesWhileFilling) expect(seen).toEqual([{ name: 'stream_counts_g1_stream_counts_events' }]);
    expect(indexesOf(db)).toEqual([{ name: 'stream_counts_g2_stream_counts_events' }]);
    // A restart on the live generation makes sure its indexes exist (they may predate a split).
    db.exec('DROP INDEX stream_counts_g2_stream_counts_events');
    const restarted = new ProjectionRunner(store, db, projection);
    restarted.start();
    await restarted.caughtUp();
    await restarted.stop();
    expect(indexesOf(db)).toEqual([{ name: 'stream_counts_g2_stream_counts_events' }]);
    expect(calls).toEqual([
      'index stream_counts_g1_stream_counts',
      'index stream_counts_g2_stream_counts',
      'index stream_counts_g2_stream_counts',
    ]);
  });

  it('a fresh rebuild fills a new generation beside the live one and switches the view atomically', async () => {
    await appendMany(store, 4, 25);
    const live = new ProjectionRunner(store, db, counter);
    live.start();
    await live.caughtUp();
    await live.stop();
    const before = rows(db);

    const seenDuringRebuild: unknown[][] = [];
    const watching = new ProjectionRunner(store, db, counter, {
      fresh: true,
      batchSize: 7,
      onCommitted: () => seenDuringRebuild.push(rows(db)),
    });
    watching.start();
    await watching.caughtUp();
    await watching.stop();
    // Queries answered from the old generation, complete, throughout the rebuild.
    seenDuringRebuild.forEach((seen) => expect(seen).toEqual(before));
    expect(rows(db)).toEqual(before);
    expect(liveGeneration(db, 'stream-counts')).toMatchObject({ generation: 2, state: 'live' });
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'stream_counts_g%'`)
      .all();
    expect(tables).toEqual([{ name: 'stream_counts_g2_stream_counts' }]);
  });

  it('a running instance goes on with the generation a rebuild elsewhere promoted, without failing', async () => {
    await appendMany(store, 3, 10);
    const running = new ProjectionRunner(store, db, counter);
    running.start();
    await running.caughtUp();
    const rebuild = new ProjectionRunner(store, db, counter, { fresh: true });
    rebuild.start();
    await rebuild.caughtUp();
    await rebuild.stop();
    expect(liveGeneration(db, 'stream-counts')).toMatchObject({ generation: 2 });

    const { position } = await store.append('s-new', [event()], { expectedRevision: 'noStream' });
    await running.waitForPosition(position);
    expect(running.status()).toMatchObject({ state: 'live', generation: 2, error: null });
    expect(db.prepare(`SELECT events FROM stream_counts WHERE stream = 's-new'`).get()).toEqual({ events: 1 });
    expect(rows(db)).toHaveLength(4);
    await running.stop();
  });

  it('forgets what it prepared and remembered for a generation another process replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'branchflow-runner-'));
    const file = join(dir, 'read-models.sqlite');
    const mine = openReadModelDatabase(file);
    const otherProcess = openReadModelDatabase(file);
    try {
      await appendMany(store, 2, 3);
      const running = new ProjectionRunner(store, mine, counter);
      running.start();
      await running.caughtUp();
      const oldKey = 'remembered for stream_counts_g1_stream_counts';
      cached(mine, oldKey, () => 'generation 1');

      const rebuild = new ProjectionRunner(store, otherProcess, counter, { fresh: true });
      rebuild.start();
      await rebuild.caughtUp();
      await rebuild.stop();
      const { position } = await store.append('s-new', [event()], { expectedRevision: 'noStream' });
      await running.waitForPosition(position);
      expect(running.status()).toMatchObject({ generation: 2 });
      expect(cached(mine, oldKey, () => 'built again')).toBe('built again');
      await running.stop();
    } finally {
      mine.close();
      otherProcess.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('catching up lets the event loop turn, also within a batch that takes long to apply', async () => {
    await appendMany(store, 4, 500);
    // About 0.3 ms of work per event: a batch of 1,000 applied in one go would hold the loop 300 ms.
    const slow: SqlProjection<'stream_counts'> = {
      ...counter,
      apply: (db, recorded, t) => {
        const until = performance.now() + 0.3;
        while (performance.now() < until);
        counter.apply(db, recorded, t);
      },
    };
    const runner = new ProjectionRunner(store, db, slow, { batchSize: 1000 });
    const watched = await watchEventLoop(async () => {
      runner.start();
      await runner.caughtUp();
    });
    expect(runner.status()).toMatchObject({ state: 'live', position: 2000 });
    expect(rows(db)).toEqual(
      Array.from({ length: 4 }, (_, s) => expect.objectContaining({ stream: `s-${s}`, events: 500 })),
    );
    expect(watched.ticks).toBeGreaterThanOrEqual(10);
    expect(watched.longestGapMs).toBeLessThan(150);
    await runner.stop();
  });
  it('waits for a write lock another connection holds (a CLI rebuild) without blocking the event loop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'branchflow-runner-busy-'));
    const file = join(dir, 'read-models.sqlite');
    const mine = openReadModelDatabase(file);
    const rebuild = openReadModelDatabase(file);
    try {
      await appendMany(store, 1, 3);
      const runner = new ProjectionRunner(store, mine, counter);
      runner.start();
      await runner.caughtUp();
      rebuild.exec('BEGIN IMMEDIATE');
      const { position } = await store.append('s-while-busy', [event()], { expectedRevision: 'noStream' });
      // Held for a second; the runner's connection has a 5 s busy timeout it must not sleep in.
      const watched = await watchEventLoop(() => new Promise((resolve) => setTimeout(resolve, 1000)));
      expect(watched.ticks).toBeGreaterThanOrEqual(20);
      expect(watched.longestGapMs).toBeLessThan(300);
      expect(runner.status()).toMatchObject({ state: 'live', position: 3, error: null });
      rebuild.exec('COMMIT');
      await runner.waitForPosition(position);
      expect(mine.prepare(`SELECT events FROM stream_counts WHERE stream = 's-while-busy'`).get()).toEqual({
        events: 1,
      });
      await runner.stop();
    } finally {
      mine.close();
      rebuild.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
