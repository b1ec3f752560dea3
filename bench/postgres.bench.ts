/**
 * The PostgreSQL adapter against raw `pg` doing the same work, in the same run, on the same
 * server: single appends with 1 and 8 concurrent writers, 100-event appends, readAll, and the
 * rebuild of each read model from the PostgreSQL log. Each case alternates baseline and adapter
 * rounds in schemas of their own and reports the medians (this 2-core machine is shared and
 * noisy). Writes bench/results/postgres.json.
 *
 *   npm run bench:postgres     (BRANCHFLOW_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, escapeIdentifier } from 'pg';
import { PROJECTIONS } from '../libs/application/src/read-models/read-models.module';
import { appendLockKey } from '../libs/event-store/src/adapters/postgres/postgres-append-lock';
import { PostgresEventStore } from '../libs/event-store/src/adapters/postgres/postgres-event-store';
import { migrations } from '../libs/event-store/src/adapters/postgres/postgres-schema';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { SqliteDatabase } from '../libs/event-store/src/adapters/sqlite/sqlite-driver';
import { GENESIS_HASH } from '../libs/event-store/src/chain/hash-chain';
import type { NewEvent } from '../libs/event-store/src/port/envelope';
import { openReadModelDatabase } from '../libs/read-models/src/database/read-model-database';
import { ProjectionRebuild } from '../libs/read-models/src/projection/projection-rebuild';
import { REBUILD_BATCH_SIZE } from '../libs/read-models/src/projection/projection-runner';
import { ensureHistory, PROVINCE } from './generate-history';

const URL = process.env.BRANCHFLOW_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TMP = join(__dirname, 'tmp', `postgres-${process.pid}`);
const RESULT_FILE = join(__dirname, 'results', 'postgres.json');
const STREAMS = 100;
const SINGLE = 400;
const BATCH_EVENTS = 20_000;
const PAGE = 1000;
const ROUNDS = 3;
/** A history small enough to load and rebuild in a minute on a loaded machine. */
const HISTORY = { ...PROVINCE, branches: 100, members: 5000, years: 5 };

interface Metric {
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  readonly ratio: number;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

function makeEvent(index: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'BallotRecorded',
    schemaVersion: 1,
    data: {
      ballotId: randomUUID(),
      branchId: `branch-${index % STREAMS}`,
      branchName: '永安社区离退休干部第一党支部',
      candidateIds: [randomUUID(), randomUUID()],
      round: 1 + (index % 3),
      note: 'Recorded at polling station 3 by the scrutineer on duty.',
    },
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { id: randomUUID(), name: '李全爱', role: 'scrutineer' },
      occurredAt: '2023-03-01T09:15:00.000Z',
      policyVersion: 'election-rules/2023.1',
    },
  };
}

interface AppendCall {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: number | 'noStream';
}

/** `writers` lists of appends, each writer on streams of its own (no conflicts, as R1 measures them elsewhere). */
function plan(total: number, perCall: number, writers: number): AppendCall[][] {
  const lists: AppendCall[][] = Array.from({ length: writers }, () => []);
  const heads = new Map<string, number>();
  for (let start = 0, call = 0; start < total; start += perCall, call += 1) {
    const writer = call % writers;
    const stream = `election-${writer}-${Math.floor(call / writers) % Math.ceil(STREAMS / writers)}`;
    const head = heads.get(stream);
    const events = Array.from({ length: Math.min(perCall, total - start) }, (_, i) => makeEvent(start + i));
    lists[writer]?.push({ stream, events, expected: head ?? 'noStream' });
    heads.set(stream, (head ?? -1) + events.length);
  }
  return lists;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const newSchema = () => `bf_bench_${randomBytes(5).toString('hex')}`;
const dropSchema = (schema: string) =>
  admin((client) => client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`));

// ---------- raw pg baseline ----------

/**
 * The same work as the adapter, written plainly: per call one transaction on a pooled
 * connection that takes the same append lock (without it positions would not follow commit
 * order), reads the stream head and looks the ids up, hashes each event over prevHash and its
 * JSON, and inserts the rows in one statement.
 */
async function rawAppend(schema: string, lists: readonly AppendCall[][], locked = true): Promise<void> {
  const events = `${escapeIdentifier(schema)}.events`;
  const [lockClass, lockKey] = appendLockKey(schema);
  await Promise.all(
    lists.map(async (calls) => {
      const client = new Client({ connectionString: URL });
      await client.connect();
      try {
        for (const call of calls) {
          await client.query(locked ? `BEGIN; SELECT pg_advisory_xact_lock(${lockClass}, ${lockKey})` : 'BEGIN');
          const head = await client.query<{ revision: string; hash: string }>(
            `SELECT revision, metadata->>'hash' AS hash FROM ${events} WHERE stream = $1 ORDER BY revision DESC LIMIT 1`,
            [call.stream],
          );
          const found = await client.query(`SELECT id FROM ${events} WHERE id = ANY($1::text[])`, [
            call.events.map((e) => e.id),
          ]);
          const last = head.rows[0];
          if (found.rowCount || (last ? Number(last.revision) : 'noStream') !== call.expected) {
            throw new Error('unexpected conflict');
          }
          const recordedAt = new Date().toISOString();
          let prevHash = last?.hash ?? GENESIS_HASH;
          let revision = last ? Number(last.revision) : -1;
          const columns: unknown[][] = [[], [], [], [], [], [], []];
          for (const event of call.events) {
            revision += 1;
            const metadata = { ...event.metadata, recordedAt, prevHash };
            const content = {
              id: event.id,
              stream: call.stream,
              revision,
              type: event.type,
              data: event.data,
              metadata,
            };
            const hash = createHash('sha256')
              .update(prevHash)
              .update('\n')
              .update(JSON.stringify(content))
              .digest('hex');
            const row = [event.id, call.stream, revision, event.type, 1, JSON.stringify(event.data)];
            row.push(JSON.stringify({ ...metadata, hash }));
            row.forEach((value, i) => columns[i]?.push(value));
            prevHash = hash;
          }
          await client.query(
            `INSERT INTO ${events} (id, stream, revision, type, schema_version, data, metadata)
             SELECT id, stream, revision, type, v, data::json, metadata::json
               FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::int[], $6::text[], $7::text[])
                 AS u(id, stream, revision, type, v, data, metadata)`,
            columns,
          );
          await client.query('COMMIT');
        }
      } finally {
        await client.end();
      }
    }),
  );
}

async function rawReadAll(schema: string): Promise<number> {
  return admin(async (client) => {
    let count = 0;
    let after = 0;
    for (;;) {
      const { rows } = await client.query<{ position: string }>(
        `SELECT position, id, stream, revision, type, schema_version, data, metadata
           FROM ${escapeIdentifier(schema)}.events WHERE position > $1 ORDER BY position LIMIT $2`,
        [after, PAGE],
      );
      count += rows.length;
      const last = rows[rows.length - 1];
      if (!last || rows.length < PAGE) return count;
      after = Number(last.position);
    }
  });
}

/**
 * What any projection must at least do (as bench/projections.bench.ts's baseline): page through
 * the log, with JSON decoded, and insert one comparable row per event into a fresh SQLite file.
 */
async function rawRebuild(schema: string, total: number): Promise<number> {
  const file = join(TMP, `baseline-${Date.now()}.sqlite`);
  const target = new SqliteDatabase(file);
  target.pragma('journal_mode = WAL');
  target.pragma('synchronous = NORMAL');
  target.exec(
    `CREATE TABLE rows (position INTEGER PRIMARY KEY, stream TEXT, type TEXT, subject TEXT, business_date TEXT, actor TEXT)`,
  );
  const insert = target.prepare('INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?)');
  type Row = {
    position: string;
    stream: string;
    type: string;
    data: Record<string, unknown>;
    metadata: { occurredAt: string; actor: { id: string } };
  };
  const insertPage = target.transaction((rows: Row[]) => {
    for (const row of rows) {
      const subject = (row.data.memberId ?? row.data.branchId ?? row.data.committeeId ?? null) as string | null;
      insert.run(
        Number(row.position),
        row.stream,
        row.type,
        subject,
        row.metadata.occurredAt.slice(0, 10),
        row.metadata.actor.id,
      );
    }
  });
  const started = process.hrtime.bigint();
  const count = await admin(async (client) => {
    let after = 0;
    let n = 0;
    for (;;) {
      const { rows } = await client.query<Row>(
        `SELECT position, stream, type, data, metadata FROM ${escapeIdentifier(schema)}.events
          WHERE position > $1 ORDER BY position LIMIT $2`,
        [after, PAGE],
      );
      if (rows.length === 0) return n;
      insertPage(rows);
      n += rows.length;
      after = Number((rows[rows.length - 1] as Row).position);
    }
  });
  const elapsed = seconds(started);
  target.close();
  if (count !== total) throw new Error(`baseline read ${count} of ${total}`);
  return elapsed;
}

// ---------- adapter ----------

async function adapterAppend(store: PostgresEventStore, lists: readonly AppendCall[][]): Promise<void> {
  await Promise.all(
    lists.map(async (calls) => {
      for (const call of calls) await store.append(call.stream, call.events, { expectedRevision: call.expected });
    }),
  );
}

async function adapterReadAll(store: PostgresEventStore): Promise<number> {
  let count = 0;
  let after: number | undefined;
  for (;;) {
    const events = await store.readAll({ fromPosition: after, maxCount: PAGE });
    count += events.length;
    const last = events[events.length - 1];
    if (!last || events.length < PAGE) return count;
    after = last.position;
  }
}

async function createTable(schema: string): Promise<void> {
  await admin(async (client) => {
    await client.query(`CREATE SCHEMA ${escapeIdentifier(schema)}`);
    for (const step of migrations(schema)) await client.query(step);
  });
}

/** Alternates baseline and adapter rounds on fresh schemas; medians of events/s. */
async function compareAppends(label: string, perCall: number, total: number, writers: number): Promise<Metric> {
  const values: number[] = [];
  const baselines: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const side of r % 2 === 0 ? ['baseline', 'adapter'] : ['adapter', 'baseline']) {
      const schema = newSchema();
      const lists = plan(total, perCall, writers);
      try {
        if (side === 'baseline') {
          await createTable(schema);
          const started = process.hrtime.bigint();
          await rawAppend(schema, lists);
          baselines.push(total / seconds(started));
        } else {
          const store = await PostgresEventStore.connect({
            connectionString: URL,
            schema,
            poolSize: Math.max(writers, 2),
          });
          const started = process.hrtime.bigint();
          await adapterAppend(store, lists);
          values.push(total / seconds(started));
          await store.close();
        }
      } finally {
        await dropSchema(schema);
      }
    }
  }
  const metric = {
    value: Math.round(median(values)),
    unit: 'events/s',
    baseline: Math.round(median(baselines)),
    ratio: 0,
  };
  const result = { ...metric, ratio: round(metric.value / metric.baseline) };
  process.stdout.write(`${label.padEnd(32)} ${result.value} events/s, raw pg ${result.baseline} (${result.ratio})\n`);
  return result;
}

async function main(): Promise<void> {
  try {
    await admin((client) => client.query('SELECT 1'));
  } catch (error) {
    // `npm run bench` goes on with the other benchmarks on a machine without the server.
    console.warn(`PostgreSQL bench SKIPPED: ${URL.replace(/\/\/[^@/]*@/, '//')} does not answer (${String(error)})`);
    return;
  }
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const metrics: Record<string, Metric | number> = {};
  metrics.append_single_1_writer = await compareAppends('append_single_1_writer', 1, SINGLE, 1);
  metrics.append_single_8_writers = await compareAppends('append_single_8_writers', 1, SINGLE * 2, 8);
  metrics.append_batch_100 = await compareAppends('append_batch_100', 100, BATCH_EVENTS, 1);

  // What the append lock costs: raw pg with 8 writers and no lock (positions then do not follow commits).
  {
    const schema = newSchema();
    await createTable(schema);
    const started = process.hrtime.bigint();
    await rawAppend(schema, plan(SINGLE * 2, 1, 8), false);
    metrics.append_single_8_writers_raw_without_lock = Math.round((SINGLE * 2) / seconds(started));
    await dropSchema(schema);
    process.stdout.write(
      `raw pg, 8 writers, no append lock  ${String(metrics.append_single_8_writers_raw_without_lock)} events/s\n`,
    );
  }

  // A generated organisation history, copied into PostgreSQL, for readAll and the rebuilds.
  const history = await ensureHistory(HISTORY);
  const schema = newSchema();
  const store = await PostgresEventStore.connect({ connectionString: URL, schema, timeoutMs: 4500 });
  try {
    const source = SqliteEventStore.open({ file: history.file });
    for (let after = 0; ;) {
      const page = await source.readAll({ fromPosition: after, maxCount: 5000 });
      if (page.length === 0) break;
      // Copied as rows, keeping the recorded metadata (and so the hash chain) as it is.
      await admin((client) =>
        client.query(
          `INSERT INTO ${escapeIdentifier(schema)}.events (id, stream, revision, type, schema_version, data, metadata)
           SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::int[], $6::json[], $7::json[])`,
          [
            page.map((e) => e.id),
            page.map((e) => e.stream),
            page.map((e) => e.revision),
            page.map((e) => e.type),
            page.map((e) => e.schemaVersion),
            page.map((e) => JSON.stringify(e.data)),
            page.map((e) => JSON.stringify(e.metadata)),
          ],
        ),
      );
      after = (page[page.length - 1] as { position: number }).position;
    }
    await source.close();
    const total = history.events;

    const reads: number[] = [];
    const rawReads: number[] = [];
    for (let r = 0; r < ROUNDS; r += 1) {
      let started = process.hrtime.bigint();
      if ((await rawReadAll(schema)) !== total) throw new Error('raw readAll count');
      rawReads.push(total / seconds(started));
      started = process.hrtime.bigint();
      if ((await adapterReadAll(store)) !== total) throw new Error('adapter readAll count');
      reads.push(total / seconds(started));
    }
    metrics.read_all = {
      value: Math.round(median(reads)),
      unit: 'events/s',
      baseline: Math.round(median(rawReads)),
      ratio: round(median(reads) / median(rawReads)),
    };
    process.stdout.write(`read_all                         ${JSON.stringify(metrics.read_all)}\n`);

    const baselineRate = total / Math.min(await rawRebuild(schema, total), await rawRebuild(schema, total));
    for (const projection of PROJECTIONS) {
      const db = openReadModelDatabase(join(TMP, `${projection.name}.sqlite`));
      const started = process.hrtime.bigint();
      await new ProjectionRebuild(store, db, [projection], { batchSize: REBUILD_BATCH_SIZE }).run();
      const rate = total / seconds(started);
      db.close();
      metrics[`rebuild_${projection.name.replace(/-/g, '_')}`] = {
        value: Math.round(rate),
        unit: 'events/s',
        baseline: Math.round(baselineRate),
        ratio: round(rate / baselineRate),
      };
      process.stdout.write(
        `rebuild ${projection.name.padEnd(24)} ${Math.round(rate)} events/s, raw ${Math.round(baselineRate)}\n`,
      );
    }
    metrics.history_events = total;
  } finally {
    await store.close();
    await dropSchema(schema);
    rmSync(TMP, { recursive: true, force: true });
  }

  const server = await admin(
    async (client) => (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v,
  );
  writeFileSync(
    RESULT_FILE,
    `${JSON.stringify(
      {
        recordedAt: new Date().toISOString(),
        server: `PostgreSQL ${server}`,
        node: process.version,
        notes:
          'Medians of alternating rounds on fresh schemas; the machine is a shared 2-core VM, figures move with the load of other processes. ' +
          `append_*: ${SINGLE} single appends (x2 with 8 writers, each on streams of its own), ${BATCH_EVENTS} events in 100-event appends; ` +
          'the baseline is raw pg doing the same work per append (one transaction with the same append lock, head and id look-ups, a SHA-256 chain hash per event, one INSERT of the rows). ' +
          'append_single_8_writers_raw_without_lock is raw pg with 8 writers and no append lock: what the commit-order guarantee costs. ' +
          `read_all pages of ${PAGE}; rebuild_<name>: ProjectionRebuild from the PostgreSQL log into a fresh SQLite read-model file, against raw pg paging the log into one SQLite row per event (bench/projections.bench.ts's baseline), over a generated history of ${HISTORY.branches} branches, ${HISTORY.members} members, ${HISTORY.years} years.`,
        metrics,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`wrote ${RESULT_FILE}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
