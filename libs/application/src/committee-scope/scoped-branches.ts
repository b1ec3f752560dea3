import { OrganisationQueries, organisationNowProjection } from '@app/read-models';
import type { ReadModelFreshness } from '../read-models/read-model-freshness';
import { CallerScope } from './caller-scope';

/**
 * For lists read from read models (the election board, campaign boards), which no stream read
 * guards: the branches the request's caller may see, by the same rule as ScopedEventStore — their
 * committee and every committee below it.
 */
export class ScopedBranches {
  constructor(
    private readonly queries: OrganisationQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  /** The branch ids the caller may see, or null when the caller is not limited to a committee. */
  async visible(): Promise<ReadonlySet<string> | null> {
    const caller = CallerScope.current();
    if (!caller) return null;
    // A branch set up a moment ago by this very caller must already be in their lists.
    await this.freshness.waitForHead(organisationNowProjection.name);
    return new Set(this.queries.branchesUnderCommittee(caller.committeeId));
  }
}
