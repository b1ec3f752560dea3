import { DomainEvent } from '../shared/decider';
import { PostHolder } from '../organisation/branch/post';

export type ElectionPlanIssued = DomainEvent<
  'ElectionPlanIssued',
  {
    readonly campaignId: string;
    readonly title: string;
    readonly documentNumber: string;
    readonly requirements: readonly string[];
    readonly deadline: string;
    readonly at: string;
  }
>;

export type WorkingGroupFormed = DomainEvent<
  'WorkingGroupFormed',
  {
    readonly campaignId: string;
    readonly groupId: string;
    readonly name: string;
    readonly leader: PostHolder;
    readonly at: string;
  }
>;

export type BranchAssignedToWorkingGroup = DomainEvent<
  'BranchAssignedToWorkingGroup',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly groupId: string;
    /** The group the branch left, when this is an explicit reassignment. */
    readonly previousGroupId: string | null;
    readonly at: string;
  }
>;

export type CampaignEvent = ElectionPlanIssued | WorkingGroupFormed | BranchAssignedToWorkingGroup;
