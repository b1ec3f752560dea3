import { refuse } from '../shared/domain-error';
import { isIsoDate } from '../shared/iso-date';
import { PolicyFieldProblem } from '../shared/refusals';
import { EXCLUSION_REASONS } from '../election/election.commands';
import { SUSPENSION_REASONS } from '../organisation/member/member.commands';
import { RulePolicy } from './rule-policy';

/**
 * Refuses a rule policy whose parameters cannot be applied consistently, naming the first field
 * at fault. A published version governs every act from its date, so it must be whole and coherent
 * before it is recorded: a quorum above 100%, or a usual committee size above the hard maximum,
 * would make some election impossible or meaningless.
 */
export function validateRulePolicy(policy: RulePolicy): RulePolicy {
  const fail = (field: string, problem: PolicyFieldProblem): never => {
    throw refuse('INVALID_RULE_POLICY', { field, version: String(policy.version ?? ''), problem });
  };
  const wholeAtLeast = (field: keyof RulePolicy, min: number): number => {
    const value = policy[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      fail(field, { kind: 'notWholeNumber', minimum: min, value: JSON.stringify(value) ?? 'nothing' });
    }
    return value as number;
  };

  if (typeof policy.version !== 'string' || policy.version.trim() === '') fail('version', { kind: 'blank' });
  if (typeof policy.effectiveFrom !== 'string' || !isIsoDate(policy.effectiveFrom)) {
    fail('effectiveFrom', { kind: 'notCalendarDate', value: String(policy.effectiveFrom) });
  }
  if (typeof policy.description !== 'string' || policy.description.trim() === '') {
    fail('description', { kind: 'blankDescription' });
  }

  const minFull = wholeAtLeast('minFullMembersForBranch', 1);
  const committeeFrom = wholeAtLeast('committeeRequiredFromFullMembers', 1);
  if (committeeFrom < minFull) {
    fail('committeeRequiredFromFullMembers', {
      kind: 'committeeThresholdBelowMinimum',
      threshold: committeeFrom,
      minimum: minFull,
    });
  }
  wholeAtLeast('memberWarningAbove', 1);
  wholeAtLeast('jointBranchMaxUnits', 2);
  const joiningAge = wholeAtLeast('minimumPartyJoiningAge', 1);
  if (joiningAge > 100) fail('minimumPartyJoiningAge', { kind: 'joiningAgeTooHigh', age: joiningAge });

  const numerator = wholeAtLeast('quorumNumerator', 1);
  const denominator = wholeAtLeast('quorumDenominator', 1);
  if (numerator > denominator) {
    fail('quorumNumerator', { kind: 'quorumAboveOne', numerator, denominator });
  }
  if (typeof policy.quorumInclusive !== 'boolean') fail('quorumInclusive', { kind: 'notBoolean' });
  if (policy.majorityBase !== 'due' && policy.majorityBase !== 'present') {
    fail('majorityBase', { kind: 'majorityBase', value: JSON.stringify(policy.majorityBase) ?? 'nothing' });
  }
  const share = wholeAtLeast('differentialSharePercent', 0);
  if (share > 100) fail('differentialSharePercent', { kind: 'percentAbove100', percent: share });

  const sizeMin = wholeAtLeast('committeeSizeMin', 1);
  const usualMax = wholeAtLeast('committeeSizeUsualMax', 1);
  const hardMax = wholeAtLeast('committeeSizeHardMax', 1);
  if (!(sizeMin <= usualMax && usualMax <= hardMax)) {
    fail('committee sizes', { kind: 'committeeSizesDecrease', min: sizeMin, usualMax, hardMax });
  }
  wholeAtLeast('termYears', 1);
  wholeAtLeast('electionShiftLimitMonths', 0);
  wholeAtLeast('approvalLapseDays', 1);

  const reminders = policy.termEndReminderMonths as unknown;
  if (
    !Array.isArray(reminders) ||
    reminders.some((months) => typeof months !== 'number' || !Number.isInteger(months) || months < 1) ||
    new Set(reminders).size !== reminders.length
  ) {
    fail('termEndReminderMonths', { kind: 'reminderMonths' });
  }
  wholeAtLeast('overdueReminderEveryMonths', 1);
  wholeAtLeast('noTermReminderEveryMonths', 1);
  if (typeof policy.officersUncontestedAllowed !== 'boolean') {
    fail('officersUncontestedAllowed', { kind: 'notBoolean' });
  }
  wholeAtLeast('secretaryMinPartyStandingYears', 0);
  const shortfalls = ['warning', 'refusal'];
  if (!shortfalls.includes(policy.secretaryPartyStandingShortfall)) {
    fail('secretaryPartyStandingShortfall', {
      kind: 'oneOf',
      allowed: shortfalls,
      value: JSON.stringify(policy.secretaryPartyStandingShortfall) ?? 'nothing',
    });
  }
  if (typeof policy.committeeSeatsOdd !== 'boolean') fail('committeeSeatsOdd', { kind: 'notBoolean' });
  const distinctAmong = (field: keyof RulePolicy, allowed: readonly string[]): void => {
    const list = policy[field] as unknown;
    if (
      !Array.isArray(list) ||
      list.some((value) => typeof value !== 'string' || !allowed.includes(value)) ||
      new Set(list).size !== list.length
    ) {
      fail(field, { kind: 'listOf', allowed });
    }
  };
  distinctAmong('suspensionsWithoutVote', SUSPENSION_REASONS);
  distinctAmong('dueVoterExclusionReasons', EXCLUSION_REASONS);
  return policy;
}
