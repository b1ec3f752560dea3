import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreConfigOf, loadConfig, type AppConfig } from '@app/application';
import { createEventStore } from '@app/event-store';
import {
  liveGeneration,
  openReadModelDatabase,
  OrganisationHistoryQueries,
  organisationHistoryProjection,
  organisationNowProjection,
} from '@app/read-models';
import { runCli } from '../../apps/cli/src/cli';
import { createRebuildCommand } from '../../apps/cli/src/commands/rebuild.command';
import { appendAll, mergeScenario } from '../../libs/read-models/src/organisation-history/testing/history-events';

describe('CLI rebuild', () => {
  let dataDir: string;
  let config: AppConfig;
  const openStore = (c: AppConfig) => createEventStore(eventStoreConfigOf(c));
  const readModels = () => openReadModelDatabase(join(dataDir, 'read-models.sqlite'));

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'branchflow-rebuild-'));
    config = loadConfig({ BRANCHFLOW_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const store = await openStore(config);
    await appendAll(store, mergeScenario());
    await store.close();
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('rebuilds one projection as a new generation, reports progress and switches over', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const progress: string[] = [];
    let clock = 0;
    const command = createRebuildCommand({
      projections: [organisationNowProjection, organisationHistoryProjection],
      progress: { isTTY: true, write: (text) => progress.push(text) },
      now: () => (clock += 100),
      batchSize: 5,
    });
    const context = { config, openStore, out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await command.run(['organisation-history'], context)).toBe(0);
    expect(await command.run(['organisation-history'], context)).toBe(0);
    expect(err).toEqual([]);
    expect(out[1]).toMatch(/^rebuilt organisation-history v2: generation 2 is live at position 30; 30 events in/);
    expect(
      progress.some((line) =>
        /^\rorganisation-history: \d+ events \(\d+\.\d%\), [\d,]+ events\/s, ETA \d+s/.test(line),
      ),
    ).toBe(true);

    const db = readModels();
    try {
      expect(liveGeneration(db, 'organisation-history')?.generation).toBe(2);
      expect(liveGeneration(db, 'organisation-now')).toBeNull();
      expect(new OrganisationHistoryQueries(db).tree('2023-07-01').totals).toEqual({
        branches: 1,
        full: 7,
        probationary: 0,
      });
    } finally {
      db.close();
    }
  });

  it('without a terminal, prints a progress line every few seconds', async () => {
    const progress: string[] = [];
    let clock = 0;
    const command = createRebuildCommand({
      projections: [organisationHistoryProjection],
      progress: { isTTY: false, write: (text) => progress.push(text) },
      now: () => (clock += 2000),
      batchSize: 5,
    });
    expect(await command.run(['all'], { config, openStore, out: () => undefined, err: () => undefined })).toBe(0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });

  it('through the CLI: `all` rebuilds every read model; a missing or unknown name exits 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      env: { BRANCHFLOW_DATA_DIR: dataDir },
      openStore,
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    };
    expect(await runCli(['rebuild'], io)).toBe(2);
    expect(await runCli(['rebuild', 'nonsense'], io)).toBe(2);
    expect(err.join('\n')).toContain('Unknown projection "nonsense"');
    expect(await runCli(['rebuild', 'all'], io)).toBe(0);
    expect(out.join('\n')).toContain('rebuilt organisation-history');
    expect(out.join('\n')).toContain('rebuilt organisation-now');
  });
});
