import { MemoryEventStore, type RecordedEvent } from '@app/event-store';
import { auditProjection } from '../audit/audit.projection';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { electionBoardProjection } from '../election-board/election-board.projection';
import { seedReportingScenario } from '../export/reporting-scenario.fixture';
import { organisationNowProjection } from '../organisation/organisation-now.projection';
import { organisationHistoryProjection } from '../organisation-history/organisation-history.projection';
import { statisticsProjection } from '../statistics/statistics.projection';
import { generationToFeed, liveGeneration } from './generations';
import type { SqlProjection } from './projection';
import { ProjectionRebuild } from './projection-rebuild';
import { ProjectionRunner } from './projection-runner';

const ALL: readonly SqlProjection[] = [
  organisationNowProjection,
  auditProjection,
  statisticsProjection,
  organisationHistoryProjection,
  electionBoardProjection,
];

/** Every row of every view, sorted: what a reader of the read models can see. */
function dump(db: ReadModelDatabase): Record<string, string[]> {
  const views = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    views.map((view) => [
      view,
      db
        .prepare(`SELECT * FROM ${view}`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

async function runLive(store: MemoryEventStore, db: ReadModelDatabase): Promise<void> {
  for (const projection of ALL) {
    const runner = new ProjectionRunner(store, db, projection, { batchSize: 3 });
    runner.start();
    await runner.caughtUp();
    await runner.stop();
  }
}

describe('ProjectionRebuild', () => {
  let store: MemoryEventStore;
  let db: ReadModelDatabase;
  beforeEach(async () => {
    store = new MemoryEventStore();
    await seedReportingScenario(store);
    db = openReadModelDatabase(':memory:');
  });
  afterEach(() => db.close());

  it('rebuilds every read model in one pass to exactly what the live runners built, then switches over', async () => {
    await runLive(store, db);
    const live = dump(db);
    const head = await store.headPosition();

    const committed: number[] = [];
    const rebuilt = await new ProjectionRebuild(store, db, ALL, {
      batchSize: 7,
      onCommitted: (position, applied) => {
        committed.push(applied);
        expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(100_000);
        // Between batches readers still see the live generations, complete.
        expect(dump(db)).toEqual(live);
        expect(position).toBeLessThanOrEqual(head ?? 0);
      },
    }).run();

    expect(committed.length).toBeGreaterThan(2);
    // The rebuild's longer stretches between log copies end with it.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(committed.reduce((sum, n) => sum + n, 0)).toBe((await store.readAll()).length);
    expect(rebuilt.map(({ name, generation, position }) => ({ name, generation, position }))).toEqual(
      ALL.map((projection) => ({ name: projection.name, generation: 2, position: head })),
    );
    for (const projection of ALL) expect(liveGeneration(db, projection.name)).toMatchObject({ generation: 2 });
    expect(dump(db)).toEqual(live);
    // The replaced generation's tables are gone.
    const leftovers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%_g1_%'`).all();
    expect(leftovers).toEqual([]);
  });

  it('stops on an event it cannot apply, naming it, and leaves the live generations as they were', async () => {
    await runLive(store, db);
    const live = dump(db);
    const [, victim] = await store.readAll();
    const refusing: SqlProjection = {
      ...statisticsProjection,
      apply(database, event: RecordedEvent, tables) {
        if (event.position === victim?.position) throw new Error('cannot read this event');
        statisticsProjection.apply(database, event, tables);
      },
    };
    await expect(
      new ProjectionRebuild(store, db, [organisationNowProjection, refusing], { batchSize: 1 }).run(),
    ).rejects.toThrow(`cannot apply ${victim?.type} at position ${victim?.position}`);
    expect(liveGeneration(db, organisationNowProjection.name)).toMatchObject({ generation: 1 });
    expect(liveGeneration(db, statisticsProjection.name)).toMatchObject({ generation: 1 });
    expect(dump(db)).toEqual(live);
  });

  it('clears away a generation an interrupted rebuild left building', async () => {
    const abandoned = generationToFeed(db, organisationNowProjection, true);
    await new ProjectionRebuild(store, db, [organisationNowProjection]).run();
    const states = db
      .prepare(`SELECT generation, state FROM projection_generations WHERE name = ? ORDER BY generation`)
      .all(organisationNowProjection.name);
    expect(states).toEqual([
      { generation: abandoned.generation, state: 'retired' },
      { generation: abandoned.generation + 1, state: 'live' },
    ]);
  });
});
