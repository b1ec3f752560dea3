import { StoreUnavailable, type EventStore } from '@app/event-store';
import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '@app/read-models';
import type { WorkerStatus } from './worker-status';

/**
 * Read-your-writes for facts taken from read models: before a command handler counts a
 * branch's members, it waits until the projection has applied everything the store held when
 * the command arrived. It polls the projection's checkpoint row, so it works whether the
 * projection runs in this process or in a separate worker.
 */
export class ReadModelFreshness {
  /** Prepared on first use (the table is created by the projections), then once per process: every command asks. */
  private readLive: Statement<[string], { position: number | null }> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDatabase,
    private readonly options: { timeoutMs: number; pollMs?: number } = { timeoutMs: 3000 },
    /**
     * When given, a projection that has stopped is reported at once instead of after the timeout
     * (whether it runs here or in another process: workers/workers-health.ts).
     */
    private readonly workers?: { failed(): readonly WorkerStatus[] },
  ) {}

  async waitForHead(projection: string): Promise<void> {
    const head = await this.store.headPosition();
    if (head === null) return;
    const deadline = Date.now() + this.options.timeoutMs;
    this.readLive ??= this.db.prepare(`SELECT position FROM projection_generations WHERE name = ? AND state = 'live'`);
    const read = this.readLive;
    for (;;) {
      const row = read.get(projection);
      if (row?.position !== undefined && row.position !== null && row.position >= head) {
        // Beyond the head read before is normal (events appended since); beyond the head now is not.
        const now = row.position > head ? await this.store.headPosition() : head;
        if (now === null || row.position > now) {
          throw new StoreUnavailable(
            `The ${projection} read model has applied events up to position ${row.position}, beyond the event store's head (${now ?? 'no events'}): it was built from a store that was replaced or restored, and is not served until it is rebuilt.`,
          );
        }
        return;
      }
      const stopped = this.workers?.failed().find((worker) => worker.name === projection);
      if (stopped) {
        throw new StoreUnavailable(
          `The ${projection} read model stopped on an event it could not handle (${stopped.error ?? 'no reason given'}); an operator must fix it and restart.`,
        );
      }
      if (Date.now() >= deadline) {
        throw new StoreUnavailable(
          `The ${projection} read model has not caught up with the event store within ${this.options.timeoutMs} ms; try again shortly.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 5));
    }
  }
}
