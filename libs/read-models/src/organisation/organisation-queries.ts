import type { ReadModelDatabase } from '../database/read-model-database';

export interface MemberCountsRow {
  readonly full: number;
  readonly probationary: number;
}

export interface RollRow {
  readonly memberId: string;
  readonly branchId: string;
}

export interface PostRow {
  readonly postId: string;
  readonly kind: string;
  readonly duty: string | null;
  readonly source: string;
  readonly documentReference: string | null;
  readonly personId: string;
  readonly personName: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly endReason: string | null;
}

/** What an import matches a workbook's names against: open committees and branches, active members. */
export interface OrganisationDirectory {
  readonly committees: readonly { readonly id: string; readonly name: string }[];
  readonly branches: readonly { readonly id: string; readonly name: string }[];
  readonly members: readonly { readonly id: string; readonly name: string; readonly birthDate: string }[];
}

/**
 * Questions command handlers and GET endpoints ask of the current organisation. They read the
 * stable views, so they keep answering while a projection is rebuilt beside them.
 */
export class OrganisationQueries {
  constructor(private readonly db: ReadModelDatabase) {}

  /** Active members of a branch by standing (正式/预备). */
  memberCounts(branchId: string): MemberCountsRow {
    const row = this.db
      .prepare(
        `SELECT COALESCE(SUM(membership = 'full'), 0) AS full, COALESCE(SUM(membership = 'probationary'), 0) AS probationary
         FROM members WHERE branch_id = ? AND status = 'active'`,
      )
      .get(branchId) as MemberCountsRow;
    return { full: Number(row.full), probationary: Number(row.probationary) };
  }

  /** Every open committee and branch and every active member by name, for matching a workbook's rows. */
  directory(): OrganisationDirectory {
    return {
      committees: this.db
        .prepare(`SELECT committee_id AS id, name FROM committees WHERE status = 'active'`)
        .all() as OrganisationDirectory['committees'],
      branches: this.db
        .prepare(`SELECT branch_id AS id, name FROM branches WHERE status = 'open'`)
        .all() as OrganisationDirectory['branches'],
      members: this.db
        .prepare(`SELECT member_id AS id, name, birth_date AS birthDate FROM members WHERE status = 'active'`)
        .all() as OrganisationDirectory['members'],
    };
  }

  /** The ids of every open branch, in id order. */
  openBranchIds(): string[] {
    return (
      this.db.prepare(`SELECT branch_id AS id FROM branches WHERE status = 'open' ORDER BY branch_id`).all() as {
        id: string;
      }[]
    ).map((row) => row.id);
  }

  /** Every active member's affiliation, optionally only in some branches. */
  roll(branchIds?: readonly string[]): RollRow[] {
    if (branchIds && branchIds.length === 0) return [];
    const where = branchIds ? `AND branch_id IN (${branchIds.map(() => '?').join(', ')})` : '';
    return this.db
      .prepare(
        `SELECT member_id AS memberId, branch_id AS branchId FROM members WHERE status = 'active' ${where} ORDER BY member_id`,
      )
      .all(...(branchIds ?? [])) as RollRow[];
  }

  /** Open branches and active committees directly under a committee. */
  committeeChildren(committeeId: string): { openBranches: number; activeChildCommittees: number } {
    const branches = this.db
      .prepare(`SELECT COUNT(*) AS n FROM branches WHERE committee_id = ? AND status = 'open'`)
      .get(committeeId) as { n: number };
    const committees = this.db
      .prepare(`SELECT COUNT(*) AS n FROM committees WHERE parent_committee_id = ? AND status = 'active'`)
      .get(committeeId) as { n: number };
    return { openBranches: branches.n, activeChildCommittees: committees.n };
  }

  posts(branchId: string, options: { activeOnly?: boolean } = {}): PostRow[] {
    return this.db
      .prepare(
        `SELECT post_id AS postId, kind, duty, source, document_reference AS documentReference, person_id AS personId,
                person_name AS personName, start_date AS startDate, end_date AS endDate, end_reason AS endReason
         FROM posts WHERE branch_id = ? ${options.activeOnly ? 'AND end_date IS NULL' : ''} ORDER BY start_date, post_id`,
      )
      .all(branchId) as PostRow[];
  }

  /** The member roll (花名册) of one branch: its active members, by name. */
  branchRoll(branchId: string): BranchRollRow[] {
    const rows = this.db
      .prepare(
        `SELECT member_id AS memberId, name, membership, voting_suspended AS votingSuspended
         FROM members WHERE branch_id = ? AND status = 'active' ORDER BY name, member_id`,
      )
      .all(branchId) as (Omit<BranchRollRow, 'votingSuspended'> & { votingSuspended: number })[];
    return rows.map((row) => ({ ...row, votingSuspended: row.votingSuspended === 1 }));
  }

  /**
   * Every branch, open or dissolved, of a committee and of the committees below it: what an
   * administrator scoped to that committee may see in a list. (WITH RECURSIVE: standard SQL.)
   */
  branchesUnderCommittee(committeeId: string): string[] {
    return this.underCommittee(committeeId, 'branches', 'branch_id');
  }

  /** The committee itself and every committee below it, active or dissolved. */
  committeesUnderCommittee(committeeId: string): string[] {
    return this.underCommittee(committeeId, 'committees', 'committee_id');
  }

  // A committee row's committee_id is itself, a branch row's its committee: one query serves both.
  private underCommittee(committeeId: string, table: 'branches' | 'committees', id: string): string[] {
    const rows = this.db
      .prepare(
        `WITH RECURSIVE under(committee_id) AS (
           SELECT ? UNION SELECT c.committee_id FROM committees c JOIN under u ON c.parent_committee_id = u.committee_id
         )
         SELECT ${id} AS id FROM ${table} WHERE committee_id IN (SELECT committee_id FROM under) ORDER BY ${id}`,
      )
      .all(committeeId) as { id: string }[];
    return rows.map((row) => row.id);
  }
}

export interface BranchRollRow {
  readonly memberId: string;
  readonly name: string;
  readonly membership: string;
  readonly votingSuspended: boolean;
}
