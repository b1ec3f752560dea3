import { describe, expect, it } from '@jest/globals';
import { electionWork, groupProgress, type BoardEntry, type Campaign } from './workbench';

const entry = (over: Partial<BoardEntry> & Pick<BoardEntry, 'electionId' | 'branchId' | 'state'>): BoardEntry => ({
  branchName: `支部${over.branchId}`,
  campaignId: null,
  campaignTitle: null,
  campaignDeadline: null,
  groupId: null,
  groupName: null,
  groupLeaderName: null,
  startedOn: '2023-01-10',
  lastStep: 'CensusTaken',
  lastStepAt: '2023-01-10T00:00:00.000Z',
  lastStepOn: '2023-01-10',
  plannedDate: null,
  dueDate: null,
  approvalReference: null,
  approvalLapsesOn: null,
  currentTermEnd: null,
  newTermStart: null,
  newTermEnd: null,
  nextStep: null,
  nextStepZh: '',
  nextStepEn: '',
  policyVersion: null,
  overdue: false,
  overdueReasons: [],
  ...over,
});

const ids = (items: readonly { entry: BoardEntry }[]) => items.map((item) => item.entry.electionId);

describe('the 工作台 judged on a day', () => {
  const asOf = '2023-04-15';

  it('lists open elections by their due date: within three months, within six, and the API’s overdue', () => {
    const work = electionWork(
      [
        entry({ electionId: 'e1', branchId: 'b1', state: 'requested', dueDate: '2023-06-30' }),
        entry({ electionId: 'e2', branchId: 'b2', state: 'censusTaken', dueDate: '2023-09-30' }),
        entry({ electionId: 'e3', branchId: 'b3', state: 'censusTaken', dueDate: '2023-12-31' }),
        entry({
          electionId: 'e4',
          branchId: 'b4',
          state: 'censusTaken',
          dueDate: '2023-03-31',
          overdue: true,
          overdueReasons: ['dueDate'],
        }),
        // Held already: no longer due, whatever its date.
        entry({ electionId: 'e5', branchId: 'b5', state: 'resultReported', dueDate: '2023-05-01' }),
        // Exactly three months ahead is within three.
        entry({ electionId: 'e6', branchId: 'b6', state: 'censusTaken', dueDate: '2023-07-15' }),
      ],
      asOf,
    );
    expect(ids(work.withinThreeMonths)).toEqual(['e1', 'e6']);
    expect(ids(work.withinSixMonths)).toEqual(['e2']);
    expect(ids(work.overdue)).toEqual(['e4']);
    expect(work.overdue[0]!.reasons).toEqual(['dueDate']);
    expect(work.awaitingApproval.map((e) => e.electionId)).toEqual(['e1', 'e5']);
  });

  it('counts an installed term’s end when no election has begun since, and an ended one as overdue', () => {
    const work = electionWork(
      [
        entry({ electionId: 'old', branchId: 'b1', state: 'installed', newTermEnd: '2020-06-30' }),
        entry({ electionId: 'new', branchId: 'b1', state: 'installed', newTermEnd: '2023-06-30' }),
        entry({ electionId: 'ended', branchId: 'b2', state: 'installed', newTermEnd: '2023-04-01' }),
        // b3 has begun its next election: the installed term no longer counts, the open one does.
        entry({ electionId: 'done', branchId: 'b3', state: 'installed', newTermEnd: '2023-05-01' }),
        entry({ electionId: 'next', branchId: 'b3', state: 'censusTaken', dueDate: '2023-05-01' }),
      ],
      asOf,
    );
    expect(work.withinThreeMonths.map((item) => [item.entry.electionId, item.kind])).toEqual([
      ['next', 'open'],
      ['new', 'nextTerm'],
    ]);
    expect(work.overdue.map((item) => [item.entry.electionId, item.reasons])).toEqual([['ended', ['termEnded']]]);
  });

  it('warns of unused approvals lapsing within 30 days, not of lapsed or used ones', () => {
    const work = electionWork(
      [
        entry({ electionId: 'soon', branchId: 'b1', state: 'requestApproved', approvalLapsesOn: '2023-04-20' }),
        entry({ electionId: 'later', branchId: 'b2', state: 'slateApproved', approvalLapsesOn: '2023-06-01' }),
        entry({ electionId: 'today', branchId: 'b3', state: 'requestApproved', approvalLapsesOn: '2023-04-15' }),
        entry({ electionId: 'used', branchId: 'b4', state: 'assemblyOpen', approvalLapsesOn: '2023-04-20' }),
      ],
      asOf,
    );
    expect(work.approvalsLapsing.map((e) => e.electionId)).toEqual(['soon']);
  });
});

describe('a campaign’s progress per working group', () => {
  it('counts the branches 包联 to each group, those begun and those installed', () => {
    const leader = { personId: 'p', name: '张组长' };
    const row = (groupId: string, state: Campaign['board']['rows'][number]['state'], overdue = false) => ({
      branchId: `${groupId}-${state}`,
      branchName: null,
      groupId,
      groupName: '',
      groupLeader: leader,
      electionId: null,
      state,
      lastStep: null,
      lastStepAt: null,
      nextStep: null,
      nextStepZh: '',
      nextStepEn: '',
      plannedDate: null,
      dueDate: null,
      approvalLapsesOn: null,
      currentTermEnd: null,
      newTermEnd: null,
      overdue,
      overdueReasons: [],
    });
    const campaign: Campaign = {
      status: 'active',
      campaignId: 'c',
      plan: { title: '', documentNumber: '', requirements: [], deadline: '2023-06-30', issuedAt: '' },
      groups: [
        { groupId: 'g1', name: '第一组', leader },
        { groupId: 'g2', name: '第二组', leader },
      ],
      assignments: {},
      revision: 0,
      board: {
        asOf: '2023-04-15',
        deadline: '2023-06-30',
        branches: 4,
        overdue: 1,
        byState: {},
        rows: [row('g1', 'installed'), row('g1', 'requested', true), row('g1', 'notStarted'), row('g2', 'cancelled')],
      },
    };
    expect(groupProgress(campaign)).toEqual([
      { groupId: 'g1', name: '第一组', leader: '张组长', assigned: 3, started: 2, installed: 1, overdue: 1 },
      { groupId: 'g2', name: '第二组', leader: '张组长', assigned: 1, started: 0, installed: 0, overdue: 0 },
    ]);
  });
});
