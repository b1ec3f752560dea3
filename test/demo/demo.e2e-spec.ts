import type { AddressInfo } from 'node:net';
import { ageOn } from '@app/read-models';
import { createDemoCommand } from '../../apps/cli/src/commands/demo.command';
import { ApiClient } from '../../apps/cli/src/demo/http-client';
import { type ProgressSink } from '../../apps/cli/src/demo/progress';
import { countHistory, type DemoReport } from '../../apps/cli/src/demo/run-demo';
import { runDemo } from '../../apps/cli/src/demo/run-demo';
import { generateXiaoyiYear } from '../../apps/cli/src/demo/xiaoyi-year';
import { ARTICLE_PERSON_TIMES, generateXiaoyiService } from '../../apps/cli/src/demo/xiaoyi-service';
import { ExitCode } from '../../apps/cli/src/exit-codes';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';

interface TreeBranch {
  branchId: string;
  name: string;
  members: { full: number; probationary: number };
  posts: { kind: string; source: string; holder: { personId: string; name: string } }[];
}
interface Tree {
  committees: { branches: TreeBranch[]; committees: unknown[] }[];
  unattachedBranches: TreeBranch[];
  totals: { branches: number; full: number; probationary: number };
}

const BEFORE_MERGES = '2022-02-28';
const YEAR_END = '2022-12-31';

/**
 * The Xiaoyi year replayed through the real HTTP API (listening on a port, projections and
 * process managers in-process, a temporary SQLite data dir), then checked over HTTP the way an
 * auditor would; then replayed again, which must append nothing.
 */
describe('npm run demo: the Xiaoyi year over HTTP', () => {
  let api: BootedApi;
  let url: string;
  let auditor: ApiClient;
  let first: DemoReport;
  const progress: string[] = [];
  const sink: ProgressSink = { isTTY: false, write: (text) => progress.push(text) };
  const year = generateXiaoyiYear();
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    api = await bootApi({ auth: 'explicit', env: { BRANCHFLOW_WRITES_PER_MINUTE: '1000000' } });
    await api.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    auditor = new ApiClient(url, await tokenFor(api.config, 'auditor'));
    const started = Date.now();
    first = await runDemo({
      url,
      adminToken: await tokenFor(api.config, 'admin'),
      auditorToken: await tokenFor(api.config, 'auditor'),
      sink,
    });
    timings.firstRunMs = Date.now() - started;
  }, 240_000);
  afterAll(async () => {
    await api?.close();
    console.log(`demo timings: ${JSON.stringify(timings)}\n${progress.join('')}`);
  });

  const tree = (asOf: string) => auditor.get<Tree>(`/org/tree?asOf=${asOf}`);
  const branchesOf = (t: Tree): TreeBranch[] => [
    ...t.committees.flatMap((committee) => committee.branches),
    ...t.unattachedBranches,
  ];
  const community = (branches: TreeBranch[]) => branches.filter((branch) => branch.name.includes('社区'));

  it('runs every phase and appends the year', () => {
    expect(first.skipped).toEqual([]);
    expect(first.after.verified).toBe(true);
    expect(first.after.events).toBeGreaterThan(first.before.events + year.members.length);
  });

  it('shows 25 community branches before the merges and 22 after, with 永安 among them', async () => {
    const before = community(branchesOf(await tree(BEFORE_MERGES)));
    expect(before).toHaveLength(25);
    expect(before.map((b) => b.name)).toEqual(
      expect.arrayContaining(['永盛社区离退休干部党支部', '三皇社区离退休干部党支部']),
    );
    expect(before.map((b) => b.name)).not.toContain('永安社区离退休干部党支部');
    const after = community(branchesOf(await tree(YEAR_END)));
    expect(after).toHaveLength(22);
    expect(after.map((b) => b.name)).toContain('永安社区离退休干部党支部');
    expect(after.map((b) => b.name)).not.toContain('永盛社区离退休干部党支部');
    expect(after.reduce((sum, b) => sum + b.members.full + b.members.probationary, 0)).toBe(1243);
    const all = branchesOf(await tree(YEAR_END));
    expect(all.map((b) => b.name)).toEqual(
      expect.arrayContaining([
        '孝义市老年人体育协会离退休干部党支部',
        '孝义市扶贫基金会离退休干部党支部',
        '高阳镇老干部党支部',
      ]),
    );
  });

  it('keeps all 1,243 community members (and the associations’) attached to open branches', async () => {
    const open = new Set(branchesOf(await tree(YEAR_END)).map((b) => b.branchId));
    const members = await auditor.allItems<{ branchId: string; status: string; branchName: string | null }>(
      '/reports/members?limit=1000',
    );
    const active = members.filter((m) => m.status === 'active');
    expect(active).toHaveLength(year.members.length);
    expect(active.every((m) => open.has(m.branchId))).toBe(true);
    expect(active.filter((m) => m.branchName?.includes('社区'))).toHaveLength(1243);
  });

  it('installs a secretary in every open branch; 李全爱 and 武雅君 among them, the youngest 56', async () => {
    const branches = branchesOf(await tree(YEAR_END));
    expect(branches).toHaveLength(25);
    for (const branch of branches) {
      const secretaries = branch.posts.filter((p) => p.kind === 'secretary');
      expect(secretaries).toHaveLength(1);
      expect(secretaries[0]?.source).toBe('elected');
    }
    const names = branches.flatMap((b) => b.posts.filter((p) => p.kind === 'secretary').map((p) => p.holder.name));
    expect(names).toEqual(expect.arrayContaining(['李全爱', '武雅君']));
    // 交叉任职: every community branch's vice-secretary is its community party secretary, a non-member.
    for (const branch of community(branches)) {
      expect(branch.posts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'deputySecretary', source: 'concurrent' }),
          expect.objectContaining({ kind: 'partyAffairsOfficer' }),
        ]),
      );
    }
    const statistics = await auditor.get<{ secretaries: { count: number; youngestAge: number } }>(
      `/reports/statistics?asOf=${YEAR_END}`,
    );
    expect(statistics.secretaries).toMatchObject({ count: 25, youngestAge: 56 });
    const youngest = year.members.find((m) => m.memberId === year.youngestSecretary.memberId)!;
    const election = year.elections.find((e) => e.secretary === youngest.memberId)!;
    expect(ageOn(youngest.birthDate, election.dates.assembly)).toBe(56);
  });

  it('approves the 10 demonstration branches, each with 13/13 checklist items and a brand; volunteers serve 600+ person-times', async () => {
    const service = generateXiaoyiService(year);
    const view = await auditor.get<{
      approved: number;
      board: { branchName: string; checklistDone: number; approval: unknown; brand: { name: string } | null }[];
    }>(`/demonstrations/${service.demonstrationId}`);
    expect(view.board).toHaveLength(10);
    expect(view.approved).toBe(10);
    for (const branch of view.board) {
      expect(branch).toMatchObject({ checklistDone: 13, approval: expect.any(Object), brand: expect.any(Object) });
    }
    expect(view.board.map((b) => b.branchName)).toEqual(
      expect.arrayContaining(['府中社区离退休干部党支部', '留义社区离退休干部党支部', '高阳镇老干部党支部']),
    );
    const statistics = await auditor.get<{ personTimes: number; teams: number; byKind: { key: string }[] }>(
      '/volunteer-service/statistics',
    );
    expect(statistics.personTimes).toBeGreaterThan(ARTICLE_PERSON_TIMES);
    expect(statistics.personTimes).toBe(service.personTimes);
    expect(statistics.teams).toBe(10);
    expect(statistics.byKind.map((row) => row.key).sort()).toEqual([
      'advice',
      'civilisedCity',
      'communityGovernance',
      'cultureSports',
      'epidemicControl',
      'greenEcology',
      'redLecture',
    ]);
  });

  it('names the actor of every step in the audit log', async () => {
    const events = await auditor.allItems<{ actorId: string | null; actorName: string | null }>(
      '/audit/events?limit=500',
    );
    for (const event of events) {
      expect(event.actorId).toBeTruthy();
      expect(event.actorName).toBeTruthy();
    }
    expect(events.length).toBeGreaterThanOrEqual(first.after.events);
  });

  it('appends nothing when run again (through the CLI command, against the running API)', async () => {
    const before = await countHistory(auditor);
    const out: string[] = [];
    const err: string[] = [];
    const started = Date.now();
    const code = await createDemoCommand({ sink }).run(['--url', url, '--no-start'], {
      config: api.config,
      openStore: () => Promise.reject(new Error('the demo talks HTTP only')),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    timings.secondRunMs = Date.now() - started;
    expect(err).toEqual([]);
    expect(code).toBe(ExitCode.ok);
    expect(out.join('\n')).toContain('Nothing new');
    const after = await countHistory(auditor);
    expect(after).toEqual(before);
  }, 180_000);
});
