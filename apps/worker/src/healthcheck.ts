import { join } from 'node:path';
import { SqliteDatabase } from '@app/event-store';
import { loadConfig, WorkerHeartbeatTable } from '@app/application';
import { judgeHeartbeat } from './worker-health-check';

/**
 * The worker's container healthcheck (`node dist/apps/worker/src/healthcheck.js`): the worker
 * serves no HTTP, so this reads the workers' heartbeat from the data directory, read-only, and
 * exits 0 when the workers run, 1 with the reason otherwise.
 */
function main(): number {
  let beat = null;
  try {
    const config = loadConfig(process.env);
    const file = join(config.dataDir, 'workers.sqlite');
    const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      beat = new WorkerHeartbeatTable(db, { readonly: true }).read();
    } finally {
      db.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`unhealthy: cannot read the workers' heartbeat: ${reason}\n`);
    return 1;
  }
  const verdict = judgeHeartbeat(beat, new Date());
  (verdict.healthy ? process.stdout : process.stderr).write(
    `${verdict.healthy ? '' : 'unhealthy: '}${verdict.message}\n`,
  );
  return verdict.healthy ? 0 : 1;
}

process.exitCode = main();
