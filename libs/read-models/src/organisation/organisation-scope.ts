/**
 * What an administrator scoped to one committee may see in a read model's lists and figures:
 * their committee and every committee below it, and every branch, open or dissolved, of those
 * committees, as they stand now (the same ownership the event store judges their stream reads
 * by). Absent for every other caller: nothing is left out.
 */
export interface OrganisationScope {
  readonly committees: ReadonlySet<string>;
  readonly branches: ReadonlySet<string>;
}
