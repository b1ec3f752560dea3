import { invalid } from '../shared/domain-error';
import { isIsoDate } from '../shared/iso-date';
import { RulePolicy } from './rule-policy';

/**
 * Refuses a rule policy whose parameters cannot be applied consistently, naming the first field
 * at fault. A published version governs every act from its date, so it must be whole and coherent
 * before it is recorded: a quorum above 100%, or a usual committee size above the hard maximum,
 * would make some election impossible or meaningless.
 */
export function validateRulePolicy(policy: RulePolicy): RulePolicy {
  const fail = (field: string, why: string): never => {
    throw invalid(
      'INVALID_RULE_POLICY',
      `Rule policy ${policy.version || '(no version)'} has an unusable ${field}: ${why}.`,
      { field, version: policy.version },
    );
  };
  const wholeAtLeast = (field: keyof RulePolicy, min: number): number => {
    const value = policy[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      fail(field, `it must be a whole number of at least ${min}, not ${JSON.stringify(value)}`);
    }
    return value as number;
  };

  if (typeof policy.version !== 'string' || policy.version.trim() === '') fail('version', 'it may not be blank');
  if (typeof policy.effectiveFrom !== 'string' || !isIsoDate(policy.effectiveFrom)) {
    fail('effectiveFrom', `"${policy.effectiveFrom}" is not a calendar date written YYYY-MM-DD`);
  }
  if (typeof policy.description !== 'string' || policy.description.trim() === '') {
    fail('description', 'auditors read it, so it may not be blank');
  }

  const minFull = wholeAtLeast('minFullMembersForBranch', 1);
  const committeeFrom = wholeAtLeast('committeeRequiredFromFullMembers', 1);
  if (committeeFrom < minFull) {
    fail(
      'committeeRequiredFromFullMembers',
      `a committee threshold of ${committeeFrom} is below the branch minimum of ${minFull}`,
    );
  }
  wholeAtLeast('memberWarningAbove', 1);
  wholeAtLeast('jointBranchMaxUnits', 2);
  const joiningAge = wholeAtLeast('minimumPartyJoiningAge', 1);
  if (joiningAge > 100) fail('minimumPartyJoiningAge', `${joiningAge} years is not an age at which people join`);

  const numerator = wholeAtLeast('quorumNumerator', 1);
  const denominator = wholeAtLeast('quorumDenominator', 1);
  if (numerator > denominator) {
    fail('quorumNumerator', `the quorum ${numerator}/${denominator} is above 1; a quorum is a share in (0, 1]`);
  }
  if (typeof policy.quorumInclusive !== 'boolean') fail('quorumInclusive', 'it must be true or false');
  if (policy.majorityBase !== 'due' && policy.majorityBase !== 'present') {
    fail('majorityBase', `it must be "due" or "present", not ${JSON.stringify(policy.majorityBase)}`);
  }
  const share = wholeAtLeast('differentialSharePercent', 0);
  if (share > 100) fail('differentialSharePercent', `${share}% is above 100%`);

  const sizeMin = wholeAtLeast('committeeSizeMin', 1);
  const usualMax = wholeAtLeast('committeeSizeUsualMax', 1);
  const hardMax = wholeAtLeast('committeeSizeHardMax', 1);
  if (!(sizeMin <= usualMax && usualMax <= hardMax)) {
    fail(
      'committee sizes',
      `the minimum ${sizeMin}, usual maximum ${usualMax} and hard maximum ${hardMax} must not decrease`,
    );
  }
  wholeAtLeast('termYears', 1);
  wholeAtLeast('electionShiftLimitDays', 0);
  wholeAtLeast('approvalLapseDays', 1);

  const reminders = policy.termEndReminderDays as unknown;
  if (
    !Array.isArray(reminders) ||
    reminders.some((days) => typeof days !== 'number' || !Number.isInteger(days) || days < 1) ||
    new Set(reminders).size !== reminders.length
  ) {
    fail('termEndReminderDays', 'it must list distinct whole numbers of days, each at least 1');
  }
  if (typeof policy.officersUncontestedAllowed !== 'boolean') {
    fail('officersUncontestedAllowed', 'it must be true or false');
  }
  return policy;
}
