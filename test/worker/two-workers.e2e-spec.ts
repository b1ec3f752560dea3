import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECTIONS } from '@app/application';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDatabase } from '@app/read-models';
import { appendAll, ev } from '../../libs/read-models/src/organisation-history/testing/history-events';
import { ensureHistory, PROVINCE } from '../../bench/generate-history';
import {
  cleanRebuild,
  dump,
  exited,
  hasExited,
  readReadModels,
  ROOT,
  slowestCheckpoint,
  startWorker,
  waitUntil,
} from './worker-fixtures';

interface HeartbeatRow {
  pid: number;
  state: string;
}

/** The heartbeat the worker lock's holder writes beside the read models. */
const heartbeatOf = (dataDir: string): HeartbeatRow | null =>
  readReadModels(
    join(dataDir, 'workers.sqlite'),
    (db) =>
      (db.prepare('SELECT pid, state FROM worker_heartbeat WHERE id = 1').get() as HeartbeatRow | undefined) ?? null,
  );

/** The messages of a worker's JSON log lines. */
const messages = (lines: readonly string[]): string[] =>
  lines.flatMap((line) => {
    try {
      return [String((JSON.parse(line) as { msg?: unknown }).msg)];
    } catch {
      return [line];
    }
  });

/**
 * Two worker processes on one data directory: exactly one holds the worker lock and applies the
 * projections, the other stands by naming the directory and the holder; killing the holder
 * (SIGKILL, no shutdown hook) lets the other take over, and the read models end equal to a clean
 * rebuild. Before, both applied: "database is locked", and rows missing from the live tree.
 */
describe('two workers on one data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'branchflow-two-workers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('one applies, the other stands by and takes over when the first is killed', async () => {
    const history = await ensureHistory(
      { ...PROVINCE, branches: 40, members: 4000, years: 5 },
      join(ROOT, 'bench/tmp'),
    );
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    const eventsFile = join(dataDir, 'events.sqlite');
    copyFileSync(history.file, eventsFile);
    const readModels = join(dataDir, 'read-models.sqlite');

    const logs: [string[], string[]] = [[], []];
    const workers = [startWorker(dataDir, logs[0]), startWorker(dataDir, logs[1])];
    try {
      await waitUntil(() => heartbeatOf(dataDir)?.state === 'running', 'a worker took the lock', 60_000);
      await waitUntil(
        () => logs.some((lines) => messages(lines).some((line) => line.includes('stands by'))),
        'the other worker stood by',
        60_000,
      );
      const holderPid = (heartbeatOf(dataDir) as HeartbeatRow).pid;
      const holder = workers.findIndex((worker) => worker.pid === holderPid);
      expect(holder).toBeGreaterThanOrEqual(0);
      const standby = 1 - holder;
      const standbyLog = () => messages(logs[standby] as string[]);
      expect(standbyLog().join('\n')).toContain(
        `The workers of ${resolve(dataDir)} already run in process ${holderPid}`,
      );

      const wentLive = (lines: readonly string[]) =>
        messages(lines).filter((line) => /Projection .* is live/.test(line));
      await waitUntil(() => wentLive(logs[holder] as string[]).length === PROJECTIONS.length, 'the holder caught up');
      expect(slowestCheckpoint(readModels)).toBe(history.events);
      // Only the holder applied anything: the standby never fed a projection.
      expect(standbyLog().filter((line) => /Projection|database is locked/.test(line))).toEqual([]);

      (workers[holder] as (typeof workers)[number]).kill('SIGKILL');
      await exited(workers[holder] as (typeof workers)[number]);
      await waitUntil(() => heartbeatOf(dataDir)?.pid === workers[standby]?.pid, 'the standby took over', 30_000);
      expect(standbyLog().join('\n')).toContain(`taking over from pid ${holderPid}`);

      // What happens after the takeover is applied by the survivor.
      const store = SqliteEventStore.open({ file: eventsFile });
      await appendAll(store, [
        ['committee-c-after-takeover', ev.committeeEstablished('c-after-takeover', '接管后党委', '2010-03-01')],
        [
          'branch-b-after-takeover',
          ev.branchEstablished('b-after-takeover', '接管后支部', 'c-after-takeover', '2010-03-02'),
        ],
      ]);
      const head = (await store.headPosition()) as number;
      await store.close();
      await waitUntil(() => slowestCheckpoint(readModels) >= head, 'the survivor applied the new events');
      expect(
        readReadModels(readModels, (db) =>
          db.prepare(`SELECT name FROM branches WHERE branch_id = 'b-after-takeover'`).get(),
        ),
      ).toEqual({ name: '接管后支部' });
    } finally {
      for (const worker of workers) {
        if (!hasExited(worker)) worker.kill('SIGTERM');
        await exited(worker);
      }
    }
    expect(heartbeatOf(dataDir)).toMatchObject({ state: 'stopped' });

    const rebuildDir = join(dir, 'rebuild');
    mkdirSync(rebuildDir, { recursive: true });
    copyFileSync(eventsFile, join(rebuildDir, 'events.sqlite'));
    const clean = await cleanRebuild(join(rebuildDir, 'events.sqlite'), join(rebuildDir, 'read-models.sqlite'));
    const survivor = openReadModelDatabase(readModels);
    try {
      expect(dump(survivor)).toEqual(dump(clean));
    } finally {
      survivor.close();
      clean.close();
    }
  }, 300_000);
});
