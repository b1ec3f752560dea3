import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '@app/event-store';
import { PROJECTIONS } from '@app/application';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDatabase, ProjectionRunner, type ReadModelDatabase } from '@app/read-models';
import { mulberry32 } from '../../apps/cli/src/demo/prng';
import { ensureHistory, PROVINCE } from '../../bench/generate-history';

const ROOT = join(__dirname, '../..');
const KILLS = 10;
/** The kill points are drawn from this seed (mulberry32), so a failing run can be replayed with CRASH_SEED. */
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

function startWorker(dataDir: string): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/worker/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      BRANCHFLOW_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
      BRANCHFLOW_ELECTION_TIMER_MINUTES: '0',
    },
    stdio: 'ignore',
  });
}

/** The lowest checkpoint across the projections, read from the worker's own database file. */
function slowestCheckpoint(file: string): number {
  try {
    const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare(`SELECT name, MAX(position) AS position FROM projection_generations GROUP BY name`)
        .all() as {
        position: number | null;
      }[];
      return rows.length < PROJECTIONS.length ? 0 : Math.min(...rows.map((row) => row.position ?? 0));
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or busy being created
  }
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));

function dump(db: ReadModelDatabase): Record<string, unknown[]> {
  return Object.fromEntries(
    PROJECTIONS.flatMap((projection) =>
      projection.tables.map((table) => [
        table,
        // Compared as sets of rows: the order SQLite returns them in is not part of the model.
        db
          .prepare(`SELECT * FROM ${table}`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    ),
  );
}

/**
 * The worker is killed with SIGKILL at ten points during catch-up — no shutdown hook runs —
 * and restarted each time; the read models it ends with must equal a clean rebuild, row for row.
 */
describe('worker crash during catch-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'branchflow-worker-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`survives ${KILLS} SIGKILLs and ends with read models equal to a clean rebuild`, async () => {
    const history = await ensureHistory(
      { ...PROVINCE, branches: 40, members: 4000, years: 5 },
      join(ROOT, 'bench/tmp'),
    );
    const dataDir = join(dir, 'data');
    const rebuildDir = join(dir, 'rebuild');
    for (const target of [dataDir, rebuildDir]) {
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      copyFileSync(history.file, join(target, 'events.sqlite'));
    }
    const readModels = join(dataDir, 'read-models.sqlite');
    const head = history.events;
    const next = mulberry32(seed);
    // One random point in each tenth of the catch-up, so the kills spread over all of it.
    const slice = (head * 0.9) / KILLS;
    const targets = Array.from({ length: KILLS }, (_, i) => Math.floor((i + next()) * slice));
    const killedAt: number[] = [];
    for (const target of targets) {
      const worker = startWorker(dataDir);
      await waitUntil(() => slowestCheckpoint(readModels) >= target, `the worker passed position ${target}`);
      worker.kill('SIGKILL');
      await exited(worker);
      killedAt.push(slowestCheckpoint(readModels));
    }
    console.log(
      `worker crash seed ${seed} (replay with CRASH_SEED=${seed}); killed at positions ${killedAt.join(', ')} of ${head}`,
    );
    const last = startWorker(dataDir);
    await waitUntil(() => slowestCheckpoint(readModels) >= head, 'the worker caught up');
    last.kill('SIGTERM');
    await exited(last);

    const store = SqliteEventStore.open({ file: join(rebuildDir, 'events.sqlite') });
    const clean = openReadModelDatabase(join(rebuildDir, 'read-models.sqlite'));
    for (const projection of PROJECTIONS) {
      const runner = new ProjectionRunner(store, clean, projection);
      runner.start();
      await runner.caughtUp();
      await runner.stop();
    }
    await store.close();
    const survivor = openReadModelDatabase(readModels);
    try {
      expect(
        killedAt.filter((position, i) => i === 0 || position > (killedAt[i - 1] ?? 0)).length,
      ).toBeGreaterThanOrEqual(5);
      expect(dump(survivor)).toEqual(dump(clean));
    } finally {
      survivor.close();
      clean.close();
    }
  }, 600_000);
});
