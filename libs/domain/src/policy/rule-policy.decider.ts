import { assertNever, Decider, fold } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { requireCalendarDate } from '../shared/iso-date';
import { sameJson } from '../shared/same-json';
import { DEFAULT_RULE_POLICIES } from './default-rule-policies';
import { policyInForce } from './policy-in-force';
import { RulePolicy } from './rule-policy';
import { PublishRulePolicy, RulePolicyCommand } from './rule-policy.commands';
import { RulePolicyEvent } from './rule-policy.events';
import { RulePolicyRegistryState } from './rule-policy.state';
import { validateRulePolicy } from './validate-rule-policy';

export const rulePolicyStreamName = (registryId: string): string => `rule-policy-${registryId}`;

export type RulePolicyDecider = Decider<RulePolicyCommand, RulePolicyEvent, RulePolicyRegistryState>;

/**
 * The `policies` aggregate: published rule versions beside the built-in ones. Publication is
 * append-only; a version is never edited, because events already record the version that judged
 * them and a replay must find it as it was.
 */
export function createRulePolicyDecider(builtIn: readonly RulePolicy[] = DEFAULT_RULE_POLICIES): RulePolicyDecider {
  return {
    initialState: () => ({ status: 'empty' }),
    decide(command, state) {
      switch (command.type) {
        case 'PublishRulePolicy':
          return publish(command, state, builtIn);
        default:
          return assertNever(command.type);
      }
    },
    evolve(state, event) {
      switch (event.type) {
        case 'RulePolicyPublished':
          return {
            status: 'published',
            registryId: event.data.registryId,
            versions: [...publishedRulePolicies(state), event.data.policy],
          };
        default:
          return assertNever(event.type);
      }
    },
  };
}

export const rulePolicyDecider: RulePolicyDecider = createRulePolicyDecider();

export function publishedRulePolicies(state: RulePolicyRegistryState): readonly RulePolicy[] {
  switch (state.status) {
    case 'empty':
      return [];
    case 'published':
      return state.versions;
    default:
      return assertNever(state);
  }
}

/** Every version a decider may judge by: the built-in ones plus those published as events. */
export function rulePolicyVersions(
  builtIn: readonly RulePolicy[],
  published: readonly RulePolicyEvent[] | RulePolicyRegistryState,
): readonly RulePolicy[] {
  const state = Array.isArray(published)
    ? fold(rulePolicyDecider, published as readonly RulePolicyEvent[])
    : (published as RulePolicyRegistryState);
  return [...builtIn, ...publishedRulePolicies(state)];
}

/** The policy in force on a date, given the built-in versions and the published ones. */
export function policyInForceOn(
  builtIn: readonly RulePolicy[],
  published: readonly RulePolicyEvent[] | RulePolicyRegistryState,
  isoDate: string,
): RulePolicy {
  return policyInForce(rulePolicyVersions(builtIn, published), isoDate);
}

function publish(
  command: PublishRulePolicy,
  state: RulePolicyRegistryState,
  builtIn: readonly RulePolicy[],
): readonly RulePolicyEvent[] {
  const policy = validateRulePolicy(command.data.policy);
  const publishedOn = requireCalendarDate(command.metadata.at, 'publication date');
  const known = [...builtIn, ...publishedRulePolicies(state)];
  const same = known.find((existing) => existing.version === policy.version);
  if (same !== undefined) {
    if (sameJson(same, policy) && !builtIn.includes(same)) return [];
    throw refuse('POLICY_VERSION_EXISTS', { version: policy.version });
  }
  const rival = known.find((existing) => existing.effectiveFrom === policy.effectiveFrom);
  if (rival !== undefined) {
    throw refuse('POLICY_EFFECTIVE_DATE_TAKEN', {
      version: policy.version,
      rival: rival.version,
      effectiveFrom: policy.effectiveFrom,
    });
  }
  if (policy.effectiveFrom < publishedOn) {
    throw refuse('POLICY_RETROACTIVE', { version: policy.version, effectiveFrom: policy.effectiveFrom, publishedOn });
  }
  return [
    {
      type: 'RulePolicyPublished',
      data: { registryId: command.data.registryId, policy, at: command.metadata.at },
    },
  ];
}
