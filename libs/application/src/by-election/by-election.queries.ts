import { byElectionDecider, byElectionStreamName, type ByElectionState } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { loadStateWithRevision } from '../command-handling/load-stream';

/** A by-election as it stands, with its revision (the ETag a command's If-Match sends back). */
export type ByElectionView = Exclude<ByElectionState, { status: 'none' }> & { readonly revision: number };

/** Reads a by-election from its own stream: it is small, so folding it is the read model. */
export class ByElectionQueries {
  constructor(private readonly store: EventStore) {}

  async byElection(byElectionId: string): Promise<ByElectionView | null> {
    const { state, revision } = await loadStateWithRevision(
      this.store,
      byElectionDecider,
      byElectionStreamName(byElectionId),
    );
    if (state.status === 'none' || revision === null) return null;
    return { ...state, revision };
  }
}
