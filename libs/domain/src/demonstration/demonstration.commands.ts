import { DomainCommand } from '../shared/decider';
import { BranchStatusFact } from '../organisation/organisation-facts';
import { EstablishmentFacts } from '../organisation/establishment-facts';

/** 示范党支部创建: a year's demonstration campaign, judged on one version of the standard. */
export type LaunchDemonstrationCampaign = DomainCommand<
  'LaunchDemonstrationCampaign',
  {
    readonly campaignId: string;
    readonly title: string;
    readonly year: number;
    /** The standard's version (DEMONSTRATION_STANDARDS); the current one when left out. */
    readonly standardVersion?: string;
  }
>;

/** 确定示范创建支部: an open branch is chosen for the campaign. */
export type DesignateDemonstrationBranch = DomainCommand<
  'DesignateDemonstrationBranch',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly context: { readonly branchStatus: BranchStatusFact; readonly established: EstablishmentFacts };
  }
>;

export type EvidenceKind = 'document' | 'photo';

/** What shows a checklist item is in place, and who checked it when. */
export interface ChecklistEvidence {
  readonly kind: EvidenceKind;
  /** The document's 文号 or file name, or the photo's reference. */
  readonly reference: string;
  readonly checkedOn: string;
  readonly checkedBy: string;
}

/** One item of 一场所八个有四清楚 is in place at the branch. A later record replaces the earlier. */
export type RecordChecklistEvidence = DomainCommand<
  'RecordChecklistEvidence',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly itemId: string;
    readonly evidence: ChecklistEvidence;
  }
>;

/** One 六好 criterion judged for the branch: a score out of 100, or pass/fail. */
export type AssessDemonstrationCriterion = DomainCommand<
  'AssessDemonstrationCriterion',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly criterionId: string;
    readonly score?: number;
    readonly passed?: boolean;
    readonly assessedBy: string;
  }
>;

export type DemonstrationLevel = 'county' | 'city';

/** The superior names the branch a 示范党支部: only with every item evidenced and every criterion met. */
export type ApproveDemonstrationBranch = DomainCommand<
  'ApproveDemonstrationBranch',
  {
    readonly campaignId: string;
    readonly branchId: string;
    /** The superior organisation that recognises it. */
    readonly approvedBy: string;
    readonly documentNumber: string;
    readonly level: DemonstrationLevel;
  }
>;

/** 一支部一品牌: the branch's brand, its feature and its story. A new record refines the brand. */
export type RegisterBranchBrand = DomainCommand<
  'RegisterBranchBrand',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly name: string;
    readonly feature: string;
    readonly story: string;
  }
>;

/** 加大经费投入: money granted to a demonstration branch, in whole yuan, for a purpose. */
export type GrantDemonstrationFunding = DomainCommand<
  'GrantDemonstrationFunding',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly grantId: string;
    readonly amountYuan: number;
    readonly purpose: string;
  }
>;

/** 党支部书记实地交流学习: secretaries of other branches visit a demonstration branch. */
export type RecordExchangeVisit = DomainCommand<
  'RecordExchangeVisit',
  {
    readonly campaignId: string;
    readonly visitId: string;
    readonly hostBranchId: string;
    readonly visitingBranchIds: readonly string[];
    /** Who came (names of the visiting secretaries and others). */
    readonly visitors: readonly string[];
    readonly learned: string;
    readonly context: { readonly branchStatuses: Readonly<Record<string, BranchStatusFact>> };
  }
>;

export type DemonstrationCommand =
  | LaunchDemonstrationCampaign
  | DesignateDemonstrationBranch
  | RecordChecklistEvidence
  | AssessDemonstrationCriterion
  | ApproveDemonstrationBranch
  | RegisterBranchBrand
  | GrantDemonstrationFunding
  | RecordExchangeVisit;
