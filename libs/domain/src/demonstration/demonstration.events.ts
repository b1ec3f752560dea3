import { DomainEvent } from '../shared/decider';
import { ChecklistEvidence, DemonstrationLevel } from './demonstration.commands';

export type DemonstrationCampaignLaunched = DomainEvent<
  'DemonstrationCampaignLaunched',
  {
    readonly campaignId: string;
    readonly title: string;
    readonly year: number;
    readonly standardVersion: string;
    readonly at: string;
  }
>;

export type DemonstrationBranchDesignated = DomainEvent<
  'DemonstrationBranchDesignated',
  { readonly campaignId: string; readonly branchId: string; readonly at: string }
>;

export type ChecklistEvidenceRecorded = DomainEvent<
  'ChecklistEvidenceRecorded',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly itemId: string;
    readonly evidence: ChecklistEvidence;
    readonly at: string;
  }
>;

export type DemonstrationCriterionAssessed = DomainEvent<
  'DemonstrationCriterionAssessed',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly criterionId: string;
    /** null when judged pass/fail only. */
    readonly score: number | null;
    readonly passed: boolean;
    readonly assessedBy: string;
    readonly at: string;
  }
>;

export type DemonstrationBranchApproved = DomainEvent<
  'DemonstrationBranchApproved',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly approvedBy: string;
    readonly documentNumber: string;
    readonly level: DemonstrationLevel;
    readonly year: number;
    readonly at: string;
  }
>;

export type BranchBrandRegistered = DomainEvent<
  'BranchBrandRegistered',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly name: string;
    readonly feature: string;
    readonly story: string;
    /** The brand's name before, when this refines it. */
    readonly previousName: string | null;
    readonly at: string;
  }
>;

export type DemonstrationFundingGranted = DomainEvent<
  'DemonstrationFundingGranted',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly grantId: string;
    readonly amountYuan: number;
    readonly purpose: string;
    readonly at: string;
  }
>;

export type ExchangeVisitRecorded = DomainEvent<
  'ExchangeVisitRecorded',
  {
    readonly campaignId: string;
    readonly visitId: string;
    readonly hostBranchId: string;
    readonly visitingBranchIds: readonly string[];
    readonly visitors: readonly string[];
    readonly learned: string;
    readonly at: string;
  }
>;

export type DemonstrationEvent =
  | DemonstrationCampaignLaunched
  | DemonstrationBranchDesignated
  | ChecklistEvidenceRecorded
  | DemonstrationCriterionAssessed
  | DemonstrationBranchApproved
  | BranchBrandRegistered
  | DemonstrationFundingGranted
  | ExchangeVisitRecorded;
