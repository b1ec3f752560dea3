import { RulePolicy } from './rule-policy';

/** The versions published on one registry stream, in publication order (built-in ones excluded). */
export type RulePolicyRegistryState =
  | { readonly status: 'empty' }
  | { readonly status: 'published'; readonly registryId: string; readonly versions: readonly RulePolicy[] };
