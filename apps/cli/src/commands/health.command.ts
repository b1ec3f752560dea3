import { pingStore, withStoreTimeout } from '@app/application';
import type { CliCommand } from '../cli-context';
import { ExitCode } from '../exit-codes';

/** Opens the configured event store and pings it: the operator's first check after a deploy. */
export const healthCommand: CliCommand = {
  name: 'health',
  summary: 'open the configured event store, ping it, and report',
  async run(_args, { config, openStore, out, err }) {
    const where = config.databaseUrl
      ? `PostgreSQL at DATABASE_URL, schema ${config.databaseSchema}`
      : config.eventStoreConnectionString
        ? 'EventStoreDB at EVENTSTORE_CONNECTION_STRING'
        : `the SQLite store under BRANCHFLOW_DATA_DIR (${config.dataDir})`;
    try {
      // Opening is bounded too: a silent EventStoreDB peer must not hang the command.
      const store = await withStoreTimeout(openStore(config), config.eventStoreTimeoutMs, 'while opening');
      try {
        await pingStore(store, config.eventStoreTimeoutMs);
        out(`ok: the ${store.kind} event store answers (${where})`);
        return ExitCode.ok;
      } finally {
        await store.close();
      }
    } catch (error) {
      err(`unhealthy: ${error instanceof Error ? error.message : String(error)}`);
      err(
        config.databaseUrl
          ? 'Check that PostgreSQL is running and reachable at DATABASE_URL, that its user may create the schema, and EVENTSTORE_TIMEOUT_MS.'
          : config.eventStoreConnectionString
            ? 'Check that EventStoreDB is running and reachable at EVENTSTORE_CONNECTION_STRING, and EVENTSTORE_TIMEOUT_MS.'
            : `Check that BRANCHFLOW_DATA_DIR (${config.dataDir}) exists or can be created, is writable, and is on a local disk.`,
      );
      return ExitCode.failed;
    }
  },
};
