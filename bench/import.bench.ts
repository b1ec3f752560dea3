/**
 * Importing the bureau's workbook at province scale: a roll of 150,000 members in 3,000 branches
 * (every member their own hash-chained stream), written as an .xlsx, dry-run and applied through
 * the real API (POST /imports over HTTP, SQLite store, read models kept by in-process workers).
 * Measured in the same run against two baselines: the HTTP path one command at a time
 * (POST /members, one member after another) and raw batched appends of the same events to a
 * fresh SQLite store (appendMany, 2,000 streams per transaction). Writes bench/results/import.json.
 *
 *   node -r @swc-node/register bench/import.bench.ts [members] [branches]
 *
 * Without arguments: 150,000 members, 3,000 branches. Target (issue 15): at most 2 minutes for
 * the province, at least 1,250 members/s.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadConfig, mintToken, uuidV5, writeWorkbook, type WrittenCell } from '@app/application';
import { SqliteEventStore, type NewEvent, type StreamAppend } from '@app/event-store';
import { createApp } from '../apps/api/src/create-app';

const ROOT = join(__dirname, '..');
const TMP = join(__dirname, 'tmp', `import-${process.pid}`);
const MEMBERS = Number(process.argv[2] ?? 150_000);
const BRANCHES = Number(process.argv[3] ?? 3_000);
const COMMITTEES = Math.max(1, Math.round(BRANCHES / 100));
const HTTP_COMMANDS = Math.min(1_000, MEMBERS);
const TARGET_SECONDS = 120;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '建国秀英德明淑兰志刚国华桂芳振华美玲丽娟立新玉珍文斌海燕';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const day = (year: number, month: number, date: number) => `${year}-${pad(month, 2)}-${pad(date, 2)}`;

function provinceRoll(): Promise<Buffer> {
  const committees: WrittenCell[][] = [['党组织名称', '类别', '上级党组织', '成立日期']];
  for (let c = 0; c < COMMITTEES; c += 1) committees.push([`第${c + 1}离退休干部党委`, '党委', '', '2019-01-10']);
  const branches: WrittenCell[][] = [['支部名称', '所属党组织', '单独/联合', '共管社区', '成立日期']];
  for (let b = 0; b < BRANCHES; b += 1) {
    branches.push([
      `第${b + 1}社区离退休干部党支部`,
      `第${(b % COMMITTEES) + 1}离退休干部党委`,
      '单独',
      `第${b + 1}社区党委`,
      '2019-03-01',
    ]);
  }
  const members: WrittenCell[][] = [
    ['党员编号', '姓名', '性别', '出生日期', '入党日期', '正式/预备', '原职级', '支部'],
  ];
  for (let m = 0; m < MEMBERS; m += 1) {
    const name = `${SURNAMES[m % SURNAMES.length]}${GIVEN.slice((m * 2) % GIVEN.length, ((m * 2) % GIVEN.length) + 2)}`;
    const born = 1935 + (m % 30);
    members.push([
      `P${pad(m, 7)}`,
      name,
      m % 3 === 0 ? '女' : '男',
      day(born, (m % 12) + 1, (m % 28) + 1),
      day(born + 22 + (m % 10), ((m + 5) % 12) + 1, ((m + 3) % 28) + 1),
      m % 50 === 0 ? '预备' : '正式',
      ['科员', '副科级', '正科级', '副处级', '正处级'][m % 5] as string,
      `第${(m % BRANCHES) + 1}社区离退休干部党支部`,
    ]);
  }
  const posts: WrittenCell[][] = [['支部', '任期开始', '党员编号', '姓名', '职务', '任职方式']];
  for (let b = 0; b < Math.min(BRANCHES, MEMBERS); b += 1) {
    const row = members[b + 1] as WrittenCell[];
    if (row[5] === '正式')
      posts.push([row[7] as string, '2022-06-02', row[0] as string, row[1] as string, '书记', '选举']);
  }
  return writeWorkbook([
    { name: '党委', rows: committees },
    { name: '支部', rows: branches },
    { name: '党员', rows: members },
    { name: '委员会任职', rows: posts },
  ]);
}

async function main(): Promise<void> {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const config = loadConfig({
    ...process.env,
    BRANCHFLOW_DATA_DIR: join(TMP, 'api'),
    LOG_LEVEL: 'warn',
    BRANCHFLOW_WRITES_PER_MINUTE: '1000000',
    BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0',
    BRANCHFLOW_ELECTION_TIMER_MINUTES: '0',
  });
  let started = performance.now();
  const file = await provinceRoll();
  const writeSeconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `workbook: ${MEMBERS} members, ${BRANCHES} branches, ${(file.length / 1024 / 1024).toFixed(1)} MB in ${writeSeconds.toFixed(1)} s\n`,
  );

  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const admin = await mintToken(config.auth, { subject: 'bench-admin', name: '基准管理员', role: 'admin' });
  const post = (path: string, body: Buffer | string, type: string, key?: string) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': type, ...(key ? { 'idempotency-key': key } : {}) },
      body,
    });

  started = performance.now();
  const dry = await post('/imports?asOf=2023-01-01', file, XLSX);
  const dryReport = (await dry.json()) as { problemCount: number; plannedEvents: number };
  const drySeconds = (performance.now() - started) / 1000;
  if (!dry.ok || dryReport.problemCount !== 0)
    throw new Error(`dry run: ${dry.status} ${JSON.stringify(dryReport).slice(0, 500)}`);
  process.stderr.write(`dry run: ${dryReport.plannedEvents} events planned in ${drySeconds.toFixed(1)} s\n`);

  started = performance.now();
  const applied = await post('/imports?apply=true&asOf=2023-01-01', file, XLSX);
  const report = (await applied.json()) as { appendedEvents: number };
  const importSeconds = (performance.now() - started) / 1000;
  if (!applied.ok) throw new Error(`apply: ${applied.status} ${JSON.stringify(report).slice(0, 500)}`);
  process.stderr.write(`apply: ${report.appendedEvents} events in ${importSeconds.toFixed(1)} s\n`);

  started = performance.now();
  const again = (await (await post('/imports?apply=true&asOf=2023-01-01', file, XLSX)).json()) as {
    appendedEvents: number;
  };
  const againSeconds = (performance.now() - started) / 1000;
  process.stderr.write(`re-import: ${again.appendedEvents} events in ${againSeconds.toFixed(1)} s\n`);

  // The HTTP path one command at a time: admissions to the first branch, one after another.
  // The baseline is measured on a settled API: the read models have caught up with the import.
  started = performance.now();
  while ((await fetch(`${url}/health/ready`)).status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
  const catchUpSeconds = (performance.now() - started) / 1000;
  process.stderr.write(`read models caught up ${catchUpSeconds.toFixed(1)} s after the re-import\n`);
  // The first branch of the workbook: its id derives from its name, as every import's does.
  const branchId = uuidV5('import:branch:第1社区离退休干部党支部');
  started = performance.now();
  for (let m = 0; m < HTTP_COMMANDS; m += 1) {
    const answer = await post(
      '/members',
      JSON.stringify({
        name: `单条${m}`,
        sex: 'male',
        birthDate: '1950-01-01',
        joinedPartyOn: '1975-01-01',
        formerPostLevel: '科员',
        membership: 'full',
        branchId,
        occurredAt: '2023-01-02',
      }),
      'application/json',
      `bench-${m}`,
    );
    if (answer.status === 503) {
      // The read models are still catching up with the import: wait, as a client would, and retry.
      await new Promise((resolve) => setTimeout(resolve, 500));
      m -= 1;
      continue;
    }
    if (answer.status !== 201) throw new Error(`POST /members: ${answer.status} ${await answer.text()}`);
  }
  const httpSeconds = (performance.now() - started) / 1000;
  await app.close();

  // Raw batched appends: the same number of member streams, one event each, to a fresh store.
  const raw = SqliteEventStore.open({ file: join(TMP, 'raw', 'events.sqlite') });
  const appends: StreamAppend[] = [];
  for (let m = 0; m < MEMBERS; m += 1) {
    const event: NewEvent = {
      id: randomUUID(),
      type: 'MemberAdmitted',
      schemaVersion: 1,
      data: {
        memberId: randomUUID(),
        name: '张建国',
        birthDate: '1950-02-03',
        sex: 'male',
        joinedPartyOn: '1972-07-01',
        formerPostLevel: '正科级',
        membership: 'full',
        branchId: randomUUID(),
        at: '2023-01-01T00:00:00.000Z',
      },
      metadata: {
        commandId: randomUUID(),
        correlationId: randomUUID(),
        causationId: randomUUID(),
        actor: { id: 'bench', name: '基准', role: 'admin' },
        occurredAt: '2023-01-01T00:00:00.000Z',
        policyVersion: '2022-10-22',
      },
    };
    appends.push({ stream: `member-${randomUUID()}`, events: [event], expectedRevision: 'noStream' });
  }
  started = performance.now();
  for (let start = 0; start < appends.length; start += 2000) await raw.appendMany(appends.slice(start, start + 2000));
  const rawSeconds = (performance.now() - started) / 1000;
  await raw.close();

  const membersPerSecond = MEMBERS / importSeconds;
  const httpPerSecond = HTTP_COMMANDS / httpSeconds;
  const rawPerSecond = MEMBERS / rawSeconds;
  const result = {
    description:
      `A roll of ${MEMBERS.toLocaleString('en-US')} members in ${BRANCHES.toLocaleString('en-US')} branches under ${COMMITTEES} committees, with a secretary per branch, as an .xlsx (${(file.length / 1024 / 1024).toFixed(1)} MB), imported through POST /imports on the real API (SQLite, synchronous=FULL, read models kept by in-process workers). ` +
      `Baselines in the same run: the HTTP path one command at a time (${HTTP_COMMANDS} POST /members in a row), and raw appendMany of ${MEMBERS.toLocaleString('en-US')} one-event member streams, 2,000 per transaction, to a fresh SQLite store.`,
    measuredAt: new Date().toISOString(),
    node: process.version,
    // The machine is shared: its load at the end of the run says how much of it the run had.
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    target: { seconds: TARGET_SECONDS, membersPerSecond: 1250 },
    metrics: {
      import_seconds: {
        value: round(importSeconds),
        unit: 's',
        target: TARGET_SECONDS,
        met: importSeconds <= TARGET_SECONDS,
      },
      import_members_per_second: {
        value: Math.round(membersPerSecond),
        unit: 'members/s',
        baseline: Math.round(rawPerSecond),
        ratio: round(membersPerSecond / rawPerSecond),
      },
      import_events: { value: report.appendedEvents, unit: 'events' },
      dry_run_seconds: { value: round(drySeconds), unit: 's' },
      reimport_seconds: { value: round(againSeconds), unit: 's', appended: again.appendedEvents },
      http_one_command_at_a_time: {
        value: Math.round(httpPerSecond),
        unit: 'members/s',
        province_estimate_seconds: Math.round(MEMBERS / httpPerSecond),
        import_speedup: round(membersPerSecond / httpPerSecond),
      },
      raw_batched_appends: { value: Math.round(rawPerSecond), unit: 'events/s' },
      workbook_write_seconds: { value: round(writeSeconds), unit: 's' },
      read_models_caught_up_after_reimport_seconds: { value: round(catchUpSeconds), unit: 's' },
    },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (MEMBERS === 150_000 && BRANCHES === 3_000) {
    writeFileSync(join(ROOT, 'bench', 'results', 'import.json'), `${JSON.stringify(result, null, 2)}\n`);
  }
  rmSync(TMP, { recursive: true, force: true });
}

const round = (value: number) => Math.round(value * 100) / 100;

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
