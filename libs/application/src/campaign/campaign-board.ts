import { campaignDecider, campaignStreamName, type ActiveCampaign, type PostHolder } from '@app/domain';
import type { EventStore } from '@app/event-store';
import {
  electionBoardProjection,
  type ElectionBoardEntry,
  type ElectionBoardQueries,
  type OverdueReason,
} from '@app/read-models';
import { loadStateWithRevision } from '../command-handling/load-stream';
import type { ReadModelFreshness } from '../read-models/read-model-freshness';

/** One assigned branch on a campaign's progress board (换届进度). */
export interface CampaignBoardRow {
  readonly branchId: string;
  readonly branchName: string | null;
  readonly groupId: string;
  readonly groupName: string;
  readonly groupLeader: PostHolder;
  /** The branch's latest election, or null when its census has not been taken yet. */
  readonly electionId: string | null;
  /** The election's state, or `notStarted`. */
  readonly state: string;
  readonly lastStep: string | null;
  readonly lastStepAt: string | null;
  readonly nextStep: string | null;
  readonly nextStepZh: string;
  readonly nextStepEn: string;
  readonly plannedDate: string | null;
  readonly dueDate: string | null;
  readonly approvalLapsesOn: string | null;
  readonly currentTermEnd: string | null;
  readonly newTermEnd: string | null;
  readonly overdue: boolean;
  readonly overdueReasons: readonly OverdueReason[];
}

export interface CampaignBoard {
  /** The day overdue is judged on. */
  readonly asOf: string;
  readonly deadline: string;
  readonly branches: number;
  readonly overdue: number;
  /** Assigned branches by election state (`notStarted` for those without an election). */
  readonly byState: Readonly<Record<string, number>>;
  readonly rows: readonly CampaignBoardRow[];
}

export type CampaignView = ActiveCampaign & { readonly revision: number; readonly board: CampaignBoard };

/**
 * A campaign as its stream says (plan, groups, assignments: strongly consistent) with its
 * progress board: each assigned branch's latest election from the election board read model,
 * read after it has caught up with the store.
 */
export class CampaignQueries {
  constructor(
    private readonly store: EventStore,
    private readonly board: ElectionBoardQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  /** `withinBranches`: a committee-scoped caller's branches, the only ones their board shows. */
  async campaign(
    campaignId: string,
    today: string,
    withinBranches: ReadonlySet<string> | null = null,
  ): Promise<CampaignView | null> {
    const loaded = await loadStateWithRevision(this.store, campaignDecider, campaignStreamName(campaignId));
    const { revision } = loaded;
    if (loaded.state.status !== 'active' || revision === null) return null;
    const state = withinBranches === null ? loaded.state : onlyBranches(loaded.state, withinBranches);
    await this.freshness.waitForHead(electionBoardProjection.name);
    const elections = this.board.latestOfCampaign(campaignId, today);
    const branchIds = Object.keys(state.assignments);
    const names = this.board.branchNames(branchIds);
    const rows = branchIds
      .map((branchId) => {
        const group = state.groups.find((candidate) => candidate.groupId === state.assignments[branchId]);
        return rowOf(branchId, names.get(branchId) ?? null, group, elections.get(branchId), state.plan.deadline, today);
      })
      // By group in the order they were formed, then in the order the branches were assigned.
      .map((row, index) => ({ row, index, group: state.groups.findIndex((g) => g.groupId === row.groupId) }))
      .sort((a, b) => a.group - b.group || a.index - b.index)
      .map(({ row }) => row);
    const byState: Record<string, number> = {};
    for (const row of rows) byState[row.state] = (byState[row.state] ?? 0) + 1;
    return {
      ...state,
      revision,
      board: {
        asOf: today,
        deadline: state.plan.deadline,
        branches: rows.length,
        overdue: rows.filter((row) => row.overdue).length,
        byState,
        rows,
      },
    };
  }
}

/** The campaign as a caller who sees only `branches` sees it: the plan and groups, their assignments. */
function onlyBranches(state: ActiveCampaign, branches: ReadonlySet<string>): ActiveCampaign {
  const assignments = Object.fromEntries(
    Object.entries(state.assignments).filter(([branchId]) => branches.has(branchId)),
  );
  return { ...state, assignments };
}

function rowOf(
  branchId: string,
  branchName: string | null,
  group: ActiveCampaign['groups'][number] | undefined,
  election: ElectionBoardEntry | undefined,
  deadline: string,
  today: string,
): CampaignBoardRow {
  const base = {
    branchId,
    branchName: election?.branchName ?? branchName,
    groupId: group?.groupId ?? '',
    groupName: group?.name ?? '',
    groupLeader: group?.leader ?? { personId: '', name: '' },
  };
  if (election === undefined) {
    const reasons: OverdueReason[] = deadline < today ? ['campaignDeadline'] : [];
    return {
      ...base,
      electionId: null,
      state: 'notStarted',
      lastStep: null,
      lastStepAt: null,
      nextStep: 'TakeCensus',
      nextStepZh: '开展摸排',
      nextStepEn: 'Take the census (摸排)',
      plannedDate: null,
      dueDate: null,
      approvalLapsesOn: null,
      currentTermEnd: null,
      newTermEnd: null,
      overdue: reasons.length > 0,
      overdueReasons: reasons,
    };
  }
  return {
    ...base,
    electionId: election.electionId,
    state: election.state,
    lastStep: election.lastStep,
    lastStepAt: election.lastStepAt,
    nextStep: election.nextStep,
    nextStepZh: election.nextStepZh,
    nextStepEn: election.nextStepEn,
    plannedDate: election.plannedDate,
    dueDate: election.dueDate,
    approvalLapsesOn: election.approvalLapsesOn,
    currentTermEnd: election.currentTermEnd,
    newTermEnd: election.newTermEnd,
    overdue: election.overdue,
    overdueReasons: election.overdueReasons,
  };
}
