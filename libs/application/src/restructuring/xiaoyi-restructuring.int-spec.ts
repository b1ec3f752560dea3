import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  branchDecider,
  branchStreamName,
  fold,
  memberDecider,
  memberStreamName,
  restructuringDecider,
  restructuringStreamName,
  type BranchEvent,
  type DomainEvent,
  type MemberEvent,
  type RestructuringEvent,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { readWholeStream, toDomainEvent } from '../command-handling/load-stream';
import type { ProcessManagerRunner } from '../process-managers/process-manager-runner';
import {
  admitAll,
  Commands,
  generateMembers,
  openRuntime,
  seededRandom,
  spread,
  waitUntil,
  type GeneratedMember,
  type Runtime,
} from './restructuring.fixture';

/**
 * The Xiaoyi case (RULES §4, the 孝义 article): 25 community retired-cadre branches with 1,243
 * members under one 离退休干部党委; 永盛, 三皇, 东关 and 旧街 are merged into their neighbours and
 * 永安 is set up by redrawing 府西 and 振兴 by address, leaving 22 branches. Everything goes through
 * the real handlers on a real SQLite event file, with the organisation projection and the
 * restructuring process manager running as they do in the worker.
 *
 * The event file keeps the default synchronous=FULL (an fsync per append): the ~1,700 appends
 * take a second or two here. If a slow disk ever pushes this test past its budget, NORMAL is the
 * knob to turn (`openRuntime(dataDir, { synchronous: 'NORMAL' })`): power-loss durability is the
 * store's own concern, tested there, and nothing here simulates a lost tail.
 */
const SEED = 20230401;
const COMMITTEE_ID = 'c-xiaoyi';
const SETUP_AT = '2022-12-01T09:00:00+08:00';
const DECIDED_AT = '2023-03-15T09:00:00+08:00';
const EXECUTED_AT = '2023-04-01T09:00:00+08:00';

const COMMUNITIES: readonly (readonly [id: string, name: string])[] = [
  ['fudong', '府东'],
  ['fuzhong', '府中'],
  ['fuxi', '府西'],
  ['liuyi', '留义'],
  ['yongsheng', '永盛'],
  ['sanhuang', '三皇'],
  ['liliu', '离柳'],
  ['chengbei', '城北'],
  ['chongwen', '崇文'],
  ['xinyi', '新义'],
  ['shengxi', '胜溪'],
  ['zhenxing', '振兴'],
  ['dongguan', '东关'],
  ['xiguan', '西关'],
  ['nanguan', '南关'],
  ['beiguan', '北关'],
  ['gucheng', '古城'],
  ['wenyuan', '文苑'],
  ['xincun', '新村'],
  ['jinqiao', '金桥'],
  ['wutong', '梧桐'],
  ['yangguang', '阳光'],
  ['jiajiazhuang', '贾家庄'],
  ['jianshe', '建设'],
  ['jiujie', '旧街'],
];
const branchId = (id: string): string => `b-${id}`;
const nameOf = (id: string): string => `${COMMUNITIES.find(([key]) => key === id)?.[1] ?? id}社区离退休干部党支部`;

/** Source → neighbour: the four branches merged away. */
const MERGES: readonly (readonly [source: string, target: string])[] = [
  ['yongsheng', 'liuyi'],
  ['sanhuang', 'fuzhong'],
  ['dongguan', 'chengbei'],
  ['jiujie', 'gucheng'],
];
/** Branches with an elected committee: a merge into them needs no new election. */
const WITH_COMMITTEE = new Set(['fudong', 'fuzhong', 'chengbei', 'xinyi', 'liliu']);
/** The redraw: members of these branches living in 永安's streets move to the new 永安 branch. */
const REDRAW_SOURCES = ['fuxi', 'zhenxing'];
const YONGAN_AREAS = ['永安小区', '永安路'];
const YONGAN = { branchId: 'b-yongan', name: '永安社区离退休干部党支部', parentCommitteeId: COMMITTEE_ID };

describe('the Xiaoyi restructuring on the real SQLite store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'branchflow-xiaoyi-'));
  let runtime: Runtime;
  let runner: ProcessManagerRunner;
  let members: GeneratedMember[];
  const timings: Record<string, number> = {};
  const restructuringIds = [...MERGES.map(([source]) => `r-merge-${source}`), 'r-redraw-yongan'];

  beforeAll(async () => {
    let started = Date.now();
    runtime = await openRuntime(dataDir, { synchronous: 'FULL' });
    runner = runtime.startProcessManager();
    const commands = new Commands(runtime, 'xiaoyi');
    const random = seededRandom(SEED);

    await commands.committee(
      {
        type: 'EstablishPartyCommittee',
        data: { committeeId: COMMITTEE_ID, name: '孝义市离退休干部党委', kind: 'committee' },
      },
      SETUP_AT,
    );
    for (const [id, name] of COMMUNITIES) {
      await commands.branch(
        {
          type: 'EstablishBranch',
          data: {
            branchId: branchId(id),
            name: nameOf(id),
            parentCommitteeId: COMMITTEE_ID,
            joint: false,
            managementLinks: [{ linkId: `l-${id}`, kind: 'community', name: `${name}社区党委` }],
          },
        },
        SETUP_AT,
      );
    }
    const sizes = spread(random, COMMUNITIES.length, 1243, 20);
    members = generateMembers(
      random,
      COMMUNITIES.map(([id, name], index) => ({
        branchId: branchId(id),
        size: sizes[index] as number,
        areas: REDRAW_SOURCES.includes(id)
          ? [`${name}小区`, `${name}街`, `${name}新村`, ...YONGAN_AREAS]
          : [`${name}小区`, `${name}街`, `${name}新村`],
      })),
    );
    await admitAll(commands, members, SETUP_AT);
    for (const [id, name] of COMMUNITIES) {
      const own = members.filter((member) => member.branchId === branchId(id));
      const post = (postId: string, holder: GeneratedMember, kind: 'secretary' | 'committeeMember', duty?: string) =>
        commands.branch(
          {
            type: 'AssignPost',
            data: {
              branchId: branchId(id),
              postId,
              kind,
              duty,
              source: 'elected',
              holder: { personId: holder.memberId, name: holder.name },
              startDate: '2020-06-30',
            },
          },
          SETUP_AT,
        );
      await post(`p-${id}-secretary`, own[0] as GeneratedMember, 'secretary');
      if (WITH_COMMITTEE.has(id)) {
        for (const [index, duty] of ['组织委员', '宣传委员', '纪检委员'].entries()) {
          await post(`p-${id}-committee-${index}`, own[index + 1] as GeneratedMember, 'committeeMember', duty);
        }
      }
      // 交叉任职: the community's party secretary serves as deputy (兼任) of the retired-cadre branch.
      await commands.branch(
        {
          type: 'AssignPost',
          data: {
            branchId: branchId(id),
            postId: `p-${id}-deputy`,
            kind: 'deputySecretary',
            source: 'concurrent',
            holder: { personId: `person-${id}-community-secretary`, name: `${name}社区党委书记` },
            startDate: '2021-03-01',
          },
        },
        SETUP_AT,
      );
    }
    timings.setupMs = Date.now() - started;

    started = Date.now();
    for (const [source, target] of MERGES) {
      await commands.restructuring(
        {
          type: 'ProposeMerge',
          data: {
            restructuringId: `r-merge-${source}`,
            sourceBranchIds: [branchId(source)],
            target: { kind: 'existing', branchId: branchId(target) },
            reason: `结合城市社区调整，${nameOf(source)}并入${nameOf(target)}`,
          },
        },
        DECIDED_AT,
      );
    }
    const movers = members.filter((member) => YONGAN_AREAS.includes(member.address));
    await commands.restructuring(
      {
        type: 'ProposeRedraw',
        data: {
          restructuringId: 'r-redraw-yongan',
          assignments: movers.map((member) => ({ memberId: member.memberId, toBranchId: YONGAN.branchId })),
          newBranches: [YONGAN],
          reason: '结合城市社区调整，新设立永安社区离退休干部党支部，按居住地转接组织关系',
        },
      },
      DECIDED_AT,
    );
    for (const restructuringId of restructuringIds) {
      await commands.restructuring(
        {
          type: 'ApproveRestructuring',
          data: {
            restructuringId,
            approvedBy: '中共孝义市离退休干部委员会',
            documentReference: '孝离退党字〔2023〕8号',
            approvedOn: '2023-03-20',
          },
        },
        DECIDED_AT,
      );
    }
    for (const restructuringId of restructuringIds) {
      await commands.restructuring({ type: 'StartRestructuringExecution', data: { restructuringId } }, EXECUTED_AT);
    }
    await waitUntil(
      async () => {
        const states = await Promise.all(restructuringIds.map((id) => restructuringState(runtime, id)));
        return states.every((state) => state.status === 'completed');
      },
      runner,
      runtime,
    );
    timings.executionMs = Date.now() - started;
    // Printed so a slow machine is visible in the log; the budget is about a minute in all.
    console.log(`Xiaoyi restructuring timings: ${JSON.stringify(timings)}`);
  }, 120_000);

  afterAll(async () => {
    await runtime?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('generates 1,243 members over 25 branches, mostly full, some probationary', () => {
    expect(members).toHaveLength(1243);
    expect(new Set(members.map((member) => member.branchId)).size).toBe(25);
    const probationary = members.filter((member) => member.membership === 'probationary').length;
    expect(probationary).toBeGreaterThan(10);
    expect(probationary).toBeLessThan(80);
  });

  it('leaves 22 community branches open: 25 − 4 merged + 永安', async () => {
    await runtime.facts.roll(); // waits until the projection has applied everything
    const open = runtime.db.prepare(`SELECT branch_id AS id, name FROM branches WHERE status = 'open'`).all() as {
      id: string;
      name: string;
    }[];
    expect(open).toHaveLength(22);
    expect(open.map((branch) => branch.name)).toContain('永安社区离退休干部党支部');
    for (const [source] of MERGES) expect(open.map((branch) => branch.id)).not.toContain(branchId(source));
    for (const [source] of MERGES) expect((await runtime.facts.branch(branchId(source))).status).toBe('dissolved');
  });

  it('conserves all 1,243 members and leaves no one unattached', async () => {
    const roll = await runtime.facts.roll();
    expect(roll).toHaveLength(1243);
    // From the member streams themselves, not only the read model.
    const states = await Promise.all(
      members.map(async (member) =>
        fold(memberDecider, await domainEvents<MemberEvent>(runtime, memberStreamName(member.memberId))),
      ),
    );
    const branchStatus = new Map<string, string>();
    for (const state of states) {
      expect(state.status).toBe('active');
      if (state.status !== 'active') continue;
      const status = branchStatus.get(state.branchId) ?? (await runtime.facts.branchStatus(state.branchId));
      branchStatus.set(state.branchId, status);
      expect({ member: state.memberId, branch: state.branchId, status }).toEqual({
        member: state.memberId,
        branch: state.branchId,
        status: 'open',
      });
    }
    const byBranch = new Map<string, number>();
    for (const entry of roll) byBranch.set(entry.branchId, (byBranch.get(entry.branchId) ?? 0) + 1);
    const movers = members.filter((member) => YONGAN_AREAS.includes(member.address));
    expect(movers.length).toBeGreaterThan(10);
    expect(byBranch.get(YONGAN.branchId)).toBe(movers.length);
    for (const [source, target] of MERGES) {
      const expected = [source, target].reduce(
        (sum, id) => sum + members.filter((member) => member.branchId === branchId(id)).length,
        0,
      );
      expect(byBranch.get(branchId(target))).toBe(expected);
    }
  });

  it('leaves every dissolved branch with 0 members and no active post, each post ended for the archive', async () => {
    for (const [source] of MERGES) {
      expect(await runtime.facts.memberCount(branchId(source))).toBe(0);
      expect(runtime.queries.posts(branchId(source), { activeOnly: true })).toEqual([]);
      const events = await domainEvents<BranchEvent>(runtime, branchStreamName(branchId(source)));
      const vacated = events.filter((event) => event.type === 'PostVacated');
      expect(vacated.map((event) => event.data.reason)).toEqual(['branchDissolved', 'branchDissolved']);
      expect(events.at(-1)).toMatchObject({
        type: 'BranchDissolved',
        data: { restructuringId: `r-merge-${source}` },
      });
      expect(fold(branchDecider, events).status).toBe('dissolved');
    }
  });

  it('flags "election required" on a merged branch with ≥ 7 full members and no committee', async () => {
    for (const [, target] of MERGES) {
      const events = await domainEvents<BranchEvent>(runtime, branchStreamName(branchId(target)));
      const assessed = events.filter((event) => event.type === 'BranchShapeAssessed').at(-1);
      expect(assessed?.type).toBe('BranchShapeAssessed');
      if (assessed?.type !== 'BranchShapeAssessed') continue;
      expect(assessed.data.shape.committeeRequired).toBe(true);
      expect(assessed.data.shape.electionRequired).toBe(!WITH_COMMITTEE.has(target));
      expect(assessed.data.shape.overSize).toBe(assessed.data.counts.full + assessed.data.counts.probationary > 50);
    }
  });

  it('records each restructuring as completed with its counts', async () => {
    for (const [source] of MERGES) {
      const state = await restructuringState(runtime, `r-merge-${source}`);
      const size = members.filter((member) => member.branchId === branchId(source)).length;
      expect(state).toMatchObject({
        status: 'completed',
        counts: { membersTransferred: size, membersLeftDuringExecution: 0, branchesEstablished: 0, branchesClosed: 1 },
      });
    }
    expect(await restructuringState(runtime, 'r-redraw-yongan')).toMatchObject({
      status: 'completed',
      counts: { branchesEstablished: 1, branchesClosed: 0 },
    });
    const yongan = await readWholeStream(runtime.store, branchStreamName(YONGAN.branchId));
    expect(yongan[0]).toMatchObject({ type: 'BranchEstablished', data: { restructuringId: 'r-redraw-yongan' } });
  });

  it('gives every transfer its restructuring as causation (the execution event) and correlation', async () => {
    const all = await runtime.store.readAll();
    const started = new Map<string, RecordedEvent>(
      all
        .filter((event) => event.type === 'RestructuringExecutionStarted')
        .map((event) => [event.data.restructuringId as string, event]),
    );
    expect([...started.keys()].sort()).toEqual([...restructuringIds].sort());
    const transfers = all.filter((event) => event.type === 'MemberTransferred');
    const planned = [...started.values()].reduce(
      (sum, event) => sum + (event.data.execution as { transfers: unknown[] }).transfers.length,
      0,
    );
    expect(transfers).toHaveLength(planned);
    for (const transfer of transfers) {
      const restructuringId = transfer.data.restructuringId as string;
      const cause = started.get(restructuringId);
      expect(cause).toBeDefined();
      expect(transfer.metadata).toMatchObject({
        causationId: cause?.id,
        correlationId: restructuringId,
        actor: cause?.metadata.actor,
        occurredAt: cause?.metadata.occurredAt,
      });
    }
    expect(new Set(all.map((event) => event.id)).size).toBe(all.length);
  });
});

async function domainEvents<E extends { type: string }>(runtime: Runtime, stream: string): Promise<E[]> {
  return (await readWholeStream(runtime.store, stream)).map((event) => toDomainEvent<E & DomainEvent>(event));
}

async function restructuringState(runtime: Runtime, restructuringId: string) {
  return fold(
    restructuringDecider,
    await domainEvents<RestructuringEvent>(runtime, restructuringStreamName(restructuringId)),
  );
}
