import type { BranchAssignedToWorkingGroup, ElectionPlanIssued, WorkingGroupFormed } from '@app/domain';
import { stateOf } from '@app/domain/election/election.fixtures';
import { MemoryEventStore } from '@app/event-store';
import { openReadModelDatabase, type ReadModelDatabase } from '../database/read-model-database';
import { tablesOf } from '../projection/projection';
import { ProjectionRunner } from '../projection/projection-runner';
import { electionBoardProjection } from './election-board.projection';
import { ElectionBoardQueries } from './election-board.queries';
import {
  APPROVED,
  appendElection,
  CANCELLED,
  committeeInstalled,
  COMMITTEE_TO_RESULT_APPROVED,
  electionEvents,
  recordedEvent,
  SMALL_TO_OFFICERS_ELECTED,
  SMALL_TO_SLATE_APPROVED,
} from './testing/election-history';

const at = '2023-02-15T01:00:00.000Z';
const CAMPAIGN = 'c-2023';

const plan: ElectionPlanIssued['data'] = {
  campaignId: CAMPAIGN,
  title: '关于离退休干部党支部换届选举工作方案',
  documentNumber: '孝老干字〔2023〕1号',
  requirements: ['按期换届'],
  deadline: '2023-06-30',
  at,
};
const group = (groupId: string, leader: string): WorkingGroupFormed['data'] => ({
  campaignId: CAMPAIGN,
  groupId,
  name: `第${groupId}包联组`,
  leader: { personId: `l-${groupId}`, name: leader },
  at,
});
const assigned = (branchId: string, groupId: string, previousGroupId: string | null = null) =>
  recordedEvent(
    'BranchAssignedToWorkingGroup',
    {
      campaignId: CAMPAIGN,
      branchId,
      groupId,
      previousGroupId,
      at,
    } satisfies BranchAssignedToWorkingGroup['data'],
    at,
  );

async function seed(store: MemoryEventStore): Promise<void> {
  for (const [branchId, name] of [
    ['b-fudong', '府东社区离退休干部党支部'],
    ['b-yongan', '永安社区离退休干部党支部'],
    ['b-sanhuang', '三皇社区离退休干部党支部'],
  ] as const) {
    await store.append(
      `branch-${branchId}`,
      [recordedEvent('BranchEstablished', { branchId, name, parentCommitteeId: 'c1', joint: false, at }, at)],
      { expectedRevision: 'noStream' },
    );
  }
  await store.append(
    `campaign-${CAMPAIGN}`,
    [
      recordedEvent('ElectionPlanIssued', plan, at),
      recordedEvent('WorkingGroupFormed', group('1', '张局长'), at),
      recordedEvent('WorkingGroupFormed', group('2', '李副局长'), at),
      assigned('b-fudong', '1'),
      assigned('b-yongan', '1'),
      assigned('b-yongan', '2', '1'),
    ],
    { expectedRevision: 'noStream' },
  );
  await appendElection(
    store,
    'e-fudong',
    electionEvents(COMMITTEE_TO_RESULT_APPROVED, { electionId: 'e-fudong', branchId: 'b-fudong' }),
  );
  await appendElection(
    store,
    'e-yongan',
    electionEvents(SMALL_TO_SLATE_APPROVED, { electionId: 'e-yongan', branchId: 'b-yongan' }),
  );
  // 三皇 is not assigned in the campaign: its election has no group.
  await appendElection(
    store,
    'e-sanhuang',
    electionEvents(APPROVED, { electionId: 'e-sanhuang', branchId: 'b-sanhuang' }),
  );
}

const dump = (db: ReadModelDatabase) =>
  electionBoardProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());

async function project(store: MemoryEventStore, db: ReadModelDatabase): Promise<void> {
  const runner = new ProjectionRunner(store, db, electionBoardProjection);
  runner.start();
  await runner.caughtUp();
  await runner.stop();
  expect(runner.status()).toMatchObject({ state: 'stopped', error: null });
}

describe('election-board projection', () => {
  let store: MemoryEventStore;
  let db: ReadModelDatabase;
  let board: ElectionBoardQueries;
  beforeEach(async () => {
    store = new MemoryEventStore();
    db = openReadModelDatabase(':memory:');
    await seed(store);
    await project(store, db);
    board = new ElectionBoardQueries(db);
  });
  afterEach(() => db.close());

  it('keeps one row per election with its state, last step, dates, group and next step', () => {
    const page = board.list({}, '2023-05-01', { limit: 10 });
    expect(page.next).toBeNull();
    expect(page.items.map((row) => row.electionId)).toEqual(['e-fudong', 'e-sanhuang', 'e-yongan']);
    const [fudong, sanhuang, yongan] = page.items;
    expect(fudong).toMatchObject({
      branchId: 'b-fudong',
      branchName: '府东社区离退休干部党支部',
      campaignId: CAMPAIGN,
      campaignTitle: plan.title,
      campaignDeadline: '2023-06-30',
      groupId: '1',
      groupName: '第1包联组',
      groupLeaderName: '张局长',
      state: 'resultApproved',
      startedOn: '2023-03-01',
      lastStep: 'ElectionResultApproved',
      lastStepOn: '2023-06-05',
      plannedDate: '2023-05-20',
      dueDate: '2023-06-30',
      approvalReference: '孝离党字〔2023〕5号',
      approvalLapsesOn: '2023-06-18',
      currentTermEnd: '2023-06-30',
      newTermEnd: null,
      nextStep: 'RequestInstallation',
      policyVersion: '2022-10-22',
      overdue: false,
      overdueReasons: [],
    });
    // Reassigned from group 1 to group 2: the board shows where it is now.
    expect(yongan).toMatchObject({
      branchName: '永安社区离退休干部党支部',
      groupId: '2',
      groupLeaderName: '李副局长',
      state: 'slateApproved',
      lastStep: 'CandidateSlateApproved',
      nextStep: 'ConveneMembersAssembly',
      nextStepZh: '召开党员大会进行选举',
      overdue: false,
    });
    expect(sanhuang).toMatchObject({ campaignId: null, groupId: null, state: 'requestApproved', overdue: false });
  });

  it('judges overdue on a date: approval lapsed unused, due date passed before the assembly, campaign deadline', () => {
    const onLapse = board.list({}, '2023-06-18', { limit: 10 }).items;
    expect(onLapse.map((row) => [row.electionId, row.overdueReasons])).toEqual([
      ['e-fudong', []],
      ['e-sanhuang', ['approvalLapse']],
      ['e-yongan', ['approvalLapse']],
    ]);
    const after = board.list({}, '2023-07-01', { limit: 10 }).items;
    expect(after.map((row) => [row.electionId, row.overdueReasons])).toEqual([
      ['e-fudong', []],
      ['e-sanhuang', ['approvalLapse', 'dueDate']],
      ['e-yongan', ['approvalLapse', 'dueDate', 'campaignDeadline']],
    ]);
    expect(board.list({ overdue: true }, '2023-06-01', { limit: 10 }).items).toEqual([]);
    expect(board.list({ overdue: true }, '2023-07-01', { limit: 10 }).items.map((row) => row.electionId)).toEqual([
      'e-sanhuang',
      'e-yongan',
    ]);
    expect(board.list({ overdue: false }, '2023-07-01', { limit: 10 }).items.map((row) => row.electionId)).toEqual([
      'e-fudong',
    ]);
  });

  it('filters by campaign, branch and state, and pages by election id', () => {
    const ids = (filter: Parameters<ElectionBoardQueries['list']>[0]) =>
      board.list(filter, '2023-05-01', { limit: 10 }).items.map((row) => row.electionId);
    expect(ids({ campaignId: CAMPAIGN })).toEqual(['e-fudong', 'e-yongan']);
    expect(ids({ campaignId: 'other' })).toEqual([]);
    expect(ids({ branchId: 'b-yongan' })).toEqual(['e-yongan']);
    expect(ids({ state: 'resultApproved' })).toEqual(['e-fudong']);
    const first = board.list({}, '2023-05-01', { limit: 2 });
    expect(first.next).toBe('e-sanhuang');
    const second = board.list({}, '2023-05-01', { after: first.next!, limit: 2 });
    expect(second).toMatchObject({ next: null, items: [{ electionId: 'e-yongan' }] });
    expect([...board.latestOfCampaign(CAMPAIGN, '2023-05-01').keys()].sort()).toEqual(['b-fudong', 'b-yongan']);
    expect(board.campaigns()).toEqual([
      expect.objectContaining({ campaignId: CAMPAIGN, deadline: '2023-06-30', groups: 2, branches: 2 }),
    ]);
  });

  it('follows the domain state step by step, through installation, cancellation and direct election', async () => {
    const paths = {
      'e-installed': committeeInstalled(),
      'e-cancelled': [...CANCELLED],
      'e-small': [...SMALL_TO_OFFICERS_ELECTED],
    };
    for (const [electionId, commands] of Object.entries(paths)) {
      for (let n = 1; n <= commands.length; n += 1) {
        const events = electionEvents(commands.slice(0, n), { electionId, branchId: 'b-sanhuang' });
        const before =
          events.length - electionEvents(commands.slice(0, n - 1), { electionId, branchId: 'b-sanhuang' }).length;
        await appendElection(store, electionId, events.slice(events.length - before));
        await project(store, db);
        const row = board.election(electionId, '2023-05-01');
        expect([electionId, n, row?.state]).toEqual([electionId, n, stateOf(events).status]);
      }
    }
    expect(board.election('e-installed', '2030-01-01')).toMatchObject({
      state: 'installed',
      newTermStart: expect.any(String),
      newTermEnd: expect.any(String),
      nextStep: null,
      overdue: false,
    });
    expect(board.election('e-cancelled', '2030-01-01')).toMatchObject({
      state: 'cancelled',
      lastStep: 'ElectionCancelled',
      plannedDate: '2023-05-20',
      overdue: false,
    });
    expect(board.election('e-small', '2023-06-10')).toMatchObject({ state: 'resultApproved', dueDate: '2023-06-30' });
  });

  it('applying every event a second time, even in reverse order, changes nothing', async () => {
    const before = dump(db);
    const tables = tablesOf(electionBoardProjection, 1);
    const events = await store.readAll();
    for (const recorded of events) electionBoardProjection.apply(db, recorded, tables);
    for (const recorded of [...events].reverse()) electionBoardProjection.apply(db, recorded, tables);
    expect(dump(db)).toEqual(before);
  });

  it('a rebuild from scratch equals the incrementally kept board', async () => {
    const rebuilt = openReadModelDatabase(':memory:');
    try {
      const runner = new ProjectionRunner(store, rebuilt, electionBoardProjection, { batchSize: 1 });
      runner.start();
      await runner.caughtUp();
      await runner.stop();
      expect(dump(rebuilt)).toEqual(dump(db));
    } finally {
      rebuilt.close();
    }
  });
});
