import {
  branchShape,
  DEFAULT_RULE_POLICIES,
  isDomainError,
  policyInForce,
  requireCalendarDate,
  type BranchShape,
  type RulePolicy,
} from '@app/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { OrganisationScope } from '../organisation/organisation-scope';
import { HeldPostsMemory } from './held-posts-memory';
import { organisationDiff, type DiffPageRequest, type OrganisationDiffPage } from './organisation-diff';
import type { HeldPost } from './organisation-history.statements';

export interface TreeBranch {
  readonly branchId: string;
  readonly name: string;
  readonly joint: boolean;
  readonly members: { readonly full: number; readonly probationary: number };
  readonly posts: readonly HeldPost[];
  /** Null when no rule policy was in force on the date. */
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
  /** Open branches whose committee was not active on the date (should stay empty). */
  readonly unattachedBranches: readonly TreeBranch[];
  readonly totals: { readonly branches: number; readonly full: number; readonly probationary: number };
}

export interface RollMember {
  readonly memberId: string;
  readonly name: string;
  readonly membership: string;
  readonly votingSuspended: boolean;
  /** Start of the row valid on the date (joining, transfer in, confirmation…). */
  readonly validFrom: string;
}

export interface AsOfRoll {
  readonly branchId: string;
  readonly asOf: string;
  /** The branch as it stood on the date; null if it did not exist yet. */
  readonly branch: { readonly name: string; readonly status: string; readonly committeeId: string } | null;
  readonly counts: { readonly full: number; readonly probationary: number };
  readonly members: readonly RollMember[];
}

export interface MemberHistory {
  readonly memberId: string;
  readonly name: string;
  readonly affiliations: readonly {
    branchId: string;
    membership: string;
    votingSuspended: boolean;
    change: string;
    previousBranchId: string | null;
    restructuringId: string | null;
    validFrom: string;
    validTo: string | null;
    endReason: string | null;
    fromPosition: number;
    toPosition: number | null;
  }[];
  readonly posts: readonly {
    postId: string;
    branchId: string;
    kind: string;
    source: string;
    validFrom: string;
    validTo: string | null;
    endReason: string | null;
  }[];
}

const VALID_ON = (alias: string) =>
  `${alias}.valid_from <= @d AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > @d)`;

interface TreeBranchRow {
  branch_id: string;
  name: string;
  committee_id: string;
  joint: number;
  full_members: number | null;
  probationary_members: number | null;
  posts_from: string | null;
  posts_position: number | null;
}

/**
 * Questions about the organisation on a past date, or between two dates, answered from the
 * organisation-history views only (never by replaying events). As of D means at the end of D;
 * a diff from A to B lists the changes dated after A and on or before B.
 */
export class OrganisationHistoryQueries {
  private readonly heldPosts: HeldPostsMemory;

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly policies: readonly RulePolicy[] = DEFAULT_RULE_POLICIES,
  ) {
    this.heldPosts = new HeldPostsMemory(db);
  }

  /** The tree at the end of `asOf`; with a scope, only the part of it the scope holds (treeWithin). */
  tree(asOf: string, scope?: OrganisationScope): OrganisationTree {
    const d = requireCalendarDate(asOf, 'asOf date');
    const policy = this.policyOn(d);
    // One read transaction: the branches, their counts and their posts from the same snapshot.
    const tree = this.db.transaction(() => this.treeOn(d, policy))();
    return scope === undefined ? tree : treeWithin(tree, scope);
  }

  private treeOn(d: string, policy: RulePolicy | null): OrganisationTree {
    const committees = this.db
      .prepare(
        `SELECT committee_id, name, kind, parent_committee_id FROM history_committees c
         WHERE ${VALID_ON('c')} AND c.status = 'active' ORDER BY c.name, c.committee_id`,
      )
      .all({ d }) as { committee_id: string; name: string; kind: string; parent_committee_id: string | null }[];
    // Each branch's count and posts version is one index seek (ORDER BY … DESC LIMIT 1; a MAX()
    // over the range would read every earlier version). The posts themselves come from memory.
    const rows = this.db
      .prepare(
        `SELECT b.branch_id, b.name, b.committee_id, b.joint, c.full_members, c.probationary_members,
           p.valid_from AS posts_from, p.position AS posts_position
         FROM history_branches b
         LEFT JOIN history_branch_counts c ON c.branch_id = b.branch_id AND c.valid_from =
           (SELECT valid_from FROM history_branch_counts WHERE branch_id = b.branch_id AND valid_from <= @d
            ORDER BY valid_from DESC LIMIT 1)
         LEFT JOIN history_posts_held p ON p.branch_id = b.branch_id AND p.valid_from =
           (SELECT valid_from FROM history_posts_held WHERE branch_id = b.branch_id AND valid_from <= @d
            ORDER BY valid_from DESC LIMIT 1)
         WHERE ${VALID_ON('b')} AND b.status = 'open'
         ORDER BY b.name, b.branch_id`,
      )
      .all({ d }) as TreeBranchRow[];

    const postsOf = this.heldPosts.postsOf(
      rows.map((row) =>
        row.posts_from === null || row.posts_position === null
          ? null
          : { branchId: row.branch_id, validFrom: row.posts_from, position: row.posts_position },
      ),
    );
    const byCommittee = new Map<string, TreeBranch[]>();
    const totals = { branches: 0, full: 0, probationary: 0 };
    rows.forEach((row, index) => {
      const members = { full: row.full_members ?? 0, probationary: row.probationary_members ?? 0 };
      const posts = postsOf[index] ?? [];
      const hasCommittee = posts.some((post) => post.kind === 'committeeMember' && post.source === 'elected');
      const branch: TreeBranch = {
        branchId: row.branch_id,
        name: row.name,
        joint: row.joint === 1,
        members,
        posts,
        shape: policy ? branchShape(members, hasCommittee, policy) : null,
      };
      totals.branches += 1;
      totals.full += members.full;
      totals.probationary += members.probationary;
      const list = byCommittee.get(row.committee_id);
      if (list) list.push(branch);
      else byCommittee.set(row.committee_id, [branch]);
    });

    const active = new Set(committees.map((c) => c.committee_id));
    const build = (c: (typeof committees)[number]): TreeCommittee => ({
      committeeId: c.committee_id,
      name: c.name,
      kind: c.kind,
      parentCommitteeId: c.parent_committee_id,
      branches: byCommittee.get(c.committee_id) ?? [],
      committees: committees.filter((child) => child.parent_committee_id === c.committee_id).map(build),
    });
    const roots = committees.filter((c) => c.parent_committee_id === null || !active.has(c.parent_committee_id));
    const unattachedBranches = [...byCommittee.entries()].filter(([id]) => !active.has(id)).flatMap(([, list]) => list);
    return {
      asOf: d,
      policyVersion: policy?.version ?? null,
      committees: roots.map(build),
      unattachedBranches,
      totals,
    };
  }

  /**
   * The changes after `fromDate` and on or before `toDate`, a page at a time (organisation-diff.ts);
   * with a scope, only changes to the scope's branches.
   */
  diff(fromDate: string, toDate: string, page: DiffPageRequest, scope?: OrganisationScope): OrganisationDiffPage {
    return organisationDiff(this.db, fromDate, toDate, page, scope?.branches);
  }

  /** The member roll of one branch on a date; null when the branch never existed. */
  roll(branchId: string, asOf: string): AsOfRoll | null {
    const d = requireCalendarDate(asOf, 'asOf date');
    const versions = this.db
      .prepare(
        `SELECT name, status, committee_id, valid_from, valid_to FROM history_branches
         WHERE branch_id = ? ORDER BY from_position`,
      )
      .all(branchId) as {
      name: string;
      status: string;
      committee_id: string;
      valid_from: string;
      valid_to: string | null;
    }[];
    if (versions.length === 0) return null;
    const version = versions.find((v) => v.valid_from <= d && (v.valid_to === null || v.valid_to > d));
    const rows = this.db
      .prepare(
        `SELECT a.member_id, m.name, a.membership, a.voting_suspended, a.valid_from
         FROM history_affiliations a JOIN history_members m ON m.member_id = a.member_id
         WHERE a.branch_id = @branchId AND ${VALID_ON('a')}
         ORDER BY m.name, a.member_id`,
      )
      .all({ branchId, d }) as {
      member_id: string;
      name: string;
      membership: string;
      voting_suspended: number;
      valid_from: string;
    }[];
    const members = rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      membership: r.membership,
      votingSuspended: r.voting_suspended === 1,
      validFrom: r.valid_from,
    }));
    return {
      branchId,
      asOf: d,
      branch: version ? { name: version.name, status: version.status, committeeId: version.committee_id } : null,
      counts: {
        full: members.filter((m) => m.membership === 'full').length,
        probationary: members.filter((m) => m.membership === 'probationary').length,
      },
      members,
    };
  }

  /** Every affiliation row of a member and the posts they held; null for an unknown member. */
  memberHistory(memberId: string): MemberHistory | null {
    const person = this.db.prepare(`SELECT name FROM history_members WHERE member_id = ?`).get(memberId) as
      { name: string } | undefined;
    if (!person) return null;
    const affiliations = this.db
      .prepare(
        `SELECT branch_id, membership, voting_suspended, change, previous_branch_id, restructuring_id, valid_from,
                valid_to, end_reason, from_position, to_position
         FROM history_affiliations WHERE member_id = ? ORDER BY from_position`,
      )
      .all(memberId) as {
      branch_id: string;
      membership: string;
      voting_suspended: number;
      change: string;
      previous_branch_id: string | null;
      restructuring_id: string | null;
      valid_from: string;
      valid_to: string | null;
      end_reason: string | null;
      from_position: number;
      to_position: number | null;
    }[];
    const posts = this.db
      .prepare(
        `SELECT post_id, branch_id, kind, source, valid_from, valid_to, end_reason FROM history_posts
         WHERE person_id = ? ORDER BY valid_from, from_position`,
      )
      .all(memberId) as {
      post_id: string;
      branch_id: string;
      kind: string;
      source: string;
      valid_from: string;
      valid_to: string | null;
      end_reason: string | null;
    }[];
    return {
      memberId,
      name: person.name,
      affiliations: affiliations.map((r) => ({
        branchId: r.branch_id,
        membership: r.membership,
        votingSuspended: r.voting_suspended === 1,
        change: r.change,
        previousBranchId: r.previous_branch_id,
        restructuringId: r.restructuring_id,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        endReason: r.end_reason,
        fromPosition: r.from_position,
        toPosition: r.to_position,
      })),
      posts: posts.map((r) => ({
        postId: r.post_id,
        branchId: r.branch_id,
        kind: r.kind,
        source: r.source,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        endReason: r.end_reason,
      })),
    };
  }

  /** The policy in force on the date, or null before the first one (the tree still answers, without flags). */
  private policyOn(date: string): RulePolicy | null {
    try {
      return policyInForce(this.policies, date);
    } catch (error) {
      if (isDomainError(error) && error.code === 'POLICY_NOT_IN_FORCE') return null;
      throw error;
    }
  }
}

/**
 * The part of a tree a committee-scoped caller may see: their committees, each with those of its
 * branches on the date that are theirs. A committee of theirs that stood below another committee
 * on the date is shown at the top, and a branch of theirs that stood under another committee is
 * left out, so the answer names nothing outside the scope. The totals count what is shown.
 */
function treeWithin(tree: OrganisationTree, scope: OrganisationScope): OrganisationTree {
  const totals = { branches: 0, full: 0, probationary: 0 };
  const ours = (branches: readonly TreeBranch[]): TreeBranch[] =>
    branches.filter((branch) => {
      if (!scope.branches.has(branch.branchId)) return false;
      totals.branches += 1;
      totals.full += branch.members.full;
      totals.probationary += branch.members.probationary;
      return true;
    });
  const roots: TreeCommittee[] = [];
  // Returns the committee as shown, or null when it is not the caller's; then those of its
  // descendants that are theirs become roots of their own.
  const visit = (committee: TreeCommittee): TreeCommittee | null => {
    const children = committee.committees.flatMap((child) => visit(child) ?? []);
    if (!scope.committees.has(committee.committeeId)) {
      roots.push(...children);
      return null;
    }
    return { ...committee, branches: ours(committee.branches), committees: children };
  };
  for (const committee of tree.committees) {
    const shown = visit(committee);
    if (shown) roots.push(shown);
  }
  return { ...tree, committees: roots, unattachedBranches: ours(tree.unattachedBranches), totals };
}
