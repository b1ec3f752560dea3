import { DomainCommand } from '../shared/decider';
import { BranchStatusFact } from '../organisation/organisation-facts';
import { EstablishmentFacts } from '../organisation/establishment-facts';
import { PostHolder } from '../organisation/branch/post';

/** 印发《换届选举工作方案》: the written plan that opens a renewal campaign. */
export type IssueElectionPlan = DomainCommand<
  'IssueElectionPlan',
  {
    readonly campaignId: string;
    readonly title: string;
    /** 文号, e.g. 孝老干字〔2023〕1号. */
    readonly documentNumber: string;
    /** 换届要求、程序步骤、纪律要求: one line per requirement. */
    readonly requirements: readonly string[];
    /** Calendar date by which every branch should have completed its election. */
    readonly deadline: string;
  }
>;

/** 换届工作领导小组, led by a bureau leader (班子成员为组长). */
export type FormWorkingGroup = DomainCommand<
  'FormWorkingGroup',
  { readonly campaignId: string; readonly groupId: string; readonly name: string; readonly leader: PostHolder }
>;

/**
 * 包联: a branch is assigned to one working group. A branch already in another group moves only
 * when `reassign` says so, so a second assignment is never a silent move.
 */
export type AssignBranchToWorkingGroup = DomainCommand<
  'AssignBranchToWorkingGroup',
  {
    readonly campaignId: string;
    readonly branchId: string;
    readonly groupId: string;
    readonly reassign?: boolean;
    readonly context: { readonly branchStatus: BranchStatusFact; readonly established: EstablishmentFacts };
  }
>;

export type CampaignCommand = IssueElectionPlan | FormWorkingGroup | AssignBranchToWorkingGroup;
