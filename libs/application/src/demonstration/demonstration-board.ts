import {
  demonstrationDecider,
  demonstrationStreamName,
  missingChecklistItems,
  standardOf,
  unmetCriteria,
  type ActiveDemonstration,
  type BranchBrand,
  type ChecklistEvidence,
  type ChecklistGroup,
  type DemonstrationApproval,
  type ExchangeVisit,
  type FundingGrant,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { loadStateWithRevision } from '../command-handling/load-stream';
import type { OrganisationFacts } from '../organisation/organisation-facts';

export interface ChecklistItemStatus {
  readonly itemId: string;
  readonly zh: string;
  readonly en: string;
  readonly group: ChecklistGroup;
  readonly evidence: (ChecklistEvidence & { readonly at: string }) | null;
}

export interface CriterionStatus {
  readonly criterionId: string;
  readonly zh: string;
  readonly en: string;
  /** null until assessed. */
  readonly passed: boolean | null;
  readonly score: number | null;
  readonly assessedBy: string | null;
}

/** One demonstration branch on the board: its checklist, its 六好, and what it has been granted. */
export interface DemonstrationBoardBranch {
  readonly branchId: string;
  readonly branchName: string | null;
  readonly designatedAt: string;
  readonly checklistDone: number;
  readonly checklistTotal: number;
  /** The items still without evidence, by id, in the standard's order. */
  readonly missingItems: readonly string[];
  readonly checklist: readonly ChecklistItemStatus[];
  readonly criteriaMet: number;
  readonly criteriaTotal: number;
  readonly criteria: readonly CriterionStatus[];
  /** Every item evidenced and every criterion met: the superior may approve. */
  readonly readyForApproval: boolean;
  readonly approval: DemonstrationApproval | null;
  readonly brand: BranchBrand | null;
  readonly fundingYuan: number;
  readonly funding: readonly FundingGrant[];
  readonly visitsHosted: number;
  readonly visitsMade: number;
}

export interface DemonstrationView {
  readonly campaignId: string;
  readonly title: string;
  readonly year: number;
  readonly standardVersion: string;
  readonly standardSource: string;
  readonly passingScore: number;
  readonly launchedAt: string;
  readonly revision: number;
  readonly branches: number;
  readonly approved: number;
  readonly checklistComplete: number;
  readonly fundingYuan: number;
  readonly board: readonly DemonstrationBoardBranch[];
  readonly visits: readonly ExchangeVisit[];
}

/** One cell of the board as a flat row, for CSV and the workbook. */
export interface DemonstrationBoardRow {
  readonly branchId: string;
  readonly branchName: string;
  readonly part: 'checklist' | 'criterion';
  readonly id: string;
  readonly name: string;
  readonly status: 'evidenced' | 'missing' | 'met' | 'notMet' | 'notAssessed';
  readonly statusZh: string;
  /** The evidence's reference, or the score. */
  readonly detail: string;
  readonly checkedOn: string | null;
  readonly checkedBy: string | null;
  readonly approved: boolean;
}

/**
 * A demonstration campaign as its stream says (strongly consistent), with branch names read
 * from the branches' own streams: the board administrators follow the creation on.
 */
export class DemonstrationQueries {
  constructor(
    private readonly store: EventStore,
    private readonly facts: OrganisationFacts,
  ) {}

  /** `withinBranches`: a committee-scoped caller's branches, the only ones their board shows. */
  async campaign(
    campaignId: string,
    withinBranches: ReadonlySet<string> | null = null,
  ): Promise<DemonstrationView | null> {
    const loaded = await loadStateWithRevision(this.store, demonstrationDecider, demonstrationStreamName(campaignId));
    if (loaded.state.status !== 'active' || loaded.revision === null) return null;
    const state = loaded.state;
    const names = await this.branchNames(state);
    const board = state.branches
      .filter((branch) => withinBranches === null || withinBranches.has(branch.branchId))
      .map((branch) => boardBranch(state, branch, names.get(branch.branchId) ?? null));
    return {
      campaignId: state.campaignId,
      title: state.title,
      year: state.year,
      standardVersion: state.standardVersion,
      standardSource: standardOf(state).source,
      passingScore: standardOf(state).passingScore,
      launchedAt: state.launchedAt,
      revision: loaded.revision,
      branches: board.length,
      approved: board.filter((row) => row.approval !== null).length,
      checklistComplete: board.filter((row) => row.missingItems.length === 0).length,
      fundingYuan: board.reduce((total, row) => total + row.fundingYuan, 0),
      board,
      visits: state.visits,
    };
  }

  private async branchNames(state: ActiveDemonstration): Promise<Map<string, string>> {
    const ids = [
      ...new Set([...state.branches.map((b) => b.branchId), ...state.visits.flatMap((v) => v.visitingBranchIds)]),
    ];
    const states = await Promise.all(ids.map((id) => this.facts.branch(id)));
    return new Map(
      ids.flatMap((id, index) => {
        const branch = states[index];
        return branch !== undefined && branch.status !== 'none' ? [[id, branch.name] as const] : [];
      }),
    );
  }
}

function boardBranch(
  state: ActiveDemonstration,
  branch: ActiveDemonstration['branches'][number],
  branchName: string | null,
): DemonstrationBoardBranch {
  const standard = standardOf(state);
  const missing = missingChecklistItems(standard, branch);
  const unmet = unmetCriteria(standard, branch);
  return {
    branchId: branch.branchId,
    branchName,
    designatedAt: branch.designatedAt,
    checklistDone: standard.checklist.length - missing.length,
    checklistTotal: standard.checklist.length,
    missingItems: missing.map((item) => item.id),
    checklist: standard.checklist.map((item) => ({
      itemId: item.id,
      zh: item.zh,
      en: item.en,
      group: item.group,
      evidence: branch.evidence[item.id] ?? null,
    })),
    criteriaMet: standard.criteria.length - unmet.length,
    criteriaTotal: standard.criteria.length,
    criteria: standard.criteria.map((criterion) => {
      const assessment = branch.assessments[criterion.id];
      return {
        criterionId: criterion.id,
        zh: criterion.zh,
        en: criterion.en,
        passed: assessment?.passed ?? null,
        score: assessment?.score ?? null,
        assessedBy: assessment?.assessedBy ?? null,
      };
    }),
    readyForApproval: missing.length === 0 && unmet.length === 0,
    approval: branch.approval,
    brand: branch.brand,
    fundingYuan: branch.funding.reduce((total, grant) => total + grant.amountYuan, 0),
    funding: branch.funding,
    visitsHosted: state.visits.filter((visit) => visit.hostBranchId === branch.branchId).length,
    visitsMade: state.visits.filter((visit) => visit.visitingBranchIds.includes(branch.branchId)).length,
  };
}

const STATUS_ZH: Record<DemonstrationBoardRow['status'], string> = {
  evidenced: '已有材料',
  missing: '缺材料',
  met: '达标',
  notMet: '未达标',
  notAssessed: '未评定',
};

/** The board as rows: each branch's 13 checklist items, then its 六好. */
export function demonstrationBoardRows(view: DemonstrationView): DemonstrationBoardRow[] {
  return view.board.flatMap((branch) => {
    const base = {
      branchId: branch.branchId,
      branchName: branch.branchName ?? branch.branchId,
      approved: branch.approval !== null,
    };
    const items = branch.checklist.map((item): DemonstrationBoardRow => {
      const status = item.evidence === null ? 'missing' : 'evidenced';
      return {
        ...base,
        part: 'checklist',
        id: item.itemId,
        name: item.zh,
        status,
        statusZh: STATUS_ZH[status],
        detail:
          item.evidence === null
            ? ''
            : `${item.evidence.kind === 'photo' ? '照片' : '文件'} ${item.evidence.reference}`,
        checkedOn: item.evidence?.checkedOn ?? null,
        checkedBy: item.evidence?.checkedBy ?? null,
      };
    });
    const criteria = branch.criteria.map((criterion): DemonstrationBoardRow => {
      const status = criterion.passed === null ? 'notAssessed' : criterion.passed ? 'met' : 'notMet';
      return {
        ...base,
        part: 'criterion',
        id: criterion.criterionId,
        name: criterion.zh,
        status,
        statusZh: STATUS_ZH[status],
        detail: criterion.score === null ? '' : String(criterion.score),
        checkedOn: null,
        checkedBy: criterion.assessedBy,
      };
    });
    return [...items, ...criteria];
  });
}
