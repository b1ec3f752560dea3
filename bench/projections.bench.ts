/**
 * Rebuild throughput of every read model in PROJECTIONS against a raw better-sqlite3 baseline
 * doing the same reading, decoding and batched inserting, and the latency of the as-of tree,
 * in one run over one deterministic province-scale history. Writes bench/results/projections.json.
 *
 *   node -r @swc-node/register bench/projections.bench.ts [branches] [members] [years]
 *
 * Without arguments: 3,000 branches, 150,000 members, 20 years (~1.8M events; the generated
 * event file is cached in bench/tmp, keyed by the parameters).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SqliteDatabase } from '../libs/event-store/src/adapters/sqlite/sqlite-driver';
import { PROJECTIONS } from '../libs/application/src/read-models/read-models.module';
import { SqliteEventStore } from '../libs/event-store/src/adapters/sqlite/sqlite-event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '../libs/read-models/src/database/read-model-database';
import type { SqlProjection } from '../libs/read-models/src/projection/projection';
import { ProjectionRebuild } from '../libs/read-models/src/projection/projection-rebuild';
import { REBUILD_BATCH_SIZE } from '../libs/read-models/src/projection/projection-runner';
import {
  OrganisationHistoryQueries,
  type OrganisationTree,
} from '../libs/read-models/src/organisation-history/organisation-history.queries';
import { organisationHistoryProjection } from '../libs/read-models/src/organisation-history/organisation-history.projection';
import { ensureHistory, PROVINCE, type HistoryParameters } from './generate-history';

const TMP = join(__dirname, 'tmp', `projections-${process.pid}`);
const PAGE = 1000;
const LATENCY_SAMPLES = 200;

interface Metric {
  readonly value: number;
  readonly unit: string;
  readonly baseline: number | null;
  readonly ratio: number | null;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

function progress(label: string, total: number): (done: number) => void {
  const started = Date.now();
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (!process.stderr.isTTY && now - last < 5000 && done < total) return;
    last = now;
    const rate = done / Math.max((now - started) / 1000, 0.001);
    const eta = rate > 0 ? (total - done) / rate : 0;
    const line = `${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} events, ${Math.round(rate).toLocaleString('en')} events/s, ETA ${Math.round(eta)} s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K${done >= total ? '\n' : ''}` : `${line}\n`);
  };
}

/** Projections built from nothing into a fresh read-model file, in one pass, exactly as `rebuild` does it. */
async function rebuild(
  store: SqliteEventStore,
  projections: readonly SqlProjection[],
  label: string,
  total: number,
): Promise<{ seconds: number; db: ReadModelDatabase }> {
  const file = join(TMP, `${label}.sqlite`);
  const db = openReadModelDatabase(file);
  let applied = 0;
  const report = progress(`rebuild ${label}`, total);
  const started = process.hrtime.bigint();
  await new ProjectionRebuild(store, db, projections, {
    batchSize: REBUILD_BATCH_SIZE,
    onCommitted: (_position, count) => report((applied += count)),
  }).run();
  const elapsed = seconds(started);
  if (applied !== total) throw new Error(`${label}: applied ${applied} of ${total} events`);
  return { seconds: elapsed, db };
}

interface RawRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

/**
 * The baseline: what any projection must at least do. Pages of the events table by position,
 * JSON.parse of data and metadata, and one comparable row per event and read model (the event's
 * subject, its business date and position) inserted with a prepared statement in 1,000-row
 * transactions, into a fresh file with the read models' pragmas. `readModels` tables are filled
 * from the one pass, as a one-pass rebuild of that many read models would.
 */
function rawRebuild(eventsFile: string, total: number, readModels = 1): number {
  const source = new SqliteDatabase(eventsFile, { readonly: true });
  const file = join(TMP, `baseline-${Date.now()}.sqlite`);
  const target = new SqliteDatabase(file);
  target.pragma('journal_mode = WAL');
  target.pragma('synchronous = NORMAL');
  const inserts = Array.from({ length: readModels }, (_, n) => {
    target.exec(`CREATE TABLE rows_${n} (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, type TEXT NOT NULL,
      subject TEXT, business_date TEXT NOT NULL, actor TEXT NOT NULL)`);
    return target.prepare(
      `INSERT INTO rows_${n} (position, stream, type, subject, business_date, actor) VALUES (?, ?, ?, ?, ?, ?)`,
    );
  });
  const select = source.prepare<[number, number], RawRow>(
    'SELECT position, id, stream, revision, type, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  const insertPage = target.transaction((rows: RawRow[]) => {
    for (const row of rows) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const metadata = JSON.parse(row.metadata) as { occurredAt: string; actor: { id: string } };
      const subject = (data.memberId ?? data.branchId ?? data.committeeId ?? data.restructuringId ?? null) as
        string | null;
      for (const insert of inserts) {
        insert.run(row.position, row.stream, row.type, subject, metadata.occurredAt.slice(0, 10), metadata.actor.id);
      }
    }
  });
  const started = process.hrtime.bigint();
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = select.all(after, PAGE);
    if (rows.length === 0) break;
    insertPage(rows);
    count += rows.length;
    after = (rows[rows.length - 1] as RawRow).position;
  }
  const elapsed = seconds(started);
  source.close();
  target.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  if (count !== total) throw new Error(`baseline read ${count} of ${total} events`);
  return elapsed;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

function randomDates(first: string, last: string, count: number): string[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const from = Date.parse(`${first}T00:00:00Z`);
  const span = Date.parse(`${last}T00:00:00Z`) - from;
  return Array.from({ length: count }, () => new Date(from + Math.floor(random() * span)).toISOString().slice(0, 10));
}

const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const [branches, members, years] = process.argv.slice(2).map(Number);
  const parameters: HistoryParameters = {
    ...PROVINCE,
    ...(branches ? { branches } : {}),
    ...(members ? { members } : {}),
    ...(years ? { years } : {}),
  };
  const history = await ensureHistory(parameters);
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const store = SqliteEventStore.open({ file: history.file, synchronous: 'NORMAL' });
  const metrics: Record<string, Metric> = {};
  const total = history.events;
  try {
    // The raw baselines run before and after the projections; the faster run counts.
    const baselineSeconds = [rawRebuild(history.file, total)];
    const results: { projection: SqlProjection; seconds: number }[] = [];
    let historyDb: ReadModelDatabase | null = null;
    for (const projection of PROJECTIONS) {
      const { seconds: elapsed, db } = await rebuild(store, [projection], projection.name, total);
      results.push({ projection, seconds: elapsed });
      if (projection.name === organisationHistoryProjection.name) historyDb = db;
      else db.close();
    }
    const allBaselineSeconds = [rawRebuild(history.file, total, PROJECTIONS.length)];
    const together = await rebuild(store, PROJECTIONS, 'all', total);
    together.db.close();
    allBaselineSeconds.push(rawRebuild(history.file, total, PROJECTIONS.length));
    baselineSeconds.push(rawRebuild(history.file, total));
    const baseline = Math.min(...baselineSeconds);
    const baselineRate = total / baseline;

    for (const { projection, seconds: elapsed } of results) {
      const rate = total / elapsed;
      metrics[`rebuild_${projection.name.replace(/-/g, '_')}`] = {
        value: Math.round(rate),
        unit: 'events/s',
        baseline: Math.round(baselineRate),
        ratio: round(rate / baselineRate, 2),
      };
      process.stdout.write(
        `rebuild ${projection.name.padEnd(22)} ${Math.round(rate).toString().padStart(8)} events/s (${elapsed.toFixed(1)} s)\n`,
      );
    }
    const allRate = total / together.seconds;
    const allBaseline = total / Math.min(...allBaselineSeconds);
    const oneAfterAnother = total / results.reduce((sum, r) => sum + r.seconds, 0);
    metrics.rebuild_all = {
      value: Math.round(allRate),
      unit: 'events/s',
      baseline: Math.round(allBaseline),
      ratio: round(allRate / allBaseline, 2),
    };
    metrics.rebuild_all_one_after_another = {
      value: Math.round(oneAfterAnother),
      unit: 'events/s',
      baseline: Math.round(allBaseline),
      ratio: round(oneAfterAnother / allBaseline, 2),
    };
    process.stdout.write(
      `rebuild all (${results.length} read models, one pass) ${Math.round(allRate)} events/s in ${together.seconds.toFixed(1)} s; one after another ${Math.round(oneAfterAnother)} events/s; baseline ${Math.round(allBaseline)} events/s (${results.length} rows per event), ${Math.round(baselineRate)} events/s (one row per event)\n`,
    );

    if (historyDb) {
      // Steady state: a long-lived read-model file has its WAL checkpointed; right after a bulk
      // rebuild every read would first search a WAL of several hundred MB.
      historyDb.pragma('wal_checkpoint(TRUNCATE)');
      const queries = new OrganisationHistoryQueries(historyDb);
      const dates = randomDates(history.firstDate, history.lastDate, LATENCY_SAMPLES);
      const measure = (ask: (date: string) => OrganisationTree) => {
        const latencies: number[] = [];
        let branchesSeen = 0;
        for (const date of dates) {
          const started = process.hrtime.bigint();
          const tree = ask(date);
          latencies.push(seconds(started) * 1000);
          branchesSeen = Math.max(branchesSeen, tree.totals.branches);
        }
        latencies.sort((a, b) => a - b);
        return { p50: round(percentile(latencies, 50), 2), p95: round(percentile(latencies, 95), 2), branchesSeen };
      };
      // Cold: a new queries object (nothing remembered) for every date.
      const cold = measure((date) => new OrganisationHistoryQueries(historyDb).tree(date));
      for (const date of dates.slice(0, 10)) queries.tree(date);
      const warm = measure((date) => queries.tree(date));
      const ms = (value: number): Metric => ({ value, unit: 'ms', baseline: null, ratio: null });
      metrics.as_of_tree_p50 = ms(warm.p50);
      metrics.as_of_tree_p95 = ms(warm.p95);
      metrics.as_of_tree_cold_p50 = ms(cold.p50);
      metrics.as_of_tree_cold_p95 = ms(cold.p95);
      process.stdout.write(
        `as-of tree over ${LATENCY_SAMPLES} dates: p50 ${warm.p50} ms, p95 ${warm.p95} ms; cold p50 ${cold.p50} ms, p95 ${cold.p95} ms (up to ${warm.branchesSeen} open branches)\n`,
      );
      historyDb.close();
    }

    const notes = [
      `History: ${total.toLocaleString('en')} events from the deterministic generator (bench/generate-history.ts: ${parameters.branches} branches, ${parameters.members} members, ${parameters.years} years from ${parameters.firstYear}, ${parameters.transferRate * 100}% of members transferred a year, ${parameters.turnoverRate * 100}% turnover, elections every term, ${parameters.mergesPerYear} merges a year, shape assessments and data corrections; seed ${parameters.seed}), stored in business-date order through SqliteEventStore (consecutive events of a stream in one append, appends grouped in outer transactions), cached in bench/tmp${history.generatedSeconds === null ? '' : `; generated in ${history.generatedSeconds.toFixed(0)} s in this run`}.`,
      `rebuild_<name>: ProjectionRebuild (what \`rebuild <name>\` runs: a new generation filled over subscribeToAll on the SQLite store, ${REBUILD_BATCH_SIZE.toLocaleString('en')} events per transaction, query indexes built and the views switched once caught up) into a fresh read-model file (WAL, synchronous=NORMAL, 256 MB page cache); events/s = every event in the log / wall time from start to live, whether or not the projection uses it.`,
      `rebuild_all: ProjectionRebuild of every projection in PROJECTIONS (${results.map((r) => r.projection.name).join(', ')}) in one pass (what \`rebuild all\` runs); its baseline is the raw loop inserting one row per event into each of ${results.length} tables. rebuild_all_one_after_another: the rebuild_<name> times added up, against the same baseline.`,
      'Baseline: plain better-sqlite3 reading the events table in pages of 1,000 by position, JSON.parse of data and metadata, one comparable row per event (position, stream, type, subject id, business date, actor) inserted with a prepared statement in one transaction per page, into a fresh WAL file with synchronous=NORMAL; run before and after the projections, the faster counts.',
      `as_of_tree_p50/p95: OrganisationHistoryQueries.tree(date) (the SQL and the assembly of the JSON-ready tree with shape flags, without HTTP) on the rebuilt organisation-history read model (WAL checkpointed first) for ${LATENCY_SAMPLES} dates drawn uniformly between the first and last event dates, on one long-lived queries object (as the API keeps one) after 10 warm-up calls: the parsed posts of branch versions already seen come from its memory. as_of_tree_cold_p50/p95: the same dates, each asked of a new queries object (nothing remembered), before the warm run.`,
    ].join(' ');
    const result = { bench: 'projections', at: new Date().toISOString(), node: process.version, metrics, notes };
    // Only the province-scale run is a result; smaller runs (quick checks) stay in bench/tmp.
    const full = JSON.stringify(parameters) === JSON.stringify(PROVINCE);
    const resultFile = full
      ? join(__dirname, 'results', 'projections.json')
      : join(__dirname, 'tmp', 'projections.small.json');
    mkdirSync(dirname(resultFile), { recursive: true });
    writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`wrote ${resultFile}\n`);
  } finally {
    await store.close();
    rmSync(TMP, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
