import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ElectionTimerScheduler, EVENT_STORE, loadConfig, WorkerStatusRegistry } from '@app/application';
import { StoreUnavailable, type EventStore } from '@app/event-store';
import { WorkerModule } from '../../apps/worker/src/worker.module';

describe('worker', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'branchflow-worker-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('boots on the embedded SQLite store and closes it on shutdown', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', BRANCHFLOW_DATA_DIR: dataDir });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: false,
      abortOnError: false,
    });
    const store = app.get<EventStore>(EVENT_STORE);
    expect(store.kind).toBe('sqlite');
    await expect(store.ping()).resolves.toBeUndefined();
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
    // Every worker runs here: the projections, the three process managers and the election timers.
    const workers = app.get(WorkerStatusRegistry).all();
    expect(workers.map(({ name, kind }) => `${kind}:${name}`).sort()).toEqual([
      'processManager:by-election-filling',
      'processManager:election-installation',
      'processManager:restructuring-execution',
      'projection:audit',
      'projection:election-board',
      'projection:organisation-history',
      'projection:organisation-now',
      'projection:statistics',
      'projection:volunteer-service',
    ]);
    expect(app.get(ElectionTimerScheduler)).toBeInstanceOf(ElectionTimerScheduler);

    await app.close();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailable);
  });
});
