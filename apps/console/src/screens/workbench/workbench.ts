import dayjs from 'dayjs';
import type { components } from '../../api/schema';
import type { BoardState, ElectionStatus } from '../../format/status-labels';

export type BoardEntry = components['schemas']['ElectionBoardEntryDto'];
export type Campaign = components['schemas']['CampaignViewDto'];

/** An approval (批复) counts as about to lapse this many days ahead (the rule lets it run 90). */
export const LAPSE_WARNING_DAYS = 30;

/** Statuses before the members' assembly: the election is still due, not held. */
const BEFORE_ASSEMBLY: readonly ElectionStatus[] = [
  'censusTaken',
  'requested',
  'requestApproved',
  'slateSubmitted',
  'slateApproved',
  'approvalLapsed',
];

/** Statuses whose approval (批复) is still unused and can lapse (the domain's `hasUnusedApproval`). */
const UNUSED_APPROVAL: readonly ElectionStatus[] = ['requestApproved', 'slateSubmitted', 'slateApproved'];

/** Waiting for the superior: the request (请示), the slate (预备人选) or the result (结果) is with them. */
const AWAITING_SUPERIOR: readonly ElectionStatus[] = ['requested', 'slateSubmitted', 'resultReported'];

const CLOSED: readonly ElectionStatus[] = ['installed', 'cancelled'];

/**
 * A branch whose election is due on `due`: its open election before the assembly (`open`: the
 * due date the census set, or a postponement or advance moved), or, when its latest election is
 * installed and none has begun since, the end of the term that election installed (`nextTerm`).
 */
export interface DueElection {
  readonly entry: BoardEntry;
  readonly due: string;
  readonly kind: 'open' | 'nextTerm';
}

/** An overdue election: the API's reasons, or a term that ended with no election begun (`termEnded`). */
export interface OverdueElection {
  readonly entry: BoardEntry;
  readonly reasons: readonly (BoardEntry['overdueReasons'][number] | 'termEnded')[];
}

export interface ElectionWork {
  /** Due within three months of the day (that day included). */
  readonly withinThreeMonths: readonly DueElection[];
  /** Due after three and within six months. */
  readonly withinSixMonths: readonly DueElection[];
  readonly overdue: readonly OverdueElection[];
  /** A request, slate or result with the superior. */
  readonly awaitingApproval: readonly BoardEntry[];
  /** An unused approval lapsing within LAPSE_WARNING_DAYS after the day. */
  readonly approvalsLapsing: readonly BoardEntry[];
}

const is = (states: readonly string[], state: string): boolean => states.includes(state);

/** The elections a branch's due date is judged on: its open ones, or else its latest installed. */
function dueElections(entries: readonly BoardEntry[]): DueElection[] {
  const byBranch = new Map<string, BoardEntry[]>();
  for (const entry of entries) byBranch.set(entry.branchId, [...(byBranch.get(entry.branchId) ?? []), entry]);
  const due: DueElection[] = [];
  for (const elections of byBranch.values()) {
    const open = elections.filter((entry) => !is(CLOSED, entry.state));
    if (open.length > 0) {
      for (const entry of open) {
        if (is(BEFORE_ASSEMBLY, entry.state) && entry.dueDate !== null) {
          due.push({ entry, due: entry.dueDate, kind: 'open' });
        }
      }
      continue;
    }
    const latest = elections
      .filter((entry) => entry.state === 'installed' && entry.newTermEnd !== null)
      .sort((a, b) => (b.newTermEnd ?? '').localeCompare(a.newTermEnd ?? ''))[0];
    if (latest?.newTermEnd) due.push({ entry: latest, due: latest.newTermEnd, kind: 'nextTerm' });
  }
  return due;
}

const byDate =
  <T>(date: (item: T) => string | null) =>
  (a: T, b: T): number =>
    (date(a) ?? '').localeCompare(date(b) ?? '');

/**
 * What the 工作台 lists of the election board (GET /elections, judged on `asOf`): elections due
 * within three and within six months, those overdue, those waiting for the superior, and unused
 * approvals about to lapse. Overdue is the API's judgement, plus one the API does not make: a
 * branch whose installed term has ended with no new election begun.
 */
export function electionWork(entries: readonly BoardEntry[], asOf: string): ElectionWork {
  const day = dayjs(asOf);
  const threeMonths = day.add(3, 'month').format('YYYY-MM-DD');
  const sixMonths = day.add(6, 'month').format('YYYY-MM-DD');
  const lapseHorizon = day.add(LAPSE_WARNING_DAYS, 'day').format('YYYY-MM-DD');

  const due = dueElections(entries).sort(byDate((item) => item.due));
  const termEnded = due.filter((item) => item.kind === 'nextTerm' && item.due < asOf);
  const overdue: OverdueElection[] = [
    ...entries.filter((entry) => entry.overdue).map((entry) => ({ entry, reasons: entry.overdueReasons })),
    ...termEnded.map((item) => ({ entry: item.entry, reasons: ['termEnded' as const] })),
  ];
  return {
    withinThreeMonths: due.filter((item) => item.due >= asOf && item.due <= threeMonths),
    withinSixMonths: due.filter((item) => item.due > threeMonths && item.due <= sixMonths),
    overdue: overdue.sort(byDate((item) => item.entry.dueDate ?? item.entry.newTermEnd)),
    awaitingApproval: entries
      .filter((entry) => is(AWAITING_SUPERIOR, entry.state))
      .sort(byDate((entry) => entry.lastStepOn)),
    approvalsLapsing: entries
      .filter(
        (entry) =>
          is(UNUSED_APPROVAL, entry.state) &&
          entry.approvalLapsesOn !== null &&
          entry.approvalLapsesOn > asOf &&
          entry.approvalLapsesOn <= lapseHorizon,
      )
      .sort(byDate((entry) => entry.approvalLapsesOn)),
  };
}

/** What the superior holds, in the words of the step that is waiting. */
export function awaitingWhat(state: ElectionStatus): string {
  switch (state) {
    case 'requested':
      return '换届请示待批复';
    case 'slateSubmitted':
      return '候选人预备人选待审查';
    case 'resultReported':
      return '选举结果待批准';
    default:
      return '';
  }
}

/** One working group's progress in a campaign: branches 包联 to it, begun (census taken), installed. */
export interface GroupProgress {
  readonly groupId: string;
  readonly name: string;
  readonly leader: string;
  readonly assigned: number;
  readonly started: number;
  readonly installed: number;
  readonly overdue: number;
}

const NOT_BEGUN: readonly BoardState[] = ['notStarted', 'cancelled'];

/** Per working group, in the order the campaign formed them, from the campaign's board. */
export function groupProgress(campaign: Campaign): GroupProgress[] {
  return campaign.groups.map((group) => {
    const rows = campaign.board.rows.filter((row) => row.groupId === group.groupId);
    return {
      groupId: group.groupId,
      name: group.name,
      leader: group.leader.name,
      assigned: rows.length,
      started: rows.filter((row) => !is(NOT_BEGUN, row.state)).length,
      installed: rows.filter((row) => row.state === 'installed').length,
      overdue: rows.filter((row) => row.overdue).length,
    };
  });
}
