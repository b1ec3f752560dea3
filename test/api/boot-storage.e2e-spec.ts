import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';

const ROOT = join(__dirname, '..', '..');
const NOBODY = 65534;

/**
 * Runs the real API entry point (compiled on the fly by swc) on a data directory. Should a start
 * wrongly succeed, it listens on a loopback port nobody else uses and is stopped by the timeout.
 */
function startApi(dataDir: string, options: SpawnSyncOptions = {}) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: String(40_000 + Math.floor(Math.random() * 20_000)),
      BRANCHFLOW_DATA_DIR: dataDir,
    },
    encoding: 'utf8',
    timeout: 20_000,
    ...options,
  });
}

/** Exit code 1 and exactly one line on stderr: the sentence, no stack trace, no Nest boot lines. */
function expectRefusedWith(result: ReturnType<typeof startApi>, sentence: string): void {
  expect(result.error).toBeUndefined();
  expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
    status: 1,
    stdout: '',
    stderr: `branchflow API failed to start: ${sentence}\n`,
  });
}

describe('API boot on data files it cannot use', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'branchflow-boot-storage-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a data directory that cannot be created', () => {
    writeFileSync(join(dir, 'taken'), 'a file, not a directory');
    const dataDir = join(dir, 'taken', 'data');
    const result = startApi(dataDir);
    expect(result.stderr).toMatch(
      new RegExp(
        `^branchflow API failed to start: Cannot create the directory ${dataDir} for the (SQLite event store|read-model database) ${dataDir}/\\S+\\.sqlite: part of the path is a file, not a directory \\(ENOTDIR\\); make it creatable or choose another data directory \\(BRANCHFLOW_DATA_DIR\\)\\.\\n$`,
      ),
    );
    expect(result.status).toBe(1);
  }, 30_000);

  it('an events file that is not a database', () => {
    const file = join(dir, 'events.sqlite');
    writeFileSync(file, 'PK\u0003\u0004 someone restored a zip archive here'.repeat(50));
    expectRefusedWith(
      startApi(dir),
      `Cannot open the SQLite event store ${file}: the file is not a SQLite database (SQLITE_NOTADB); restore it from a backup.`,
    );
  }, 30_000);

  it('a read-model file that is damaged says it can be rebuilt', () => {
    const file = join(dir, 'read-models.sqlite');
    writeFileSync(file, 'SQLite format 3\u0000'.padEnd(8192, '\u0001'));
    const result = startApi(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^branchflow API failed to start: Cannot open the read-model database ${file}: the file is (damaged \\(SQLITE_CORRUPT\\)|not a SQLite database \\(SQLITE_NOTADB\\)); it holds only data derived from the events, so stop every process using it, move it aside and start again to rebuild it\\.\\n$`,
      ),
    );
  }, 30_000);

  it('an events file this process may not write', async () => {
    const file = join(dir, 'events.sqlite');
    await SqliteEventStore.open({ file }).close();
    chmodSync(file, 0o444);
    // root may write a file whatever its mode, so the API then runs as nobody, in a directory
    // nobody owns (SQLite creates its -wal and -shm files there), on a file root owns.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(dir, NOBODY, NOBODY);
    const result = startApi(dir, asRoot ? { uid: NOBODY, gid: NOBODY } : {});
    if (result.error && asRoot) {
      console.warn(`Read-only start test SKIPPED: cannot run the API as uid ${NOBODY} (${result.error.message})`);
      return;
    }
    expectRefusedWith(
      result,
      `Cannot open the SQLite event store ${file}: the file is read-only for this process (SQLITE_READONLY); make the file, its -wal and -shm files and its directory writable, then retry.`,
    );
  }, 30_000);
});
