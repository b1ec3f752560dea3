import {
  establishmentOf,
  branchDecider,
  branchStreamName,
  memberDecider,
  memberStreamName,
  partyCommitteeDecider,
  partyCommitteeStreamName,
  type BranchState,
  type BranchStatusFact,
  type CommitteeStatusFact,
  type EstablishmentFacts,
  type MemberCounts,
  type MemberState,
  type PartyCommitteeState,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { OrganisationQueries, organisationNowProjection, type BranchRollRow, type PostRow } from '@app/read-models';
import { loadState, loadStateWithRevision, type StateAtRevision } from '../command-handling/load-stream';
import { visibleToCaller } from '../committee-scope/visible-to-caller';
import type { ReadModelFreshness } from '../read-models/read-model-freshness';

/**
 * The cross-stream facts deciders receive in `command.data.context`. Statuses are folded from
 * the owning stream itself (strongly consistent); counts and rolls come from the organisation
 * read model after it has caught up with the store (read-your-writes).
 */
export class OrganisationFacts {
  constructor(
    private readonly store: EventStore,
    private readonly queries: OrganisationQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  async branchStatus(branchId: string): Promise<BranchStatusFact> {
    const state = await this.branch(branchId);
    return state.status === 'none' ? 'notFound' : state.status === 'dissolved' ? 'dissolved' : 'open';
  }

  async committeeStatus(committeeId: string): Promise<CommitteeStatusFact> {
    const state = await loadState(this.store, partyCommitteeDecider, partyCommitteeStreamName(committeeId));
    return state.status === 'none' ? 'notFound' : state.status === 'dissolved' ? 'dissolved' : 'active';
  }

  /**
   * When each named branch and committee was established (absent ones are left out: their
   * status check refuses the command first). Folded from their own streams, like their statuses.
   */
  async establishments(ids: {
    readonly branches?: readonly (string | undefined)[];
    readonly committees?: readonly (string | undefined)[];
  }): Promise<EstablishmentFacts> {
    const unique = (list: readonly (string | undefined)[] = []) =>
      [...new Set(list)].filter((id): id is string => id !== undefined);
    const branches = await Promise.all(
      unique(ids.branches).map(async (id) => {
        const state = await this.branch(id);
        return state.status === 'none' ? undefined : establishmentOf('branch', state, id);
      }),
    );
    const committees = await Promise.all(
      unique(ids.committees).map(async (id) => {
        const state = await loadState(this.store, partyCommitteeDecider, partyCommitteeStreamName(id));
        return state.status === 'none' ? undefined : establishmentOf('committee', state, id);
      }),
    );
    return Object.fromEntries(
      [...branches, ...committees].filter((found) => found !== undefined).map((found) => [found.id, found]),
    );
  }

  committeeWithRevision(committeeId: string): Promise<StateAtRevision<PartyCommitteeState>> {
    return loadStateWithRevision(this.store, partyCommitteeDecider, partyCommitteeStreamName(committeeId));
  }

  branchWithRevision(branchId: string): Promise<StateAtRevision<BranchState>> {
    return loadStateWithRevision(this.store, branchDecider, branchStreamName(branchId));
  }

  memberWithRevision(memberId: string): Promise<StateAtRevision<MemberState>> {
    return loadStateWithRevision(this.store, memberDecider, memberStreamName(memberId));
  }

  branch(branchId: string): Promise<BranchState> {
    return loadState(this.store, branchDecider, branchStreamName(branchId));
  }

  member(memberId: string): Promise<MemberState> {
    return loadState(this.store, memberDecider, memberStreamName(memberId));
  }

  /**
   * Resolves once the organisation read model has applied everything stored now: a process
   * manager moving hundreds of members waits for it between slices, so the reads that wait for
   * it (counts, rolls) never chase a head that runs away from them.
   */
  readModelCaughtUp(): Promise<void> {
    return this.freshness.waitForHead(organisationNowProjection.name);
  }

  /** Every open branch (the timers' reminders look at each), after the read model has caught up. */
  async openBranchIds(): Promise<string[]> {
    await this.freshness.waitForHead(organisationNowProjection.name);
    return this.queries.openBranchIds();
  }

  async memberCounts(branchId: string): Promise<MemberCounts> {
    if (!(await this.visibleBranch(branchId))) return { full: 0, probationary: 0 };
    await this.freshness.waitForHead(organisationNowProjection.name);
    return this.queries.memberCounts(branchId);
  }

  async memberCount(branchId: string): Promise<number> {
    const counts = await this.memberCounts(branchId);
    return counts.full + counts.probationary;
  }

  /** What must be gone before a committee can be dissolved. */
  async committeeChildren(committeeId: string): Promise<{ openBranches: number; activeChildCommittees: number }> {
    if (!(await visibleToCaller(this.store, partyCommitteeStreamName(committeeId)))) {
      return { openBranches: 0, activeChildCommittees: 0 };
    }
    await this.freshness.waitForHead(organisationNowProjection.name);
    return this.queries.committeeChildren(committeeId);
  }

  /**
   * Active members' affiliations, of some branches or of all. Under a committee scope the
   * branches asked for are those the caller may see; a roll of all (a redraw's execution) is
   * judged member by member when the plan that names them is appended.
   */
  async roll(branchIds?: readonly string[]): Promise<{ memberId: string; branchId: string }[]> {
    const asked = branchIds && (await this.visibleBranches(branchIds));
    await this.freshness.waitForHead(organisationNowProjection.name);
    return this.queries.roll(asked);
  }

  async branchStatuses(branchIds: readonly string[]): Promise<Record<string, BranchStatusFact>> {
    const unique = [...new Set(branchIds)];
    const statuses = await Promise.all(unique.map((id) => this.branchStatus(id)));
    return Object.fromEntries(unique.map((id, i) => [id, statuses[i] as BranchStatusFact]));
  }

  async committeeStatuses(committeeIds: readonly string[]): Promise<Record<string, CommitteeStatusFact>> {
    const unique = [...new Set(committeeIds)];
    const statuses = await Promise.all(unique.map((id) => this.committeeStatus(id)));
    return Object.fromEntries(unique.map((id, i) => [id, statuses[i] as CommitteeStatusFact]));
  }

  /** What the branch decider needs to know about a post's intended holder. */
  async holderFacts(
    branchId: string,
    personId: string,
  ): Promise<{ isMemberOfBranch: boolean; isFullMember: boolean; votingRightsSuspended: boolean }> {
    const state: MemberState = await this.member(personId);
    if (state.status !== 'active' || state.branchId !== branchId) {
      return { isMemberOfBranch: false, isFullMember: false, votingRightsSuspended: false };
    }
    return {
      isMemberOfBranch: true,
      isFullMember: state.membership === 'full',
      votingRightsSuspended: state.suspension !== null,
    };
  }

  /** A branch's member roll, after the read model has caught up (read-your-writes). */
  async branchRoll(branchId: string): Promise<BranchRollRow[]> {
    if (!(await this.visibleBranch(branchId))) return [];
    await this.freshness.waitForHead(organisationNowProjection.name);
    return this.queries.branchRoll(branchId);
  }

  /** Every post a branch has had, held and ended, after the read model has caught up. */
  async postHistory(branchId: string): Promise<PostRow[]> {
    if (!(await this.visibleBranch(branchId))) return [];
    await this.freshness.waitForHead(organisationNowProjection.name);
    return this.queries.posts(branchId);
  }

  /** Whether the caller may see the branch; facts of one they may not are those of no branch. */
  visibleBranch(branchId: string): Promise<boolean> {
    return visibleToCaller(this.store, branchStreamName(branchId));
  }

  private async visibleBranches(branchIds: readonly string[]): Promise<string[]> {
    const visible = await Promise.all(branchIds.map((id) => this.visibleBranch(id)));
    return branchIds.filter((_, i) => visible[i]);
  }
}
