import { hostname } from 'node:os';
import { createPostgresLeaderLock, type PostgresSessionLock } from '@app/event-store';
import type { WorkerLock } from './worker-lock';

/**
 * The worker lock when the events live in PostgreSQL: a session-level advisory lock there, keyed
 * by the event store's schema. One leader per event log across every API and worker process on
 * the database, whatever machine or data directory each runs from: process managers and timers
 * append events, so they must run once per log, not once per directory.
 */
export class PostgresWorkerLock implements WorkerLock {
  private readonly lock: PostgresSessionLock;

  constructor(connectionString: string, schema: string, timeoutMs: number) {
    this.lock = createPostgresLeaderLock({
      connectionString,
      schema,
      timeoutMs,
      holder: { pid: process.pid, host: hostname() },
    });
  }

  get where(): string {
    return this.lock.where;
  }

  tryAcquire(): Promise<boolean> {
    return this.lock.tryAcquire();
  }

  release(): Promise<void> {
    return this.lock.release();
  }

  onLost(listener: () => void): void {
    this.lock.onLost(listener);
  }

  holder(): Promise<{ pid: number; host: string } | null> {
    return this.lock.holder();
  }
}
