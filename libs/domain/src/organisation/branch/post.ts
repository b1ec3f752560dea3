/** 书记, 副书记, 支部委员 (with a duty such as 组织委员), 党务干部. */
export type PostKind = 'secretary' | 'deputySecretary' | 'committeeMember' | 'partyAffairsOfficer';

/**
 * How the holder came to the post (RULES §2.3, §5): `elected` by the branch; `appointed` (指派)
 * by the superior, for a secretary or deputy only, with its document; `concurrent` (兼任), e.g.
 * a community party secretary serving as deputy. A concurrent holder may be a non-member and
 * never gains a vote or quorum weight from the post: voting rights live on the member stream.
 */
export type PostSource = 'elected' | 'appointed' | 'concurrent';

export type PostEndReason =
  'termEnded' | 'resigned' | 'removed' | 'deceased' | 'transferred' | 'branchDissolved' | 'other';

export interface PostHolder {
  readonly personId: string;
  readonly name: string;
}

export interface Post {
  readonly postId: string;
  readonly kind: PostKind;
  /** The committee member's duty (组织/宣传/纪检委员…); null for other kinds. */
  readonly duty: string | null;
  readonly source: PostSource;
  /** The appointment or filing document (文号); required for `appointed`. */
  readonly documentReference: string | null;
  readonly holder: PostHolder;
  readonly startDate: string;
}

/** At most one holder at a time for these kinds (§2.2: one 书记, one 副书记 if needed). */
export const SINGLE_HOLDER_POSTS: readonly PostKind[] = ['secretary', 'deputySecretary'];

/** The kinds of post a branch election fills; their holders serve the branch's term. */
export const ELECTED_POST_KINDS: readonly PostKind[] = ['secretary', 'deputySecretary', 'committeeMember'];

/**
 * The ends that leave an elected post empty mid-term, to be filled by a by-election (补选, RULES
 * X7: transfer, resignation, removal, death). A term's end, a branch's dissolution and a holder
 * replaced by an installation (`other`) leave nothing to fill.
 */
export const VACANCY_REASONS: readonly PostEndReason[] = ['resigned', 'removed', 'deceased', 'transferred'];

/** An elected post left empty mid-term: what a by-election fills for the rest of the term. */
export interface Vacancy {
  /** The vacated post's id. */
  readonly postId: string;
  readonly kind: PostKind;
  readonly duty: string | null;
  /** Who left it. */
  readonly holder: PostHolder;
  readonly reason: PostEndReason;
  /** The day it was vacated: a by-election fills it only within the term it belongs to. */
  readonly endDate: string;
}

/** Whether a post ended this way leaves a vacancy a by-election fills. */
export function leavesVacancy(post: Post, reason: PostEndReason): boolean {
  return post.source === 'elected' && ELECTED_POST_KINDS.includes(post.kind) && VACANCY_REASONS.includes(reason);
}
