import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase } from '@app/read-models';
import { mulberry32 } from '../../apps/cli/src/demo/prng';
import { ensureHistory, PROVINCE } from '../../bench/generate-history';
import { cleanRebuild, dump, exited, ROOT, slowestCheckpoint, startWorker, waitUntil } from './worker-fixtures';

const KILLS = 10;
/** The kill points are drawn from this seed (mulberry32), so a failing run can be replayed with CRASH_SEED. */
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

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

    const clean = await cleanRebuild(join(rebuildDir, 'events.sqlite'), join(rebuildDir, 'read-models.sqlite'));
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
