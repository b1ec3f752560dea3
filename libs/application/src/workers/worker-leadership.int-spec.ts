import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModelDatabase, type ReadModelDatabase } from '@app/read-models';
import { WorkerStatusRegistry } from '../read-models/worker-status';
import { SqliteWorkerLock } from './sqlite-worker-lock';
import { HEARTBEAT_STALE_MS, WorkerHeartbeatTable } from './worker-heartbeat';
import { WorkerLeadership, type WorkerTask } from './worker-leadership';
import { WorkersHealth } from './workers-health';

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

function recordingTask(log: string[], who: string): WorkerTask {
  return {
    name: 'recording',
    phase: 'projections',
    start: () => void log.push(`${who} started`),
    stop: () => Promise.resolve(void log.push(`${who} stopped`)),
  };
}

describe('the worker lock and leadership', () => {
  let dir: string;
  let db: ReadModelDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'branchflow-leadership-'));
    db = openReadModelDatabase(join(dir, 'read-models.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the SQLite lock is held by one connection at a time, refused at once, and free again once released', async () => {
    const file = join(dir, 'workers.lock');
    const first = new SqliteWorkerLock(file);
    const second = new SqliteWorkerLock(file);
    await expect(first.tryAcquire()).resolves.toBe(true);
    const started = Date.now();
    await expect(second.tryAcquire()).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
    await first.release();
    await expect(second.tryAcquire()).resolves.toBe(true);
    await expect(first.tryAcquire()).resolves.toBe(false);
    await second.release();
  });

  it('a process killed with SIGKILL frees the lock: the operating system drops it', async () => {
    const file = join(dir, 'workers.lock');
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))});
         const db = new D(${JSON.stringify(file)}, { timeout: 0 });
         db.pragma('locking_mode = EXCLUSIVE');
         db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL); COMMIT');
         process.stdout.write('held\\n');
         setInterval(() => undefined, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const lock = new SqliteWorkerLock(file);
    await expect(lock.tryAcquire()).resolves.toBe(false);
    holder.kill('SIGKILL');
    await new Promise<void>((resolve) => holder.once('exit', () => resolve()));
    await expect(lock.tryAcquire()).resolves.toBe(true);
    await lock.release();
  });

  it('one leadership runs the tasks; the other stands by, reports the holder from its heartbeat, and takes over', async () => {
    const log: string[] = [];
    const file = join(dir, 'workers.lock');
    const make = (who: string) => {
      const heartbeat = new WorkerHeartbeatTable(db);
      const statuses = new WorkerStatusRegistry();
      statuses.register(() => ({
        name: 'organisation-now',
        kind: 'projection',
        state: 'live',
        position: 7,
        error: null,
      }));
      const leadership = new WorkerLeadership(new SqliteWorkerLock(file), heartbeat, statuses, dir, silent);
      leadership.register(recordingTask(log, who));
      return { leadership, health: new WorkersHealth(leadership, statuses, heartbeat, db) };
    };
    const a = make('a');
    const b = make('b');
    a.leadership.start();
    await waitUntil(() => a.leadership.leading, 'a leads');
    b.leadership.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(b.leadership.status).toBe('waiting');
    expect(log).toEqual(['a started']);
    // The standby reports the workers from the holder's heartbeat.
    expect(b.health.report(7)).toMatchObject({
      runningIn: { pid: process.pid, self: false },
      workers: [expect.objectContaining({ name: 'organisation-now', state: 'live' })],
      problem: null,
    });

    await a.leadership.stop();
    expect(b.health.report(7).problem).toMatchObject({ code: 'WORKERS_UNAVAILABLE' });
    await waitUntil(() => b.leadership.leading, 'b takes over', 5000);
    expect(log).toEqual(['a started', 'a stopped', 'b started']);
    expect(b.health.report(7)).toMatchObject({ runningIn: { self: true }, problem: null });
    await b.leadership.stop();
  });

  it('a stale heartbeat means the workers are gone or stuck', () => {
    const heartbeat = new WorkerHeartbeatTable(db);
    const statuses = new WorkerStatusRegistry();
    const leadership = new WorkerLeadership(
      new SqliteWorkerLock(join(dir, 'workers.lock')),
      heartbeat,
      statuses,
      dir,
      silent,
    );
    const beatAt = new Date('2026-12-01T08:00:00.000Z');
    heartbeat.write('running', beatAt, [], beatAt);
    const at = (ms: number) =>
      new WorkersHealth(leadership, statuses, heartbeat, db, () => new Date(beatAt.getTime() + ms));
    expect(at(HEARTBEAT_STALE_MS - 1000).report(null).problem).toBeNull();
    expect(at(HEARTBEAT_STALE_MS + 1000).report(null).problem).toMatchObject({
      code: 'WORKERS_UNAVAILABLE',
      detail: expect.stringContaining(`(pid ${process.pid} on`),
    });
    expect(at(HEARTBEAT_STALE_MS + 1000).report(null).problem?.detail).toContain('last reported 11 s ago');
  });
});
