import { ChecklistEvidence, DemonstrationLevel } from './demonstration.commands';
import { DemonstrationStandard, demonstrationStandard } from './demonstration-standard';

export interface CriterionAssessment {
  readonly score: number | null;
  readonly passed: boolean;
  readonly assessedBy: string;
  readonly at: string;
}

export interface DemonstrationApproval {
  readonly approvedBy: string;
  readonly documentNumber: string;
  readonly level: DemonstrationLevel;
  readonly year: number;
  readonly at: string;
}

export interface BranchBrand {
  readonly name: string;
  readonly feature: string;
  readonly story: string;
  readonly at: string;
}

export interface FundingGrant {
  readonly grantId: string;
  readonly amountYuan: number;
  readonly purpose: string;
  readonly at: string;
}

export interface DemonstrationBranch {
  readonly branchId: string;
  readonly designatedAt: string;
  /** itemId → the latest evidence. */
  readonly evidence: Readonly<Record<string, ChecklistEvidence & { readonly at: string }>>;
  /** criterionId → the latest assessment. */
  readonly assessments: Readonly<Record<string, CriterionAssessment>>;
  readonly approval: DemonstrationApproval | null;
  readonly brand: BranchBrand | null;
  readonly funding: readonly FundingGrant[];
}

export interface ExchangeVisit {
  readonly visitId: string;
  readonly hostBranchId: string;
  readonly visitingBranchIds: readonly string[];
  readonly visitors: readonly string[];
  readonly learned: string;
  readonly at: string;
}

export type DemonstrationState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly campaignId: string;
      readonly title: string;
      readonly year: number;
      readonly standardVersion: string;
      readonly launchedAt: string;
      /** In the order they were designated. */
      readonly branches: readonly DemonstrationBranch[];
      readonly visits: readonly ExchangeVisit[];
    };

export type ActiveDemonstration = Extract<DemonstrationState, { status: 'active' }>;

/** The standard the campaign was launched under (it was checked to exist then). */
export function standardOf(state: ActiveDemonstration): DemonstrationStandard {
  const standard = demonstrationStandard(state.standardVersion);
  if (standard === undefined) throw new Error(`Unknown demonstration standard ${state.standardVersion}`);
  return standard;
}

/** The checklist items without evidence yet, in the standard's order. */
export function missingChecklistItems(
  standard: DemonstrationStandard,
  branch: DemonstrationBranch,
): DemonstrationStandard['checklist'] {
  return standard.checklist.filter((item) => branch.evidence[item.id] === undefined);
}

/** The 六好 criteria not assessed yet, or assessed as not met. */
export function unmetCriteria(
  standard: DemonstrationStandard,
  branch: DemonstrationBranch,
): DemonstrationStandard['criteria'] {
  return standard.criteria.filter((criterion) => branch.assessments[criterion.id]?.passed !== true);
}
