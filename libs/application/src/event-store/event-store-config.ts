import type { EventStoreConfig } from '@app/event-store';
import type { AppConfig } from '../config/app-config';

/** The part of the app's config the store factory reads; one mapping for the apps and the CLI. */
export function eventStoreConfigOf(config: AppConfig): EventStoreConfig {
  return {
    eventStoreConnectionString: config.eventStoreConnectionString,
    databaseUrl: config.databaseUrl,
    databaseSchema: config.databaseSchema,
    dataDir: config.dataDir,
    sqliteSynchronous: config.sqliteSynchronous,
    timeoutMs: config.eventStoreTimeoutMs,
  };
}
