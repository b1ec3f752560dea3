import { Worker } from 'node:worker_threads';

/**
 * A second connection to the read-model file on a worker thread, for the few statements that
 * cannot be cut into time slices and would hold the event loop for a second or more on a large
 * store: the WAL checkpoints (copying the log into the database and fsyncing it, 40–300 ms
 * each, several a second while a catch-up writes) and the query indexes a caught-up generation
 * gets before it goes live (over a second at 200k events). On the thread they may wait for
 * locks and disks as long as they need; the main connection meanwhile finds the write lock busy
 * and tries again without blocking (write-now.ts).
 */
export class BackgroundSql {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;
  private closing = false;

  constructor(file: string) {
    this.worker = new Worker(THREAD, { eval: true, workerData: { file, driver: driverPath() } });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.ok) waiter?.resolve();
      else waiter?.reject(Object.assign(new Error(reply.message), { code: reply.code }));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => {
      if (!this.closing) this.fail(new Error('the background SQL thread exited'));
    });
  }

  /** Runs statements (DDL) on the thread's connection. */
  exec(sql: string): Promise<void> {
    return this.send({ kind: 'exec', sql });
  }

  /** Copies what the WAL holds into the database file, without waiting for readers (PASSIVE). */
  checkpoint(): Promise<void> {
    return this.send({ kind: 'checkpoint', sql: '' });
  }

  /** The thread is gone (it could not start, or died): nothing more runs there. */
  get dead(): boolean {
    return this.failure !== null;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private send(message: { kind: 'exec' | 'checkpoint'; sql: string }): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = (this.next += 1);
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

interface Reply {
  readonly id: number;
  readonly ok: boolean;
  readonly message: string;
  readonly code?: string;
}

/**
 * The driver the main thread uses (see libs/event-store/src/adapters/sqlite/sqlite-driver.ts:
 * better-sqlite3 12 below Node 22, 13 as better-sqlite3-node22 from 22 on), by absolute path,
 * since the thread's code is plain JavaScript evaluated without this module's resolution.
 */
function driverPath(): string {
  const major = Number(process.versions.node.split('.')[0]);
  return require.resolve(major < 22 ? 'better-sqlite3' : 'better-sqlite3-node22');
}

// Plain JavaScript, evaluated in the thread: no TypeScript loader there, in tests or in dist.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// On this thread waiting is harmless: a commit of the main connection finishes within a slice.
const db = new Database(workerData.file, { timeout: 60000 });
parentPort.on('message', ({ id, kind, sql }) => {
  try {
    if (kind === 'checkpoint') db.pragma('wal_checkpoint(PASSIVE)');
    else db.exec(sql);
    parentPort.postMessage({ id, ok: true, message: '' });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: String((error && error.message) || error), code: error && error.code });
  }
});
`;
