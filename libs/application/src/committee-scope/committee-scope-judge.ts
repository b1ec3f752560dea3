import {
  branchDecider,
  branchStreamName,
  memberDecider,
  memberStreamName,
  partyCommitteeDecider,
  partyCommitteeStreamName,
  type DomainEvent,
  type PartyCommitteeState,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { loadState } from '../command-handling/load-stream';
import type { CommitteeChain, ScopedCaller } from './caller-scope';
import { subjectsOf, type StreamSubjects } from './stream-subjects';

/**
 * Where a stream stands for a committee-scoped caller: `within` their committee or below it,
 * `outside` it (another committee's), or the `bureau`'s own (rules, campaigns, digests), which
 * everyone may read and only an unscoped administrator may change.
 */
export type ScopeVerdict = 'within' | 'outside' | 'bureau';

/**
 * Judges one stream against a committee-scoped caller: everything the stream concerns must lie
 * in the caller's committee or below it. Ownership is read from the owning streams themselves
 * (a member's branch, a branch's committee, a committee's parent), so it is as current as the
 * write being judged and does not wait for any read model.
 */
export class CommitteeScopeJudge {
  /** `store` must be the unscoped store: the judge's own reads are not themselves judged. */
  constructor(private readonly store: EventStore) {}

  async verdict(caller: ScopedCaller, stream: string, events: readonly DomainEvent[]): Promise<ScopeVerdict> {
    const subjects = subjectsOf(stream, events);
    if (subjects.kind === 'bureau') return 'bureau';
    const chains = await this.chainsOf(caller, subjects);
    return chains.every((chain) => chain.includes(caller.committeeId)) ? 'within' : 'outside';
  }

  private async chainsOf(caller: ScopedCaller, subjects: StreamSubjects): Promise<CommitteeChain[]> {
    switch (subjects.kind) {
      case 'bureau':
        return [];
      case 'committee': {
        const above =
          subjects.parentCommitteeId === null ? [] : await this.committeeChain(caller, subjects.parentCommitteeId);
        return [[subjects.committeeId, ...above]];
      }
      case 'organisation': {
        const chains = await Promise.all([
          ...subjects.committees.map((id) => this.committeeChain(caller, id)),
          ...subjects.branches.map((id) => this.branchChain(caller, id)),
          ...subjects.members.map((id) => this.memberChain(caller, id)),
        ]);
        // A branch or member that does not exist yet (one a redraw will set up) belongs to no one.
        return chains.filter((chain): chain is CommitteeChain => chain !== null);
      }
    }
  }

  /** The committee and its ancestors; an unknown committee is its own chain, and so nobody else's. */
  private async committeeChain(caller: ScopedCaller, committeeId: string): Promise<CommitteeChain> {
    const chain = await this.remembered(caller, partyCommitteeStreamName(committeeId), async () => {
      const ids: string[] = [];
      // The set guards against a cycle in the data: a chain is never longer than the committees.
      for (let id: string | null = committeeId; id !== null && !ids.includes(id);) {
        ids.push(id);
        const state: PartyCommitteeState = await loadState(
          this.store,
          partyCommitteeDecider,
          partyCommitteeStreamName(id),
        );
        id = state.status === 'none' ? null : state.parentCommitteeId;
      }
      return ids;
    });
    return chain ?? [committeeId];
  }

  private branchChain(caller: ScopedCaller, branchId: string): Promise<CommitteeChain | null> {
    return this.remembered(caller, branchStreamName(branchId), async () => {
      const state = await loadState(this.store, branchDecider, branchStreamName(branchId));
      return state.status === 'none' ? null : this.committeeChain(caller, state.parentCommitteeId);
    });
  }

  private memberChain(caller: ScopedCaller, memberId: string): Promise<CommitteeChain | null> {
    return this.remembered(caller, memberStreamName(memberId), async () => {
      const state = await loadState(this.store, memberDecider, memberStreamName(memberId));
      if (state.status === 'none') return null;
      return this.branchChain(caller, state.status === 'active' ? state.branchId : state.lastBranchId);
    });
  }

  private remembered(
    caller: ScopedCaller,
    key: string,
    resolve: () => Promise<CommitteeChain | null>,
  ): Promise<CommitteeChain | null> {
    let chain = caller.chains.get(key);
    if (chain === undefined) {
      chain = resolve();
      caller.chains.set(key, chain);
    }
    return chain;
  }
}
