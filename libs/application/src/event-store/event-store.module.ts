import { resolve } from 'node:path';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, SharedFeedEventStore, UpcastingEventStore, type EventStore } from '@app/event-store';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.module';
import { ScopedEventStore } from '../committee-scope/scoped-event-store';
import { eventStoreConfigOf } from './event-store-config';
import { productUpcasters } from './upcasters';

/** Injection token of the process's one EventStore: `@Inject(EVENT_STORE) store: EventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** The same store without upcasting: stored bytes as written, for hash-chain verification only. */
export const RAW_EVENT_STORE = Symbol('RAW_EVENT_STORE');

/** The adapter under the store's wrappers: stored bytes as written, for hash-chain verification. */
function adapterOf(store: EventStore): EventStore {
  if (store instanceof ScopedEventStore) return adapterOf(store.inner);
  if (store instanceof SharedFeedEventStore) return adapterOf(store.inner);
  if (store instanceof UpcastingEventStore) return adapterOf(store.raw);
  return store;
}

/**
 * Where events go, for boot logs. Never the connection string, which may hold credentials; the
 * data dir always, since local state (read models) lives there whichever store holds events.
 */
export function describeStore(store: EventStore, config: AppConfig): string {
  const dataDir = resolve(config.dataDir);
  if (config.databaseUrl) return `${store.kind} (schema ${config.databaseSchema}), data dir ${dataDir}`;
  return config.eventStoreConnectionString ? `${store.kind}, data dir ${dataDir}` : `${store.kind} under ${dataDir}`;
}

/**
 * The event store for the whole process, opened once from the config (SQLite under dataDir by
 * default, PostgreSQL when DATABASE_URL is set, EventStoreDB when its connection string is) and closed when the app shuts down.
 * Tests replace it with `.overrideProvider(EVENT_STORE).useValue(new MemoryEventStore())`.
 */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG],
      // Reads return current event shapes, and a committee-scoped administrator's request touches
      // only their committee's streams; the adapter stays reachable for verification. The
      // projections and process managers share one read of each new event (shared-feed.ts).
      useFactory: async (config: AppConfig): Promise<EventStore> =>
        new ScopedEventStore(
          new SharedFeedEventStore(
            new UpcastingEventStore(await createEventStore(eventStoreConfigOf(config)), productUpcasters()),
          ),
        ),
    },
    {
      provide: RAW_EVENT_STORE,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore): EventStore => adapterOf(store),
    },
  ],
  exports: [EVENT_STORE, RAW_EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  private readonly logger = new Logger(EventStoreModule.name);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.logger.log(`Closed the ${this.store.kind} event store`);
  }
}
