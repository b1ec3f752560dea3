import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECTIONS } from '@app/application';
import { SqliteDatabase, SqliteEventStore } from '@app/event-store';
import { openReadModelDatabase, ProjectionRunner, type ReadModelDatabase } from '@app/read-models';

export const ROOT = join(__dirname, '../..');

/** A real worker process (apps/worker/src/main.ts) on `dataDir`; `output` collects its log lines. */
export function startWorker(dataDir: string, output?: string[]): ChildProcess {
  const worker = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/worker/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      BRANCHFLOW_DATA_DIR: dataDir,
      LOG_LEVEL: output ? 'info' : 'silent',
      BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
      BRANCHFLOW_ELECTION_TIMER_MINUTES: '0',
    },
    stdio: output ? ['ignore', 'pipe', 'pipe'] : 'ignore',
  });
  const collect = (chunk: Buffer) => output?.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  worker.stdout?.on('data', collect);
  worker.stderr?.on('data', collect);
  return worker;
}

export const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (hasExited(child) ? resolve() : child.once('exit', () => resolve())));

export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Reads a read-model file from outside, as another process would; null while it is not there yet or busy. */
export function readReadModels<T>(file: string, read: (db: ReadModelDatabase) => T): T | null {
  try {
    const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** The lowest checkpoint across the projections, read from the worker's own database file. */
export function slowestCheckpoint(file: string): number {
  return (
    readReadModels(file, (db) => {
      const rows = db
        .prepare(`SELECT name, MAX(position) AS position FROM projection_generations GROUP BY name`)
        .all() as { position: number | null }[];
      return rows.length < PROJECTIONS.length ? 0 : Math.min(...rows.map((row) => row.position ?? 0));
    }) ?? 0
  );
}

/** Every read model's rows, compared as sets: the order SQLite returns them in is not part of the model. */
export function dump(db: ReadModelDatabase): Record<string, unknown[]> {
  return Object.fromEntries(
    PROJECTIONS.flatMap((projection) =>
      projection.tables.map((table) => [
        table,
        db
          .prepare(`SELECT * FROM ${table}`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    ),
  );
}

/** Every projection built from nothing over `eventsFile` into a fresh `readModelsFile`: the reference to compare with. */
export async function cleanRebuild(eventsFile: string, readModelsFile: string): Promise<ReadModelDatabase> {
  const store = SqliteEventStore.open({ file: eventsFile });
  const clean = openReadModelDatabase(readModelsFile);
  try {
    for (const projection of PROJECTIONS) {
      const runner = new ProjectionRunner(store, clean, projection);
      runner.start();
      await runner.caughtUp();
      await runner.stop();
    }
  } finally {
    await store.close();
  }
  return clean;
}
