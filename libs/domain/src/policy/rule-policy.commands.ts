import { DomainCommand } from '../shared/decider';
import { RulePolicy } from './rule-policy';

/** An administrator publishes a new version of the rules, effective from its date. */
export type PublishRulePolicy = DomainCommand<
  'PublishRulePolicy',
  { readonly registryId: string; readonly policy: RulePolicy }
>;

export type RulePolicyCommand = PublishRulePolicy;
