import {
  branchShape,
  hasCommittee,
  type BranchShape,
  type BranchState,
  type MemberCounts,
  type RulePolicy,
} from '@app/domain';
import type { PostRow } from '@app/read-models';

/** A post that has ended, as the archive keeps it. */
export type EndedPost = PostRow & { readonly endDate: string };

/**
 * What GET /branches/:id answers besides the stream's own state: the roll's counts, the shape
 * flags judged today under the policy then in force (null once the branch is dissolved: a closed
 * branch has no shape to keep), and the posts that have ended.
 */
export interface BranchFacts {
  readonly counts: MemberCounts;
  readonly shape: BranchShape | null;
  readonly endedPosts: readonly EndedPost[];
}

export function branchFacts(
  state: BranchState,
  counts: MemberCounts,
  posts: readonly PostRow[],
  /** The rule version in force today (built-in or published); null before the first one. */
  policy: RulePolicy | null,
): BranchFacts {
  const shape = state.status === 'open' && policy ? branchShape(counts, hasCommittee(state), policy) : null;
  const endedPosts = posts.filter((post): post is EndedPost => post.endDate !== null);
  return { counts, shape, endedPosts };
}
