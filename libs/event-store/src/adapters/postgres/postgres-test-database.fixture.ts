import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';

/**
 * The server the PostgreSQL suites run against: BRANCHFLOW_TEST_DATABASE_URL, or the one every
 * machine of the project runs (127.0.0.1:5432, trust authentication, database `test`).
 */
export const POSTGRES_TEST_URL = process.env.BRANCHFLOW_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let cachedReason: string | null | undefined;

/**
 * Jest registers tests before any hook runs, so whether the server answers is decided at load
 * time, in a child process (the answer is needed synchronously). Null when it answers.
 */
export function postgresUnavailableReason(): string | null {
  if (cachedReason !== undefined) return cachedReason;
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const c = new (require('pg').Client)({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
       c.connect().then(() => c.query('SELECT 1')).then(() => c.end()).then(() => process.exit(0), (e) => { console.error(e.message || e.code || String(e)); process.exit(1); });`,
      POSTGRES_TEST_URL,
    ],
    { encoding: 'utf8', timeout: 10_000 },
  );
  cachedReason =
    probe.status === 0
      ? null
      : `PostgreSQL at ${POSTGRES_TEST_URL.replace(/\/\/[^@/]*@/, '//')} does not answer (${
          probe.stderr.trim() || 'probe timed out'
        }); set BRANCHFLOW_TEST_DATABASE_URL or start it with pg_ctlcluster`;
  return cachedReason;
}

/**
 * `describe` when the server answers. Otherwise the block is replaced by one skipped test that
 * names the reason in the test report, and the reason is printed the way the EventStoreDB
 * contract prints its own.
 */
export function describeIfPostgres(what: string): (title: string, body: () => void) => void {
  const reason = postgresUnavailableReason();
  if (reason === null) return (title, body) => describe(title, body);
  console.warn(`${what} SKIPPED: ${reason}`);
  return (title) => describe(title, () => it.skip(`needs PostgreSQL (${reason})`, () => undefined));
}

/** A schema of its own for one test file or test, so parallel jest workers never meet. */
export interface TestSchema {
  readonly schema: string;
  drop(): Promise<void>;
}

export function createTestSchema(prefix = 'bf_test'): Promise<TestSchema> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  return Promise.resolve({
    schema,
    drop: async () => {
      const client = new Client({ connectionString: POSTGRES_TEST_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  });
}

/** Ends the server sessions whose application_name is LIKE `pattern`; answers how many. */
export async function terminateSessions(pattern: string): Promise<number> {
  const admin = new Client({ connectionString: POSTGRES_TEST_URL });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE $1 AND pid <> pg_backend_pid()',
      [pattern],
    );
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}
