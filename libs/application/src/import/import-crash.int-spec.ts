import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULE_POLICIES } from '@app/domain';
import { SqliteEventStore, verifyStreamChain, type RecordedEvent } from '@app/event-store';
import { importRoll } from './roll-import';
import { writeWorkbook, type WrittenCell } from './workbook/write-workbook';

const MEMBERS = 20_000;
const BRANCHES = 40;

/**
 * An apply killed with SIGKILL part-way, in a real process on a real SQLite file: what it stored
 * is whole batches, and the same workbook applied again stores the rest and nothing twice; every
 * stream's hash chain holds.
 */
describe('an import killed mid-apply', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'branchflow-import-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is completed by applying the same workbook again, without duplicates', async () => {
    const branches: WrittenCell[][] = [['支部名称', '所属党组织', '成立日期']];
    for (let b = 0; b < BRANCHES; b += 1) branches.push([`第${b}支部`, '示例党委', '2019-03-01']);
    const members: WrittenCell[][] = [
      ['党员编号', '姓名', '性别', '出生日期', '入党日期', '正式/预备', '原职级', '支部'],
    ];
    for (let m = 0; m < MEMBERS; m += 1) {
      members.push([`M${m}`, `党员${m}`, '男', '1950-01-01', '1975-01-01', '正式', '科员', `第${m % BRANCHES}支部`]);
    }
    const workbook = join(dir, 'roll.xlsx');
    writeFileSync(
      workbook,
      await writeWorkbook([
        {
          name: '党委',
          rows: [
            ['党组织名称', '成立日期'],
            ['示例党委', '2019-01-10'],
          ],
        },
        { name: '支部', rows: branches },
        { name: '党员', rows: members },
      ]),
    );
    const eventsFile = join(dir, 'events.sqlite');
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'import-crash.child.ts'), eventsFile, workbook],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const killedAt = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const stored = /stored (\d+) of (\d+)/.exec(
          buffered.split('\n').filter((line) => /stored [1-9]/.test(line))[0] ?? '',
        );
        if (stored) {
          child.kill('SIGKILL');
          resolve(stored[0]);
        }
      });
      child.on('exit', (code) => reject(new Error(`the import ended by itself (${code}) before it was killed`)));
    });
    await new Promise((resolve) => child.once('close', resolve));
    expect(child.signalCode).toBe('SIGKILL');

    const store = SqliteEventStore.open({ file: eventsFile });
    try {
      const afterCrash = (await store.readAll()).length;
      const planned = MEMBERS + BRANCHES + 1;
      expect(afterCrash).toBeGreaterThan(0);
      expect(afterCrash).toBeLessThan(planned);

      const environment = {
        store,
        policies: DEFAULT_RULE_POLICIES,
        directory: () => Promise.resolve({ committees: [], branches: [], members: [] }),
      };
      const request = {
        file: readFileSync(workbook),
        asOf: '2023-01-01',
        actor: { id: 'crash-test', name: '崩溃测试', role: 'admin' },
        language: 'zh-CN' as const,
        apply: true,
      };
      const resumed = await importRoll(request, environment);
      expect(resumed.appendedEvents).toBe(planned - afterCrash);

      const events = await store.readAll();
      expect(events).toHaveLength(planned);
      const byStream = new Map<string, RecordedEvent[]>();
      for (const event of events) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event]);
      expect(byStream.size).toBe(planned);
      for (const stream of byStream.values()) expect(verifyStreamChain(stream)).toBeNull();
      expect((await importRoll(request, environment)).appendedEvents).toBe(0);
      expect(killedAt).toMatch(/^stored \d+ of \d+$/);
    } finally {
      await store.close();
    }
  }, 300_000);
});
