import { join } from 'node:path';
import type { Clock } from './port/clock';
import type { EventStore } from './port/event-store.port';
import type { EventStoreDbEventStore } from './adapters/eventstoredb/eventstoredb-event-store';
import type { PostgresEventStore } from './adapters/postgres/postgres-event-store';
import type { PostgresSessionLock, PostgresSessionLockOptions } from './adapters/postgres/postgres-session-lock';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store';

export interface EventStoreConfig {
  /** Set → EventStoreDB; unset → the embedded SQLite file under dataDir (or PostgreSQL). */
  readonly eventStoreConnectionString?: string;
  /** Set (postgres://…) → PostgreSQL, the events in `databaseSchema` (`public` by default). */
  readonly databaseUrl?: string;
  readonly databaseSchema?: string;
  readonly dataDir: string;
  /** `FULL` (default) fsyncs every commit: a returned append survives a power cut. */
  readonly sqliteSynchronous?: 'FULL' | 'NORMAL';
  /** Upper bound on any single store call, so a silent peer cannot hang a request. */
  readonly timeoutMs?: number;
  readonly clock?: Clock;
}

/**
 * Picks the adapter from configuration. The server adapters are loaded only when asked for, so
 * the embedded default never loads the gRPC client nor node-postgres.
 */
export function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  // A failure to open (bad directory, locked file) becomes a rejection, not a throw.
  return new Promise((resolve) => resolve(openEventStore(config)));
}

function openEventStore(config: EventStoreConfig): EventStore | Promise<EventStore> {
  if (config.databaseUrl) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const postgres = require('./adapters/postgres/postgres-event-store') as {
      PostgresEventStore: typeof PostgresEventStore;
    };
    return postgres.PostgresEventStore.connect({
      connectionString: config.databaseUrl,
      schema: config.databaseSchema,
      timeoutMs: config.timeoutMs,
      clock: config.clock,
    });
  }
  if (config.eventStoreConnectionString) {
    // A plain require keeps the load lazy in the CommonJS build (a dynamic import() would not
    // resolve the TypeScript source under jest).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esdb = require('./adapters/eventstoredb/eventstoredb-event-store') as {
      EventStoreDbEventStore: typeof EventStoreDbEventStore;
    };
    return esdb.EventStoreDbEventStore.connect(config.eventStoreConnectionString, {
      timeoutMs: config.timeoutMs,
      clock: config.clock,
    });
  }
  return SqliteEventStore.open({
    file: join(config.dataDir, 'events.sqlite'),
    synchronous: config.sqliteSynchronous ?? 'FULL',
    clock: config.clock,
  });
}

/**
 * The leadership lock of processes sharing a PostgreSQL event store (postgres-session-lock.ts),
 * loaded only when asked for, like the adapter.
 */
export function createPostgresLeaderLock(options: PostgresSessionLockOptions): PostgresSessionLock {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lock = require('./adapters/postgres/postgres-session-lock') as {
    PostgresSessionLock: typeof PostgresSessionLock;
  };
  return new lock.PostgresSessionLock(options);
}
