import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ensureHistory, PROVINCE } from '../../bench/generate-history';
import { bootApi, type BootedApi } from '../api/boot-api';

const ROOT = join(__dirname, '../..');

/**
 * The first start on an existing store with no read models: the catch-up runs in the
 * background, so the API listens at once, liveness answers, readiness says "catching up" with
 * each worker's progress, and read routes answer 503 after a bounded wait — until every worker is
 * live. Before, nothing listened until the catch-up had finished (~105 s at 355k events), so a
 * liveness probe restarted the process over and over.
 */
describe('first start on an existing store without read models', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'branchflow-first-start-'));
  let api: BootedApi | undefined;
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens at once, reports CATCHING_UP with progress on readiness, then 200 once live', async () => {
    const history = await ensureHistory(
      { ...PROVINCE, branches: 40, members: 4000, years: 5 },
      join(ROOT, 'bench/tmp'),
    );
    copyFileSync(history.file, join(dataDir, 'events.sqlite'));
    api = await bootApi({
      env: {
        BRANCHFLOW_DATA_DIR: dataDir,
        EVENTSTORE_TIMEOUT_MS: '300',
        BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
        BRANCHFLOW_ELECTION_TIMER_MINUTES: '0',
      },
    });
    const http = api.app.getHttpServer() as App;

    const started = Date.now();
    await request(http).get('/health/live').expect(200);
    const ready = await request(http).get('/health/ready').set('Accept-Language', 'en');
    expect(ready.status).toBe(503);
    expect(ready.headers['content-type']).toContain('application/problem+json');
    expect(ready.body).toMatchObject({ code: 'CATCHING_UP', head: history.events });
    expect(ready.body.detail).toMatch(/^Catching up with the event store: .*organisation-now at /);
    expect(ready.body.workers).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'organisation-history', kind: 'projection' })]),
    );
    // Answered while the catch-up runs, not after it.
    expect(ready.body.workers.some((worker: { state: string }) => worker.state !== 'live')).toBe(true);

    // A route that needs a fresh read model waits a bounded time (EVENTSTORE_TIMEOUT_MS), then 503.
    const tree = await request(http).get('/org/tree?asOf=2008-06-30');
    expect(tree.status).toBe(503);
    expect(tree.body.detail).toContain('organisation-history read model has not caught up');

    // Probes stay quick throughout the catch-up.
    const latencies: number[] = [];
    let status = 503;
    while (status !== 200 && Date.now() - started < 120_000) {
      const probe = Date.now();
      await request(http).get('/health/live').expect(200);
      latencies.push(Date.now() - probe);
      status = (await request(http).get('/health/ready')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(200);
    latencies.sort((a, b) => a - b);
    // Generous for a loaded machine; the bench measures the real figure (bench/results/responsiveness.json).
    expect(latencies[Math.floor(latencies.length * 0.9)]).toBeLessThan(500);

    const live = await request(http).get('/health/ready').expect(200);
    expect(live.body.workers.every((worker: { state: string }) => worker.state === 'live')).toBe(true);
    expect(live.body.runningIn).toMatchObject({ pid: process.pid, self: true });
    const answered = await request(http).get('/org/tree?asOf=2008-06-30').expect(200);
    expect(answered.body.totals.branches).toBeGreaterThan(0);
  }, 180_000);
});
