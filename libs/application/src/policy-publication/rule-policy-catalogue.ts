import { DEFAULT_RULE_POLICIES, policyInForce, type RulePolicy, type RulePolicyPublished } from '@app/domain';
import type { Actor, EventStore } from '@app/event-store';
import { readWholeStream } from '../command-handling/load-stream';
import { policyInForceOrNull, RULE_POLICY_STREAM } from '../policy/rule-policies';

/** One rule version as auditors see it: its parameters, where it comes from, and whether it governs `today`. */
export type RulePolicyEntry = RulePolicy & {
  readonly source: 'builtIn' | 'published';
  /** When and by whom a published version was recorded; null for built-in versions. */
  readonly publishedAt: string | null;
  readonly publishedBy: Actor | null;
  readonly inForceToday: boolean;
};

export interface RulePolicyCatalogueView {
  readonly today: string;
  /** The version governing acts dated today, or null before the first version's date. */
  readonly inForce: string | null;
  /** The registry stream's revision (null while nothing is published): the ETag of the list. */
  readonly revision: number | null;
  /** Every version, ordered by effective date. */
  readonly versions: readonly RulePolicyEntry[];
}

/**
 * The rule versions, read from the registry stream itself (strongly consistent: a version just
 * published is listed at once), with the built-in ones beside them.
 */
export class RulePolicyCatalogue {
  constructor(
    private readonly store: EventStore,
    private readonly builtIn: readonly RulePolicy[] = DEFAULT_RULE_POLICIES,
  ) {}

  async list(today: string): Promise<RulePolicyCatalogueView> {
    const recorded = await readWholeStream(this.store, RULE_POLICY_STREAM);
    const published = recorded
      .filter((event) => event.type === 'RulePolicyPublished')
      .map((event) => ({ data: event.data as unknown as RulePolicyPublished['data'], actor: event.metadata.actor }));
    const all: readonly RulePolicy[] = [...this.builtIn, ...published.map((entry) => entry.data.policy)];
    const inForce = policyInForceOrNull(all, today)?.version ?? null;
    const versions: RulePolicyEntry[] = [
      ...this.builtIn.map((policy) => ({
        ...policy,
        source: 'builtIn' as const,
        publishedAt: null,
        publishedBy: null,
        inForceToday: policy.version === inForce,
      })),
      ...published.map(({ data, actor }) => ({
        ...data.policy,
        source: 'published' as const,
        publishedAt: data.at,
        publishedBy: actor,
        inForceToday: data.policy.version === inForce,
      })),
    ].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    const last = recorded[recorded.length - 1];
    return { today, inForce, revision: last === undefined ? null : last.revision, versions };
  }

  /**
   * The version in force on a date; a DomainError (404 POLICY_NOT_IN_FORCE) before the first.
   * Its `inForceToday` still speaks of `today`, as in the list: the 2018 rules asked for on a day
   * of 2020 are the rules of that day, not of today.
   */
  async inForce(date: string, today: string): Promise<RulePolicyEntry> {
    const { versions } = await this.list(today);
    const policy = policyInForce(versions, date);
    return versions.find((entry) => entry.version === policy.version) as RulePolicyEntry;
  }
}
