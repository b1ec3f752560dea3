import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fold, restructuringDecider, restructuringStreamName, type RestructuringEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { readWholeStream, toDomainEvent } from '../command-handling/load-stream';
import { crashAtEachPoint } from '../process-managers/crash-safety.fixture';
import {
  admitAll,
  Commands,
  generateMembers,
  openRuntime,
  seededRandom,
  waitUntil,
  type GeneratedMember,
  type Runtime,
} from './restructuring.fixture';
import type { RestructuringStep } from './restructuring.process-manager';

/**
 * Crash safety of the restructuring process manager (ARCHITECTURE principle 5): the process is
 * killed after a random number of steps — at least five points among the member transfers, plus
 * right after establishing the new branch, after the first dissolution and after each completion
 * (before the checkpoint is saved) — and restarted each time as a new process on the same event
 * file and checkpoint. The end state must equal an uninterrupted run's, event for event.
 *
 * The crash points are random on each run; the seed is printed, and CRASH_SEED=<seed> replays it.
 */
const ORGANISATION_SEED = 41243;
const crashSeed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

const SETUP_AT = '2022-12-01T09:00:00+08:00';
const DECIDED_AT = '2023-03-15T09:00:00+08:00';
const EXECUTED_AT = '2023-04-01T09:00:00+08:00';
const MERGE = 'r-merge-yongsheng-sanhuang';
const DISSOLUTION = 'r-dissolve-liliu';
const RESTRUCTURINGS = [MERGE, DISSOLUTION];
const BRANCHES = [
  { branchId: 'b-yongsheng', name: '永盛社区离退休干部党支部', size: 34, areas: ['永盛小区'] },
  { branchId: 'b-sanhuang', name: '三皇社区离退休干部党支部', size: 27, areas: ['三皇街'] },
  { branchId: 'b-fudong', name: '府东社区离退休干部党支部', size: 22, areas: ['府东路'] },
  { branchId: 'b-liliu', name: '离柳社区离退休干部党支部', size: 16, areas: ['离柳村'] },
];
const YONGAN = { branchId: 'b-yongan', name: '永安社区离退休干部党支部', parentCommitteeId: 'c-xiaoyi' };

/** Committee, branches with posts, members; both restructurings approved and their plans frozen. */
async function prepare(runtime: Runtime): Promise<GeneratedMember[]> {
  const commands = new Commands(runtime, 'crash');
  await commands.committee(
    {
      type: 'EstablishPartyCommittee',
      data: { committeeId: 'c-xiaoyi', name: '孝义市离退休干部党委', kind: 'committee' },
    },
    SETUP_AT,
  );
  for (const branch of BRANCHES) {
    await commands.branch(
      {
        type: 'EstablishBranch',
        data: { branchId: branch.branchId, name: branch.name, parentCommitteeId: 'c-xiaoyi', joint: false },
      },
      SETUP_AT,
    );
  }
  const members = generateMembers(seededRandom(ORGANISATION_SEED), BRANCHES, 'cm');
  await admitAll(commands, members, SETUP_AT);
  for (const branch of BRANCHES) {
    const secretary = members.find((member) => member.branchId === branch.branchId) as GeneratedMember;
    await commands.branch(
      {
        type: 'AssignPost',
        data: {
          branchId: branch.branchId,
          postId: `p-${branch.branchId}-secretary`,
          kind: 'secretary',
          source: 'elected',
          holder: { personId: secretary.memberId, name: secretary.name },
          startDate: '2020-06-30',
        },
      },
      SETUP_AT,
    );
  }
  await commands.restructuring(
    {
      type: 'ProposeMerge',
      data: {
        restructuringId: MERGE,
        sourceBranchIds: ['b-yongsheng', 'b-sanhuang'],
        target: { kind: 'new', branch: YONGAN },
        reason: '结合城市社区调整，撤并永盛、三皇，新设立永安',
      },
    },
    DECIDED_AT,
  );
  await commands.restructuring(
    {
      type: 'ProposeDissolution',
      data: {
        restructuringId: DISSOLUTION,
        branchId: 'b-liliu',
        destinationBranchId: 'b-fudong',
        reason: '离柳社区并入府东社区',
      },
    },
    DECIDED_AT,
  );
  for (const restructuringId of RESTRUCTURINGS) {
    await commands.restructuring(
      {
        type: 'ApproveRestructuring',
        data: {
          restructuringId,
          approvedBy: '中共孝义市离退休干部委员会',
          documentReference: '孝离退党字〔2023〕9号',
          approvedOn: '2023-03-20',
        },
      },
      DECIDED_AT,
    );
    await commands.restructuring({ type: 'StartRestructuringExecution', data: { restructuringId } }, EXECUTED_AT);
  }
  // A planned member dies after the plan was frozen, before the process reaches them: skipped.
  const departed = members.filter((member) => member.branchId === 'b-sanhuang')[5] as GeneratedMember;
  await commands.member(
    { type: 'RecordMemberDeparture', data: { memberId: departed.memberId, reason: 'death', leftOn: '2023-03-28' } },
    EXECUTED_AT,
  );
  return members;
}

async function completed(runtime: Runtime): Promise<boolean> {
  for (const id of RESTRUCTURINGS) {
    const events = (await readWholeStream(runtime.store, restructuringStreamName(id))).map((event) =>
      toDomainEvent<RestructuringEvent>(event),
    );
    if (fold(restructuringDecider, events).status !== 'completed') return false;
  }
  return true;
}

interface EndState {
  /** Per stream: `revision id type` of each event. Event ids derive from command ids, so they must match. */
  readonly streams: Record<string, string[]>;
  readonly affiliations: Record<string, string>;
  readonly openBranches: string[];
  readonly dissolvedBranches: string[];
  readonly counts: Record<string, unknown>;
  readonly events: readonly RecordedEvent[];
}

async function endState(runtime: Runtime): Promise<EndState> {
  const events = await runtime.store.readAll();
  const streams: Record<string, string[]> = {};
  for (const event of events) (streams[event.stream] ??= []).push(`${event.revision} ${event.id} ${event.type}`);
  const roll = await runtime.facts.roll();
  const branches = runtime.db.prepare('SELECT branch_id AS id, status FROM branches ORDER BY branch_id').all() as {
    id: string;
    status: string;
  }[];
  const counts: Record<string, unknown> = {};
  for (const id of RESTRUCTURINGS) {
    const state = fold(
      restructuringDecider,
      (await readWholeStream(runtime.store, restructuringStreamName(id))).map((event) =>
        toDomainEvent<RestructuringEvent>(event),
      ),
    );
    counts[id] = state.status === 'completed' ? state.counts : state.status;
  }
  return {
    streams,
    affiliations: Object.fromEntries(roll.map((entry) => [entry.memberId, entry.branchId])),
    openBranches: branches.filter((branch) => branch.status === 'open').map((branch) => branch.id),
    dissolvedBranches: branches.filter((branch) => branch.status === 'dissolved').map((branch) => branch.id),
    counts,
    events,
  };
}

describe('restructuring process manager crash safety', () => {
  const root = mkdtempSync(join(tmpdir(), 'branchflow-crash-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  let baseline: EndState;
  let steps: RestructuringStep[];

  beforeAll(async () => {
    const runtime = await openRuntime(join(root, 'uninterrupted'));
    await prepare(runtime);
    steps = [];
    const runner = runtime.startProcessManager({ afterStep: (step) => void steps.push(step) });
    await waitUntil(() => completed(runtime), runner, runtime);
    baseline = await endState(runtime);
    await runtime.close();
  }, 60_000);

  it('an uninterrupted run moves everyone but the member who died, and closes the sources', () => {
    expect(baseline.openBranches.sort()).toEqual(['b-fudong', 'b-yongan']);
    expect(baseline.dissolvedBranches.sort()).toEqual(['b-liliu', 'b-sanhuang', 'b-yongsheng']);
    expect(Object.keys(baseline.affiliations)).toHaveLength(34 + 27 + 22 + 16 - 1);
    expect(baseline.counts).toEqual({
      [MERGE]: { membersTransferred: 60, membersLeftDuringExecution: 1, branchesEstablished: 1, branchesClosed: 2 },
      [DISSOLUTION]: {
        membersTransferred: 16,
        membersLeftDuringExecution: 0,
        branchesEstablished: 0,
        branchesClosed: 1,
      },
    });
    expect(steps.filter((step) => step.result === 'skipped')).toEqual([
      expect.objectContaining({ restructuringId: MERGE, kind: 'transfer' }),
    ]);
  });

  it('crashed and restarted at random points, it reaches the same end state and appends nothing twice', async () => {
    const random = seededRandom(crashSeed);
    const index = (predicate: (step: RestructuringStep) => boolean): number[] =>
      steps.flatMap((step, i) => (predicate(step) ? [i + 1] : []));
    const transferPoints = index((step) => step.kind === 'transfer');
    const chosen = new Set<number>();
    while (chosen.size < 6) chosen.add(transferPoints[Math.floor(random() * transferPoints.length)] as number);
    const crashPoints = [
      ...chosen,
      index((step) => step.kind === 'establish')[0] as number,
      index((step) => step.kind === 'dissolve')[0] as number,
      ...index((step) => step.kind === 'complete'),
    ].sort((a, b) => a - b);
    const describePoint = (point: number): string => {
      const step = steps[point - 1] as RestructuringStep;
      return `${point}:${step.kind}${step.kind === 'transfer' ? `#${transferPoints.indexOf(point) + 1}` : ''}`;
    };
    console.log(
      `Crash test seed ${crashSeed} (replay with CRASH_SEED=${crashSeed}); crashing after steps ${crashPoints
        .map(describePoint)
        .join(', ')} of ${steps.length}`,
    );

    const dataDir = join(root, 'crashing');
    const first = await openRuntime(dataDir);
    await prepare(first);
    await first.close();

    await crashAtEachPoint({
      points: crashPoints,
      open: () => openRuntime(dataDir),
      start: (runtime, afterStep) =>
        runtime.startProcessManager({
          afterStep: (step) => afterStep(`${step.restructuringId} ${step.kind} ${step.targetId}`),
        }),
    });

    const runtime = await openRuntime(dataDir);
    const runner = runtime.startProcessManager();
    await waitUntil(() => completed(runtime), runner, runtime);
    await runner.caughtUp();
    const crashed = await endState(runtime);
    await runtime.close();

    expect(crashed.affiliations).toEqual(baseline.affiliations);
    expect(crashed.openBranches).toEqual(baseline.openBranches);
    expect(crashed.dissolvedBranches).toEqual(baseline.dissolvedBranches);
    expect(crashed.counts).toEqual(baseline.counts);
    expect(crashed.streams).toEqual(baseline.streams);

    const ids = crashed.events.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    const transfers = crashed.events.filter((event) => event.type === 'MemberTransferred');
    const keys = transfers.map((event) => JSON.stringify([event.data.restructuringId, event.data.memberId]));
    expect(new Set(keys).size).toBe(keys.length);
    expect(transfers).toHaveLength(60 + 16);
    // Every step's events are fingerprinted, so each step replayed after a restart was recognised
    // as asking for what it asked before, not merely as reusing a command id.
    expect(transfers.filter((event) => !/^v1:[0-9a-f]{64}$/.test(event.metadata.commandFingerprint ?? ''))).toEqual([]);
    const ofType = (type: string) => crashed.events.filter((event) => event.type === type);
    expect(
      ofType('RestructuringCompleted')
        .map((event) => event.stream)
        .sort(),
    ).toEqual(RESTRUCTURINGS.map(restructuringStreamName).sort());
    expect(ofType('BranchDissolved')).toHaveLength(3);
    expect(ofType('BranchEstablished').filter((event) => event.data.restructuringId === MERGE)).toHaveLength(1);
    expect(ofType('BranchesMerged')).toHaveLength(1);
  }, 120_000);
});
