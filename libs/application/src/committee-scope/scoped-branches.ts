import { restructuringStreamName } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { OrganisationQueries, organisationNowProjection, type OrganisationScope } from '@app/read-models';
import type { ReadModelFreshness } from '../read-models/read-model-freshness';
import { CallerScope } from './caller-scope';
import { visibleToCaller } from './visible-to-caller';

/**
 * For lists and figures read from read models (the election and campaign boards, the tree as of a
 * date, the diff, the statistics), which no stream read guards: what the request's caller may
 * see, by the same rule as ScopedEventStore — their committee and every committee below it, with
 * those committees' branches.
 */
export class ScopedBranches {
  constructor(
    private readonly queries: OrganisationQueries,
    private readonly freshness: ReadModelFreshness,
    /** The request-scoped store (ScopedEventStore): a stream it hides is one the caller may not see. */
    private readonly store: EventStore,
  ) {}

  /** The branch ids the caller may see, or null when the caller is not limited to a committee. */
  async visible(): Promise<ReadonlySet<string> | null> {
    return (await this.scope())?.branches ?? null;
  }

  /** The committees and branches the caller may see, or null when the caller is not limited to a committee. */
  async scope(): Promise<OrganisationScope | null> {
    const caller = CallerScope.current();
    if (!caller) return null;
    // A branch set up a moment ago by this very caller must already be in their lists.
    await this.freshness.waitForHead(organisationNowProjection.name);
    return {
      committees: new Set(this.queries.committeesUnderCommittee(caller.committeeId)),
      branches: new Set(this.queries.branchesUnderCommittee(caller.committeeId)),
    };
  }

  /**
   * Those of `restructuringIds` the caller may see, judged on each restructuring's own stream as
   * a read of it would be (its plan, or once executed what it moved); all of them when the
   * caller is not limited to a committee.
   */
  async visibleRestructurings(restructuringIds: readonly string[]): Promise<ReadonlySet<string>> {
    if (!CallerScope.current()) return new Set(restructuringIds);
    const shown = new Set<string>();
    for (const id of restructuringIds) {
      if (await visibleToCaller(this.store, restructuringStreamName(id))) shown.add(id);
    }
    return shown;
  }
}
