import { join } from 'node:path';
import type { Clock } from './port/clock';
import type { EventStore } from './port/event-store.port';

export interface EventStoreConfig {
  /** Set → EventStoreDB; unset → the embedded SQLite file under dataDir. */
  readonly eventStoreConnectionString?: string;
  readonly dataDir: string;
  /** `FULL` (default) fsyncs every commit: a returned append survives a power cut. */
  readonly sqliteSynchronous?: 'FULL' | 'NORMAL';
  /** Upper bound on any single store call, so a silent peer cannot hang a request. */
  readonly timeoutMs?: number;
  readonly clock?: Clock;
}

/**
 * Picks the adapter from configuration. The EventStoreDB adapter is loaded only when asked
 * for, so the embedded default never loads the gRPC client.
 */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.eventStoreConnectionString) {
    const { EventStoreDbEventStore } = await import('./adapters/eventstoredb/eventstoredb-event-store');
    return EventStoreDbEventStore.connect(config.eventStoreConnectionString, {
      timeoutMs: config.timeoutMs,
      clock: config.clock,
    });
  }
  const { SqliteEventStore } = await import('./adapters/sqlite/sqlite-event-store');
  return SqliteEventStore.open({
    file: join(config.dataDir, 'events.sqlite'),
    synchronous: config.sqliteSynchronous ?? 'FULL',
    clock: config.clock,
  });
}
