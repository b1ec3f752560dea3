import { CommandMetadata } from '../shared/decider';
import { deciderSpecification } from '../shared/decider-specification';
import { DEFAULT_RULE_POLICIES } from './default-rule-policies';
import { RulePolicy } from './rule-policy';
import { PublishRulePolicy } from './rule-policy.commands';
import { policyInForceOn, rulePolicyDecider, rulePolicyStreamName, rulePolicyVersions } from './rule-policy.decider';
import { RulePolicyPublished } from './rule-policy.events';

const spec = deciderSpecification(rulePolicyDecider);
const metadata: CommandMetadata = {
  at: '2024-12-01T09:00:00+08:00',
  actor: { id: 'u-1', name: '管理员', role: 'admin' },
};
const base = DEFAULT_RULE_POLICIES[1] as RulePolicy;
const policy: RulePolicy = {
  ...base,
  version: 'xiaoyi-2025',
  effectiveFrom: '2025-01-01',
  description: '孝义 2025',
  termYears: 4,
};
const publish = (overrides: Partial<RulePolicy> = {}): PublishRulePolicy => ({
  type: 'PublishRulePolicy',
  data: { registryId: 'main', policy: { ...policy, ...overrides } },
  metadata,
});
const published: RulePolicyPublished = {
  type: 'RulePolicyPublished',
  data: { registryId: 'main', policy, at: metadata.at },
};

describe('Rule policy publication', () => {
  it('publishes a whole, valid version on stream rule-policy-…', () => {
    expect(rulePolicyStreamName('main')).toBe('rule-policy-main');
    spec.given([]).when(publish()).then([published]);
  });

  it('is idempotent for the same version republished unchanged, and refuses a changed one', () => {
    spec.given([published]).when(publish()).thenNothingHappened();
    spec
      .given([published])
      .when(publish({ termYears: 6 }))
      .thenThrows('POLICY_VERSION_EXISTS');
    spec
      .given([])
      .when(publish({ version: '2022-10-22' }))
      .thenThrows('POLICY_VERSION_EXISTS');
  });

  it('knows a republished version as the same whatever the order of its fields', () => {
    // A store may hand back JSON with its keys reordered (EventStoreDB does).
    const reordered = Object.fromEntries(Object.entries(policy).reverse()) as unknown as RulePolicy;
    const storedReordered: RulePolicyPublished = { ...published, data: { ...published.data, policy: reordered } };
    spec.given([storedReordered]).when(publish()).thenNothingHappened();
  });

  it('refuses a second version on the same effective date, built-in or published', () => {
    spec
      .given([published])
      .when(publish({ version: 'other' }))
      .thenThrows('POLICY_EFFECTIVE_DATE_TAKEN');
    spec
      .given([])
      .when(publish({ version: 'other', effectiveFrom: '2022-10-22' }))
      .thenThrows('POLICY_EFFECTIVE_DATE_TAKEN');
  });

  it('refuses a version that would take effect before its publication', () => {
    spec
      .given([])
      .when(publish({ effectiveFrom: '2024-11-30' }))
      .thenThrows('POLICY_RETROACTIVE');
  });

  it.each<[string, Partial<RulePolicy>]>([
    ['a quorum above 1', { quorumNumerator: 6, quorumDenominator: 5 }],
    ['a zero quorum', { quorumNumerator: 0 }],
    ['a usual maximum above the hard maximum', { committeeSizeUsualMax: 8 }],
    ['a minimum above the usual maximum', { committeeSizeMin: 6 }],
    ['a fractional term', { termYears: 2.5 }],
    ['an unknown majority base', { majorityBase: 'all' as 'due' }],
    ['a differential share above 100%', { differentialSharePercent: 120 }],
    ['repeated reminder months', { termEndReminderMonths: [3, 3] }],
    ['no overdue reminders', { overdueReminderEveryMonths: 0 }],
    ['a malformed effective date', { effectiveFrom: '2025-02-30' }],
    ['a blank version', { version: ' ' }],
    ['a committee threshold below the branch minimum', { committeeRequiredFromFullMembers: 2 }],
    ['no joining age', { minimumPartyJoiningAge: undefined }],
    ['a fractional joining age', { minimumPartyJoiningAge: 17.5 }],
    ['a joining age beyond any life', { minimumPartyJoiningAge: 180 }],
  ])('refuses %s with INVALID_RULE_POLICY', (_label, overrides) => {
    spec.given([]).when(publish(overrides)).thenThrows('INVALID_RULE_POLICY');
  });

  it('answers the policy in force on a date from the built-in versions plus the published ones', () => {
    expect(rulePolicyVersions(DEFAULT_RULE_POLICIES, [published]).map((p) => p.version)).toEqual([
      '2018-10-28',
      '2022-10-22',
      'xiaoyi-2025',
    ]);
    expect(policyInForceOn(DEFAULT_RULE_POLICIES, [published], '2021-01-01').termYears).toBe(3);
    expect(policyInForceOn(DEFAULT_RULE_POLICIES, [published], '2024-12-31').termYears).toBe(5);
    expect(policyInForceOn(DEFAULT_RULE_POLICIES, [published], '2025-01-01').termYears).toBe(4);
    expect(policyInForceOn(DEFAULT_RULE_POLICIES, { status: 'empty' }, '2025-01-01').version).toBe('2022-10-22');
  });
});
