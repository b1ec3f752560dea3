/**
 * The answer of GET /org/tree, as the API's read model builds it. The OpenAPI document does not
 * describe read answers yet; once it does, these types come from the generated schema instead.
 */
export interface HeldPost {
  readonly postId: string;
  readonly kind: string;
  readonly duty: string | null;
  readonly source: string;
  readonly holder: { readonly personId: string; readonly name: string };
  readonly startDate: string;
}

export interface BranchShape {
  readonly belowMinimum: boolean;
  readonly committeeRequired: boolean;
  readonly electionRequired: boolean;
  readonly overSize: boolean;
  readonly policyVersion: string;
}

export interface TreeBranch {
  readonly branchId: string;
  readonly name: string;
  readonly joint: boolean;
  readonly members: { readonly full: number; readonly probationary: number };
  readonly posts: readonly HeldPost[];
  readonly shape: BranchShape | null;
}

export interface TreeCommittee {
  readonly committeeId: string;
  readonly name: string;
  readonly kind: string;
  readonly parentCommitteeId: string | null;
  readonly branches: readonly TreeBranch[];
  readonly committees: readonly TreeCommittee[];
}

export interface OrganisationTree {
  readonly asOf: string;
  readonly policyVersion: string | null;
  readonly committees: readonly TreeCommittee[];
  readonly unattachedBranches: readonly TreeBranch[];
  readonly totals: { readonly branches: number; readonly full: number; readonly probationary: number };
}

export const COMMITTEE_KIND_LABELS: Readonly<Record<string, string>> = {
  committee: '党委',
  general_branch: '党总支',
};

export const POST_LABELS: Readonly<Record<string, string>> = {
  secretary: '书记',
  deputySecretary: '副书记',
  committeeMember: '委员',
  partyAffairsOfficer: '党务干部',
};

/** The posts of a branch in the order they are read out: 书记, 副书记, 委员, 党务干部. */
export function orderedPosts(posts: readonly HeldPost[]): HeldPost[] {
  const order = Object.keys(POST_LABELS);
  return [...posts].sort((a, b) => rank(order, a.kind) - rank(order, b.kind));
}

const rank = (order: readonly string[], kind: string): number => {
  const index = order.indexOf(kind);
  return index === -1 ? order.length : index;
};
