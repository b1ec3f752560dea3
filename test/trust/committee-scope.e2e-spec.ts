import { randomUUID } from 'node:crypto';
import request, { type Response } from 'supertest';
import type { App } from 'supertest/types';
import { ElectionTimers } from '@app/application';
import type { BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { concretePath, routeTable } from './route-table';
import { scopedCases, type ScopedCase } from './scoped-cases';
import { bootScopedWorld, type ScopedWorld } from './scoped-world';

/** Lists and figures that no stream read guards: filtered to the caller's committee, checked below. */
const FILTERED_LISTS = [
  'GET /elections',
  'GET /elections/reminders',
  'GET /campaigns',
  'GET /campaigns/:campaignId',
  'GET /org/tree',
  'GET /org/diff',
  'GET /reports/statistics',
  'GET /restructurings',
  // The demonstration board and the volunteer figures count the committee's branches only.
  'GET /demonstrations',
  'GET /demonstrations/:demonstrationId',
  'GET /demonstrations/:demonstrationId/board',
  'GET /volunteer-service/statistics',
  'GET /volunteer-service/activities',
  'GET /volunteer-teams',
];
/** The bureau's rules, which every administrator reads. */
const BUREAU_READS = [
  'GET /policies',
  'GET /policies/in-force',
  'GET /policies/:version',
  'GET /volunteer-teams/:teamId',
];
/** Importing the bureau's workbook, which may name any committee: refused to a scoped administrator (below). */
const BUREAU_IMPORTS = ['POST /imports', 'GET /imports/progress', 'GET /imports/template'];

/**
 * An administrator scoped to one committee, against every route an administrator may call: each
 * path id, and each id nested in a body, that names another committee's branch, member,
 * committee, election or restructuring. The answer must be the one an id that exists nowhere
 * gets — same status, code and sentence — with nothing appended; acts on the bureau's own
 * streams are refused with 403. Each case has a control showing an unscoped administrator's
 * identical request would reach the thing, so no case passes for want of a valid request.
 */
describe('committee scope on every path', () => {
  let api: BootedApi;
  let http: App;
  let world: ScopedWorld;
  let cases: ScopedCase[];
  let admin: string;
  let auditor: string;
  let scoped: string;
  /** The phantom answer of each case, kept for its control. */
  const phantoms = new Map<ScopedCase, Response>();

  beforeAll(async () => {
    ({ api, http, world, admin, auditor, scoped } = await bootScopedWorld());
    cases = scopedCases(world, await publishablePolicy());
  }, 60_000);
  afterAll(() => api.close());

  /** The version in force, as a body POST /policies takes, under a new version name. */
  async function publishablePolicy(): Promise<object> {
    const listed = await request(http).get('/policies').set('Authorization', auditor).expect(200);
    const inForce = (listed.body.versions as Record<string, unknown>[]).find((v) => v.version === listed.body.inForce);
    const { source: _s, inForceToday: _t, publishedAt: _a, publishedBy: _b, ...policy } = inForce ?? {};
    return { ...policy, version: 'scoped-test', effectiveFrom: '2030-01-01', description: '测试版本' };
  }

  const send = (scopedCase: ScopedCase, authorization: string, replace = new Map<string, string>()) => {
    const [method, path] = scopedCase.route.split(' ') as [string, string];
    const swap = (text: string) => [...replace].reduce((t, [from, to]) => t.split(from).join(to), text);
    const url = swap(concretePath(path, (param) => scopedCase.params[param] ?? randomUUID()));
    const call = method === 'GET' ? request(http).get(url) : request(http).post(url);
    void call.set('Authorization', authorization).set('Idempotency-Key', randomUUID());
    return method === 'GET' ? call : call.send(JSON.parse(swap(JSON.stringify(scopedCase.body ?? {}))) as object);
  };

  const label = (c: ScopedCase) => `${c.route} (${c.label})`;

  it('has a case for every route an administrator may call', () => {
    const covered = new Set([...cases.map((c) => c.route), ...FILTERED_LISTS, ...BUREAU_READS, ...BUREAU_IMPORTS]);
    const adminRoutes = routeTable(api.app).filter(
      (r) => r.access?.kind === 'roles' && r.access.roles.includes('admin'),
    );
    expect(adminRoutes.map((r) => `${r.method} ${r.path}`).filter((route) => !covered.has(route))).toEqual([]);
    expect(adminRoutes.length).toBeGreaterThan(50);
  });

  it("answers another committee's ids exactly as ids that exist nowhere, appending nothing", async () => {
    const wrong: string[] = [];
    for (const scopedCase of cases) {
      const head = await api.store.headPosition();
      const answer = await send(scopedCase, scoped);
      if (scopedCase.expect.kind === 'refused') {
        const { status, code } = scopedCase.expect;
        if (answer.status !== status || answer.body.code !== code || 'currentRevision' in answer.body) {
          wrong.push(
            `${label(scopedCase)}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}, expected ${status} ${code}`,
          );
        }
      } else {
        const phantomIds = new Map(scopedCase.foreign.map((id) => [id, randomUUID()]));
        const phantom = await send(scopedCase, scoped, phantomIds);
        phantoms.set(scopedCase, phantom);
        const detail = [...phantomIds].reduce((d, [id, ph]) => d.split(id).join(ph), String(answer.body.detail));
        if (answer.status < 400 || answer.status === 400 || answer.status >= 500) {
          wrong.push(`${label(scopedCase)}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        } else if (
          answer.status !== phantom.status ||
          answer.body.code !== phantom.body.code ||
          detail !== String(phantom.body.detail)
        ) {
          wrong.push(
            `${label(scopedCase)}: ${answer.status} ${answer.body.code} "${answer.body.detail}" but for ids that exist nowhere ${phantom.status} ${phantom.body.code} "${phantom.body.detail}"`,
          );
        }
      }
      if (answer.status >= 400) expect(answer.headers['content-type']).toContain('application/problem+json');
      if ((await api.store.headPosition()) !== head) wrong.push(`${label(scopedCase)}: appended events`);
    }
    console.log(`committee scope: ${cases.length} cases over ${new Set(cases.map((c) => c.route)).size} routes`);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('reaches each of those things as an unscoped administrator (the controls)', async () => {
    const wrong: string[] = [];
    for (const scopedCase of cases.filter((c) => c.control === 'exists')) {
      if (scopedCase.route.startsWith('GET ')) {
        const read = await send(scopedCase, auditor);
        if (read.status !== 200) wrong.push(`${label(scopedCase)}: an auditor got ${read.status}`);
      } else {
        const stale = await send(scopedCase, admin).set('If-Match', '"999999"');
        if (stale.status !== 409 || typeof stale.body.currentRevision !== 'number') {
          wrong.push(`${label(scopedCase)}: ${stale.status} ${JSON.stringify(stale.body).slice(0, 200)}`);
        }
      }
    }
    // Last, since they change the world: the same requests, accepted or refused for another reason.
    for (const scopedCase of cases.filter((c) => c.control === 'accepted')) {
      const answer = await send(scopedCase, admin);
      const phantom = phantoms.get(scopedCase);
      const sameAsPhantom = phantom && answer.status === phantom.status && answer.body.code === phantom.body.code;
      const sameAsRefusal = scopedCase.expect.kind === 'refused' && answer.status === scopedCase.expect.status;
      if (answer.status >= 500 || sameAsPhantom || sameAsRefusal) {
        wrong.push(`${label(scopedCase)}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe("a committee-scoped administrator's own committee", () => {
  let api: BootedApi;
  let http: App;
  let world: ScopedWorld;
  let admin: string;
  let scoped: string;

  beforeAll(async () => {
    ({ api, http, world, admin, scoped } = await bootScopedWorld());
  }, 60_000);
  afterAll(() => api.close());

  // First in this block: the figures below are those of the world as built, before the tests after it change it.
  it('sees only its own committee in the tree now and as of a date, the diff and the statistics', async () => {
    const { x, y } = world;
    const theirs = [y.committee, y.branch, y.spare, y.member, y.holder, y.post, y.election, y.restructuring];
    const read = async (authorization: string, path: string) =>
      (await request(http).get(path).set('Authorization', authorization).expect(200)).body as Record<string, unknown>;
    const mentionsTheirs = (body: unknown) =>
      theirs
        .filter((id) => JSON.stringify(body).includes(id))
        .concat(JSON.stringify(body).includes('汾阳') ? ['汾阳'] : []);
    type Tree = { committees: TreeNode[]; totals: { branches: number; full: number } };
    type TreeNode = { committeeId: string; branches: { branchId: string }[]; committees: TreeNode[] };
    const flatten = (nodes: TreeNode[]): string[] =>
      nodes.flatMap((node) => [node.committeeId, ...node.branches.map((b) => b.branchId), ...flatten(node.committees)]);

    const tree = (await read(scoped, '/org/tree')) as unknown as Tree;
    expect(flatten(tree.committees).sort()).toEqual([x.committee, x.below, x.branch, x.spare, x.branchBelow].sort());
    expect(tree.totals).toMatchObject({ branches: 3, full: 3 });
    expect(mentionsTheirs(tree)).toEqual([]);
    const everyone = (await read(admin, '/org/tree')) as unknown as Tree;
    expect(flatten(everyone.committees)).toEqual(expect.arrayContaining([y.committee, y.branch]));
    expect(everyone.totals.branches).toBe(5);

    // Before any branch was set up: the committees only.
    const early = (await read(scoped, '/org/tree?asOf=2020-01-15')) as unknown as Tree;
    expect(flatten(early.committees).sort()).toEqual([x.committee, x.below].sort());

    const diff = await read(scoped, '/org/diff?from=2019-12-31&to=2023-12-31');
    const created = (diff.branchesCreated as { branchId: string }[]).map((b) => b.branchId);
    expect(created.sort()).toEqual([x.branch, x.spare, x.branchBelow].sort());
    expect(diff.membersJoined).toHaveLength(3);
    expect(mentionsTheirs(diff)).toEqual([]);
    const whole = await read(admin, '/org/diff?from=2019-12-31&to=2023-12-31');
    expect(whole.branchesCreated).toHaveLength(5);
    expect(whole.postsStarted).toEqual([
      expect.objectContaining({ branchId: y.branch }),
      // The committee post vacated mid-term that the other committee's by-election fills.
      expect.objectContaining({ branchId: y.branch, postId: y.vacancy }),
    ]);

    type Figures = { branches: { open: number }; members: { active: number }; secretaries: { count: number } } & {
      elections: Record<string, number>;
      restructurings: Record<string, number>;
    };
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    const ours = (await read(scoped, '/reports/statistics')) as unknown as Figures;
    expect(ours).toMatchObject({ branches: { open: 3 }, members: { active: 3 }, secretaries: { count: 0 } });
    expect([total(ours.elections), total(ours.restructurings)]).toEqual([1, 0]);
    const all = (await read(admin, '/reports/statistics')) as unknown as Figures;
    expect(all).toMatchObject({ branches: { open: 5 }, members: { active: 6 }, secretaries: { count: 1 } });
    expect([total(all.elections), total(all.restructurings)]).toEqual([2, 1]);

    type Listed = { items: { restructuringId: string }[] };
    expect(((await read(scoped, '/restructurings')) as unknown as Listed).items).toEqual([]);
    const listed = (await read(admin, '/restructurings')) as unknown as Listed;
    expect(listed.items.map((r) => r.restructuringId)).toEqual([y.restructuring]);
  });

  it('reads and changes its branches, the general branch below it included', async () => {
    const as = (call: request.Test) => call.set('Authorization', scoped);
    await as(request(http).post(`/branches/${world.x.branchBelow}/rename`))
      .send({ name: '总支下属第一党支部' })
      .expect(200);
    await as(request(http).get(`/branches/${world.x.branchBelow}`)).expect(200);
    await as(request(http).get(`/committees/${world.x.below}`)).expect(200);
    await as(request(http).get(`/elections/${world.xElection}`)).expect(200);
    await as(request(http).post('/branches'))
      .send({ name: '总支新设党支部', parentCommitteeId: world.x.below, occurredAt: '2023-03-02' })
      .expect(201);
  });

  it('lists only its own elections and its own branches on a campaign board', async () => {
    const board = await request(http).get('/elections').set('Authorization', scoped).expect(200);
    expect(board.body.items.map((e: { electionId: string }) => e.electionId)).toEqual([world.xElection]);
    const everyone = await request(http).get('/elections').set('Authorization', admin).expect(200);
    expect(everyone.body.items).toHaveLength(2);

    const campaign = await request(http).get(`/campaigns/${world.campaign}`).set('Authorization', scoped).expect(200);
    expect(campaign.body.board.rows.map((row: { branchId: string }) => row.branchId)).toEqual([world.x.branch]);
    expect(Object.keys(campaign.body.assignments)).toEqual([world.x.branch]);
    expect(campaign.body.board.branches).toBe(1);
    const whole = await request(http).get(`/campaigns/${world.campaign}`).set('Authorization', admin).expect(200);
    expect(whole.body.board.branches).toBe(2);

    const campaigns = await request(http).get('/campaigns').set('Authorization', scoped).expect(200);
    expect(campaigns.body.items).toEqual([expect.objectContaining({ campaignId: world.campaign, branches: 1 })]);

    // Every open branch is due a reminder to the superior by then; the scoped caller sees its own.
    await api.app.get(ElectionTimers).tick(new Date('2030-01-15T02:00:00.000Z'));
    const remindedOf = async (authorization: string) =>
      new Set(
        (
          await request(http).get('/elections/reminders').set('Authorization', authorization).expect(200)
        ).body.items.map((reminder: { branchId: string }) => reminder.branchId),
      );
    const own = await remindedOf(scoped);
    expect(own.has(world.x.branch)).toBe(true);
    expect(own.has(world.y.branch)).toBe(false);
    expect((await remindedOf(admin)).has(world.y.branch)).toBe(true);
  });

  it("keeps a finished restructuring the committee's after a member it moved goes elsewhere", async () => {
    const as = (authorization: string, call: request.Test) => call.set('Authorization', authorization);
    const day = '2023-03-02';
    const proposed = await as(admin, request(http).post('/restructurings/redraw'))
      .send({
        reason: '社区调整',
        assignments: [{ memberId: world.x.member, toBranchId: world.x.spare }],
        occurredAt: day,
      })
      .expect(201);
    const id = proposed.body.events[0].data.restructuringId as string;
    await as(admin, request(http).post(`/restructurings/${id}/approve`))
      .send({
        approvedBy: '孝义市离退休干部党委',
        documentReference: '孝老干党字〔2023〕7号',
        approvedOn: day,
        occurredAt: day,
      })
      .expect(200);
    await as(admin, request(http).post(`/restructurings/${id}/execute`))
      .send({ occurredAt: day })
      .expect(202);
    for (let tries = 0; ; tries += 1) {
      const state = await as(admin, request(http).get(`/restructurings/${id}`)).expect(200);
      if (state.body.status === 'completed') break;
      if (tries > 400) throw new Error(`restructuring still ${state.body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await as(admin, request(http).post(`/members/${world.x.member}/transfer`))
      .send({ toBranchId: world.y.branch, occurredAt: day })
      .expect(200);
    const seen = await as(scoped, request(http).get(`/restructurings/${id}`)).expect(200);
    expect(seen.body.status).toBe('completed');
  });

  it('shows a branch moved into the committee in its tree from the move on, not where it stood before', async () => {
    const { x, y } = world;
    const moved = (
      await request(http)
        .post('/branches')
        .set('Authorization', admin)
        .send({ name: '汾阳迁出社区离退休干部党支部', parentCommitteeId: y.committee, occurredAt: '2020-02-01' })
        .expect(201)
    ).body.events[0].data.branchId as string;
    await request(http)
      .post(`/branches/${moved}/reaffiliate`)
      .set('Authorization', admin)
      .send({ parentCommitteeId: x.below, occurredAt: '2023-03-03' })
      .expect(200);
    type Node = { committeeId: string; branches: { branchId: string }[]; committees: Node[] };
    const branchesUnder = (nodes: Node[], committeeId: string): string[] =>
      nodes.flatMap((node) =>
        node.committeeId === committeeId
          ? node.branches.map((b) => b.branchId)
          : branchesUnder(node.committees, committeeId),
      );
    const tree = async (asOf: string) =>
      (await request(http).get(`/org/tree?asOf=${asOf}`).set('Authorization', scoped).expect(200)).body as {
        committees: Node[];
      };
    expect(branchesUnder((await tree('2023-03-03')).committees, x.below)).toContain(moved);
    const before = await tree('2023-03-02');
    expect(JSON.stringify(before)).not.toContain(moved);
    expect(JSON.stringify(before)).not.toContain(y.committee);
  });

  it('refuses a scoped administrator an import of the bureau’s workbook, recording nothing', async () => {
    const head = await api.store.headPosition();
    const refused = await request(http)
      .post('/imports?apply=true')
      .set('Authorization', scoped)
      .set('Content-Type', 'text/csv')
      .send(Buffer.from('党组织名称\n示例党委\n'))
      .expect(403);
    expect(refused.body.code).toBe('BUREAU_WIDE_ACT');
    expect(await api.store.headPosition()).toBe(head);
  });

  it('refuses a committee scope on a token that is not an administrator’s', async () => {
    const scopedAuditor = `Bearer ${await tokenFor(api.config, 'auditor', world.x.committee)}`;
    const refused = await request(http)
      .get(`/branches/${world.x.branch}`)
      .set('Authorization', scopedAuditor)
      .expect(403);
    expect(refused.body.detail).toBe(
      '只有管理员的令牌可以限定党组织范围（committeeId），当前令牌的角色是审计员（auditor）。',
    );
  });
});
