import { DomainEvent } from '../shared/decider';
import { RulePolicy } from './rule-policy';

/** The whole version is recorded, so auditors see every parameter as it was published. */
export type RulePolicyPublished = DomainEvent<
  'RulePolicyPublished',
  { readonly registryId: string; readonly policy: RulePolicy; readonly at: string }
>;

export type RulePolicyEvent = RulePolicyPublished;
