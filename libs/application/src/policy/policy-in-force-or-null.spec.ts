import { DEFAULT_RULE_POLICIES, DomainError } from '@app/domain';
import { policyInForceOrNull } from './rule-policies';

describe('policyInForceOrNull', () => {
  const first = [...DEFAULT_RULE_POLICIES].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]!;

  it('gives the version in force, and null before the first version', () => {
    expect(policyInForceOrNull(DEFAULT_RULE_POLICIES, first.effectiveFrom)?.version).toBe(first.version);
    expect(policyInForceOrNull(DEFAULT_RULE_POLICIES, '1900-01-01')).toBeNull();
  });

  it('throws every other failure instead of hiding it as "no version"', () => {
    expect(() => policyInForceOrNull(DEFAULT_RULE_POLICIES, 'not a date')).toThrow(DomainError);
    const twins = [first, { ...first, version: `${first.version}-twin` }];
    expect(() => policyInForceOrNull(twins, first.effectiveFrom)).toThrow(
      expect.objectContaining({ code: 'POLICY_AMBIGUOUS' }),
    );
  });
});
