import { DomainError } from '../shared/domain-error';
import { DEFAULT_RULE_POLICIES } from './default-rule-policies';
import { policyInForce, policyVersion } from './policy-in-force';
import { RulePolicy } from './rule-policy';

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('policyInForce', () => {
  it('picks the 3-year version before 2022-10-22 and the 5-year version from that day', () => {
    expect(policyInForce(DEFAULT_RULE_POLICIES, '2020-07-13').termYears).toBe(3);
    expect(policyInForce(DEFAULT_RULE_POLICIES, '2022-10-21').version).toBe('2018-10-28');
    expect(policyInForce(DEFAULT_RULE_POLICIES, '2022-10-22').version).toBe('2022-10-22');
    expect(policyInForce(DEFAULT_RULE_POLICIES, '2025-01-01').termYears).toBe(5);
  });

  it('reads a date-time on its own calendar date, whatever its offset', () => {
    expect(policyInForce(DEFAULT_RULE_POLICIES, '2022-10-22T00:30:00+08:00').version).toBe('2022-10-22');
    expect(policyInForce(DEFAULT_RULE_POLICIES, '2022-10-21T23:59:59Z').version).toBe('2018-10-28');
  });

  it('does not depend on the order of the versions', () => {
    expect(policyInForce([...DEFAULT_RULE_POLICIES].reverse(), '2023-03-01').version).toBe('2022-10-22');
  });

  it('refuses a date before every version with POLICY_NOT_IN_FORCE', () => {
    expect(codeOf(() => policyInForce(DEFAULT_RULE_POLICIES, '2018-10-27'))).toBe('POLICY_NOT_IN_FORCE');
    expect(codeOf(() => policyInForce([], '2023-01-01'))).toBe('POLICY_NOT_IN_FORCE');
  });

  it('refuses a malformed date with INVALID_DATE', () => {
    expect(codeOf(() => policyInForce(DEFAULT_RULE_POLICIES, '22/10/2022'))).toBe('INVALID_DATE');
    expect(codeOf(() => policyInForce(DEFAULT_RULE_POLICIES, '2023-02-30'))).toBe('INVALID_DATE');
  });

  it('refuses two versions that take effect on the same day with POLICY_AMBIGUOUS', () => {
    const [first] = DEFAULT_RULE_POLICIES as [RulePolicy];
    expect(codeOf(() => policyInForce([first, { ...first, version: 'local-2018' }], '2019-01-01'))).toBe(
      'POLICY_AMBIGUOUS',
    );
  });
});

describe('default rule policies', () => {
  it('carry the thresholds of RULES.md as data', () => {
    for (const policy of DEFAULT_RULE_POLICIES) {
      expect(policy).toMatchObject({
        minFullMembersForBranch: 3,
        committeeRequiredFromFullMembers: 7,
        memberWarningAbove: 50,
        jointBranchMaxUnits: 5,
        quorumNumerator: 4,
        quorumDenominator: 5,
        quorumInclusive: true,
        majorityBase: 'due',
        differentialSharePercent: 20,
        committeeSizeMin: 3,
        committeeSizeUsualMax: 5,
        committeeSizeHardMax: 7,
        electionShiftLimitMonths: 12,
        approvalLapseDays: 90,
        termEndReminderMonths: [6, 3],
        overdueReminderEveryMonths: 1,
        noTermReminderEveryMonths: 1,
      });
    }
  });
});

describe('policyVersion', () => {
  it('finds a recorded version for replay, and refuses an unknown one', () => {
    expect(policyVersion(DEFAULT_RULE_POLICIES, '2018-10-28').termYears).toBe(3);
    expect(codeOf(() => policyVersion(DEFAULT_RULE_POLICIES, '1990'))).toBe('POLICY_VERSION_UNKNOWN');
  });
});
