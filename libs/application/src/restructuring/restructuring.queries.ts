import { restructuringDecider, restructuringStreamName, type RestructuringState } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { loadStateWithRevision, type StateAtRevision } from '../command-handling/load-stream';

/**
 * A restructuring as it stands, folded from its own stream (strongly consistent, so a client
 * polling for completion sees the process manager's last step at once).
 */
export class RestructuringQueries {
  constructor(private readonly store: EventStore) {}

  restructuring(restructuringId: string): Promise<StateAtRevision<RestructuringState>> {
    return loadStateWithRevision(this.store, restructuringDecider, restructuringStreamName(restructuringId));
  }
}
