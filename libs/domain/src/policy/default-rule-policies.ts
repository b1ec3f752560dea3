import { RulePolicy } from './rule-policy';

const organisationShape = {
  minFullMembersForBranch: 3,
  committeeRequiredFromFullMembers: 7,
  memberWarningAbove: 50,
  jointBranchMaxUnits: 5,
} as const;

/** 党章 第一条: 年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子… */
const membership = { minimumPartyJoiningAge: 18 } as const;

const elections = {
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
  officersUncontestedAllowed: true,
  secretaryMinPartyStandingYears: 1,
  secretaryPartyStandingShortfall: 'warning',
  committeeSeatsOdd: true,
  suspensionsWithoutVote: ['membershipSuspended', 'probation', 'detention', 'arrest'],
  dueVoterExclusionReasons: [
    'illnessPreventsExpression',
    'abroadPrivately',
    'servingSentence',
    'frailOrBedridden',
    'awayWithoutTransfer',
    'retiredInHomeTown',
    'floatingOnOwnApplication',
  ],
} as const;

/**
 * The built-in versions. The split at 2022-10-22 follows RULES.md §3: the 20th Congress
 * Constitution is remembered (unconfirmed, [U]) to set five-year terms for every branch
 * committee; before it the common branch term was three years. Deployments may supply their own
 * list to `policyInForce` instead.
 */
export const DEFAULT_RULE_POLICIES: readonly RulePolicy[] = [
  {
    version: '2018-10-28',
    effectiveFrom: '2018-10-28',
    description: '支部工作条例(试行) 2018 with the 2020 election regulation thresholds; 3-year branch terms.',
    ...organisationShape,
    ...membership,
    ...elections,
    termYears: 3,
  },
  {
    version: '2022-10-22',
    effectiveFrom: '2022-10-22',
    description: 'As 2018-10-28, with 5-year terms after the 20th Congress Constitution (docs/rules.md §5.1).',
    ...organisationShape,
    ...membership,
    ...elections,
    termYears: 5,
  },
];
