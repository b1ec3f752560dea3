import {
  addYears,
  policyInForce,
  type ElectionRollEntry,
  type MemberStanding,
  type MemberState,
  type Person,
  ELECTED_POST_KINDS,
  type CommitteeHistory,
  type Post,
  type RulePolicy,
} from '@app/domain';
import type { OrganisationFacts } from '../organisation/organisation-facts';
import { latestInstalled, type ElectionIndex } from './election-index';

/**
 * The facts an election command carries in its `context`, each from the stream that owns it:
 * standings are folded from the member streams, posts from the branch stream (strongly
 * consistent); only "who is on the branch's roll" comes from the organisation read model, after
 * it has caught up with the store (read-your-writes), and every member it names is then read
 * from their own stream.
 */
export class ElectionFacts {
  constructor(
    private readonly organisation: OrganisationFacts,
    private readonly index: ElectionIndex,
  ) {}

  branchStatus(branchId: string) {
    return this.organisation.branchStatus(branchId);
  }

  /** When the branch was established (empty when it does not exist). */
  established(branchId: string) {
    return this.organisation.establishments({ branches: [branchId] });
  }

  /** What the member stream says about a nominee or candidate. */
  async standing(memberId: string): Promise<MemberStanding> {
    return standingOf(await this.organisation.member(memberId));
  }

  async standings(memberIds: readonly string[]): Promise<Record<string, MemberStanding>> {
    const unique = [...new Set(memberIds)];
    const standings = await Promise.all(unique.map((id) => this.standing(id)));
    return Object.fromEntries(unique.map((id, i) => [id, standings[i] as MemberStanding]));
  }

  /**
   * The branch's roll (花名册) now: every active member affiliated with it, with membership and
   * any suspension read from their own stream (a member who left or moved since the read model
   * last saw them is not on it).
   */
  async roll(branchId: string): Promise<ElectionRollEntry[]> {
    const rows = await this.organisation.branchRoll(branchId);
    const members = await Promise.all(rows.map((row) => this.organisation.member(row.memberId)));
    const roll: ElectionRollEntry[] = [];
    for (const member of members) {
      if (member.status !== 'active' || member.branchId !== branchId) continue;
      roll.push({
        memberId: member.memberId,
        name: member.personal.name,
        membership: member.membership,
        suspension: member.suspension?.reason ?? null,
      });
    }
    return roll;
  }

  /** The posts the branch holds now, from its own stream. */
  async currentPosts(branchId: string): Promise<readonly Post[]> {
    const branch = await this.organisation.branch(branchId);
    return branch.status === 'open' ? branch.posts : [];
  }

  /**
   * Holders of the branch's concurrent (兼任, 交叉任职) and appointed (指派) posts who are not on its
   * roll: they never vote and never count to the quorum (RULES §5). A member of the branch who
   * also holds such a post keeps the vote the member stream gives them.
   */
  async concurrentPostHolders(branchId: string, roll: readonly ElectionRollEntry[]): Promise<Person[]> {
    const onRoll = new Set(roll.map((entry) => entry.memberId));
    const holders = new Map<string, Person>();
    for (const post of await this.currentPosts(branchId)) {
      if (post.source === 'elected' || onRoll.has(post.holder.personId)) continue;
      holders.set(post.holder.personId, { personId: post.holder.personId, name: post.holder.name });
    }
    return [...holders.values()];
  }

  /**
   * The current term of the branch's officers: the term the latest installed election set, or
   * else the one the elected officers in office began (its end by the term length of the version
   * in force on its start); null for a branch that has never had elected officers.
   */
  async currentTerm(
    branchId: string,
    electionId: string,
    policies: readonly RulePolicy[],
  ): Promise<{ start: string; end: string } | null> {
    // The index holds every committee's elections: only a branch the caller may see has a term.
    if (!(await this.organisation.visibleBranch(branchId))) return null;
    const installed = await this.index.installedTerm(branchId, electionId);
    if (installed !== null) return { start: installed.start, end: installed.end };
    const starts = (await this.currentPosts(branchId))
      .filter((post) => post.source === 'elected' && ELECTED_POST_KINDS.includes(post.kind))
      .map((post) => post.startDate)
      .sort();
    const start = starts[0];
    if (start === undefined) return null;
    return { start, end: addYears(start, termYearsOn(policies, start)) };
  }

  /**
   * What the record says of the branch's committees before `electionId`, to count its 届次 from:
   * the 届次 of its latest installed election, and how many committees are on record (its
   * installed elections, or the officers in office when the bureau took the branch over with
   * them, whose term is `currentTerm`).
   */
  async committeeHistory(
    branchId: string,
    electionId: string,
    currentTerm: { start: string; end: string } | null,
  ): Promise<CommitteeHistory> {
    if (!(await this.organisation.visibleBranch(branchId))) return { lastTermNumber: null, committeesOnRecord: 0 };
    const installed = (await this.index.electionsOfBranch(branchId)).filter(
      (election) => election.electionId !== electionId && election.state.status === 'installed',
    );
    const latest = latestInstalled(installed);
    const lastTermNumber = latest !== null && 'census' in latest.state ? latest.state.census.termNumber : null;
    const committeesOnRecord = installed.length > 0 ? installed.length : currentTerm === null ? 0 : 1;
    return { lastTermNumber, committeesOnRecord };
  }

  /** Elections of the branch still under way (neither installed nor cancelled), other than `electionId`. */
  async openElections(branchId: string, electionId: string): Promise<string[]> {
    if (!(await this.organisation.visibleBranch(branchId))) return [];
    return (await this.index.electionsOfBranch(branchId))
      .filter(
        (election) =>
          election.electionId !== electionId &&
          election.state.status !== 'installed' &&
          election.state.status !== 'cancelled',
      )
      .map((election) => election.electionId);
  }
}

function standingOf(member: MemberState): MemberStanding {
  switch (member.status) {
    case 'none':
      return { status: 'notFound', branchId: null, membership: null, suspension: null, joinedPartyOn: null };
    case 'active':
      return {
        status: 'active',
        branchId: member.branchId,
        membership: member.membership,
        suspension: member.suspension?.reason ?? null,
        joinedPartyOn: member.personal.joinedPartyOn,
      };
    case 'left':
      return {
        status: 'left',
        branchId: null,
        membership: member.membership,
        suspension: null,
        joinedPartyOn: member.personal.joinedPartyOn,
      };
  }
}

/** A term begun before the first configured version is measured by the earliest one. */
function termYearsOn(policies: readonly RulePolicy[], date: string): number {
  try {
    return policyInForce(policies, date).termYears;
  } catch {
    const earliest = [...policies].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
    return earliest?.termYears ?? 3;
  }
}
