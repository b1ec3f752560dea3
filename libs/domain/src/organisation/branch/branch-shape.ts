import { RulePolicy } from '../../policy/rule-policy';
import { MemberCounts } from '../organisation-facts';

/** The shape flags of RULES Workflow A.2, judged under one policy version. */
export interface BranchShape {
  /** Fewer full members than the minimum: cannot stay a branch (go to restructuring). */
  readonly belowMinimum: boolean;
  /** Enough full members that a committee is required. */
  readonly committeeRequired: boolean;
  /** A committee is required and none exists: an election (or early election) is due. */
  readonly electionRequired: boolean;
  /** More members than usual: a warning, never a refusal. */
  readonly overSize: boolean;
  readonly policyVersion: string;
}

/**
 * Pure, so read models compute the same flags the domain records. Only full members count toward
 * the minimum and the committee threshold (§2.2); the size warning counts every member (§2.1).
 */
export function branchShape(counts: MemberCounts, hasCommittee: boolean, policy: RulePolicy): BranchShape {
  const committeeRequired = counts.full >= policy.committeeRequiredFromFullMembers;
  return {
    belowMinimum: counts.full < policy.minFullMembersForBranch,
    committeeRequired,
    electionRequired: committeeRequired && !hasCommittee,
    overSize: counts.full + counts.probationary > policy.memberWarningAbove,
    policyVersion: policy.version,
  };
}
