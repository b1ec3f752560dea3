import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECTIONS } from '@app/application';
import {
  catchUpSubscription,
  type EventStore,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '@app/event-store';
import { openReadModelDatabase, ProjectionRunner, type ReadModelDatabase } from '@app/read-models';
import { appendAll, ev } from '../../libs/read-models/src/organisation-history/testing/history-events';
import { PostgresEventStore } from '../../libs/event-store/src/adapters/postgres/postgres-event-store';
import {
  createTestSchema,
  describeIfPostgres,
  POSTGRES_TEST_URL,
  type TestSchema,
} from '../../libs/event-store/src/adapters/postgres/postgres-test-database.fixture';
import { dump, ROOT } from '../worker/worker-fixtures';

const describeIfServer = describeIfPostgres('PostgreSQL backup and restore');

/** The log as it stood at `head`: what the backup should hold, to build read models from for comparison. */
function upTo(store: EventStore, head: number): EventStore {
  const readAll = async (options: ReadAllOptions = {}): Promise<RecordedEvent[]> =>
    (await store.readAll(options)).filter((event) => event.position <= head);
  const overrides: Partial<EventStore> = {
    readAll,
    headPosition: () => Promise.resolve(head),
    subscribeToAll: (options?: SubscribeOptions) =>
      catchUpSubscription({ readAll, onAppended: () => () => undefined, pollIntervalMs: null }, options),
  };
  return new Proxy(store, {
    get: (target, property, receiver) =>
      (overrides as Record<PropertyKey, unknown>)[property] ?? Reflect.get(target, property, receiver),
  });
}

async function rebuild(store: EventStore, file: string): Promise<ReadModelDatabase> {
  const db = openReadModelDatabase(file);
  for (const projection of PROJECTIONS) {
    const runner = new ProjectionRunner(store, db, projection);
    runner.start();
    await runner.caughtUp();
    await runner.stop();
  }
  return db;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}${result.stdout}`);
  return `${result.stdout}${result.stderr}`;
}

/**
 * The README's backup and restore, as an operator runs them: pg_dump while events are being
 * written, pg_restore into a new database. The copy is a prefix of the log (the append lock makes
 * every snapshot one), its chains verify (`cli verify`), it takes new appends after its last
 * position, and read models built from it equal those built from the log as it stood then.
 */
describeIfServer('backing up PostgreSQL while writing, and restoring to a new database', () => {
  let schema: TestSchema;
  const dir = mkdtempSync(join(tmpdir(), 'branchflow-pg-backup-'));
  const restoredDb = `bf_restore_${randomBytes(5).toString('hex')}`;
  const restoredUrl = POSTGRES_TEST_URL.replace(/\/[^/?]+(\?|$)/, `/${restoredDb}$1`);

  beforeAll(async () => {
    schema = await createTestSchema('bf_backup');
  });
  afterAll(async () => {
    await schema.drop();
    spawnSync('dropdb', ['--if-exists', '--force', `--maintenance-db=${POSTGRES_TEST_URL}`, restoredDb]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('pg_dump under writes, pg_restore elsewhere: a verified prefix of the log, open for appends, with the same read models', async () => {
    const store = await PostgresEventStore.connect({ connectionString: POSTGRES_TEST_URL, schema: schema.schema });
    const file = join(dir, 'branchflow.dump');
    let writing = true;
    let written = 0;
    const writer = (async () => {
      await appendAll(store, [['committee-c0', ev.committeeEstablished('c0', '孝义市离退休干部党委', '2020-01-01')]]);
      while (writing) {
        written += 1;
        await appendAll(store, [
          [`branch-b${written}`, ev.branchEstablished(`b${written}`, `第${written}支部`, 'c0', '2020-02-01')],
          [`member-m${written}`, ev.memberAdmitted(`m${written}`, `党员${written}`, `b${written}`, '2020-03-01')],
        ]);
      }
    })();
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      run('pg_dump', ['--format=custom', `--schema=${schema.schema}`, `--file=${file}`, POSTGRES_TEST_URL]);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      writing = false;
      await writer;
    }
    run('createdb', [`--maintenance-db=${POSTGRES_TEST_URL}`, restoredDb]);
    run('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, file]);

    const restored = await PostgresEventStore.connect({ connectionString: restoredUrl, schema: schema.schema });
    const dir2 = join(dir, 'read-models');
    try {
      const source = await store.readAll();
      const copy = await restored.readAll();
      const head = (await restored.headPosition()) as number;
      // Taken while writing: some of the log, and exactly the log up to its last event.
      expect(copy.length).toBeGreaterThan(1);
      expect(copy.length).toBeLessThan(source.length);
      expect(copy).toEqual(source.filter((event) => event.position <= head));

      // The operator's check: every chain of the copy verifies.
      const verified = run('node', ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'verify'], {
        DATABASE_URL: restoredUrl,
        BRANCHFLOW_DATABASE_SCHEMA: schema.schema,
        BRANCHFLOW_DATA_DIR: dir2,
        LOG_LEVEL: 'silent',
      });
      expect(verified).toContain(`checked ${copy.length} events in`);

      // Positions go on after the copy's last one: none is handed out twice.
      const next = await restored.append(
        'branch-after-restore',
        [ev.branchEstablished('after', '恢复后支部', 'c0', '2021-01-01')],
        {
          expectedRevision: 'noStream',
        },
      );
      expect(next.position).toBeGreaterThan(head);

      const fromSource = await rebuild(upTo(store, head), join(dir, 'from-source.sqlite'));
      const fromCopy = await rebuild(upTo(restored, head), join(dir, 'from-copy.sqlite'));
      try {
        expect(dump(fromCopy)).toEqual(dump(fromSource));
        expect(Object.values(dump(fromCopy)).some((rows) => rows.length > 0)).toBe(true);
      } finally {
        fromSource.close();
        fromCopy.close();
      }
      console.log(`PostgreSQL backup under writes: ${copy.length} of ${source.length} events in the copy`);
    } finally {
      await restored.close();
      await store.close();
    }
  }, 180_000);
});
