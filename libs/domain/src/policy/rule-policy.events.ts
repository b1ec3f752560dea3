import { DomainEvent } from '../shared/decider';
import { RulePolicy } from './rule-policy';

/** The whole version is recorded, so auditors see every parameter as it was published. */
export type RulePolicyPublished = DomainEvent<
  'RulePolicyPublished',
  { readonly registryId: string; readonly policy: RulePolicy; readonly at: string }
>;

/**
 * Schema 1: published before the joining age (`minimumPartyJoiningAge`) was a parameter. Kept for
 * the upcaster that reads it as the current shape.
 */
export type RulePolicyPublishedV1 = DomainEvent<
  'RulePolicyPublished',
  {
    readonly registryId: string;
    readonly policy: Omit<RulePolicy, 'minimumPartyJoiningAge'>;
    readonly at: string;
  }
>;

export type RulePolicyEvent = RulePolicyPublished;
