import type { ExclusionReason } from '../election/election.commands';
import type { SuspensionReason } from '../organisation/member/member.commands';

/**
 * Every threshold the rules set, as data with an effective date (RULES.md: "Make every threshold
 * a configurable parameter"). An event that applied a threshold records `version`, so a replay
 * years later judges it by the rules then in force.
 */
export interface RulePolicy {
  readonly version: string;
  /** Calendar date (YYYY-MM-DD) from which this version governs acts. */
  readonly effectiveFrom: string;
  readonly description: string;

  // Organisation shape (支部工作条例 2018, ch. 2 and 6).
  /** Fewer full members than this and a branch cannot stay a branch (§2.1: ≥ 3 正式党员). */
  readonly minFullMembersForBranch: number;
  /** From this many full members a branch must have a committee (§2.2: ≥ 7 正式党员). */
  readonly committeeRequiredFromFullMembers: number;
  /** Above this many members a branch is flagged, never refused (§2.1: generally ≤ 50). */
  readonly memberWarningAbove: number;
  /** A joint branch (联合党支部) covers at most this many units (§2.1: ≤ 5). */
  readonly jointBranchMaxUnits: number;

  // Membership (党章 第一条).
  /** The age in full years a person must have reached to join the Party (党章 Art. 1: 年满十八岁). */
  readonly minimumPartyJoiningAge: number;

  // Elections (选举工作条例 2020), used by the election workflow.
  /** Quorum: present × denominator ≥ due × numerator when inclusive (§1.5: exactly 4/5 counts). */
  readonly quorumNumerator: number;
  readonly quorumDenominator: number;
  readonly quorumInclusive: boolean;
  /** The base whose half the yes-votes must exceed (§1.5: unresolved, default 应到会 = `due`). */
  readonly majorityBase: MajorityBase;
  /** Differential share in percent, rounded up: candidates ≥ seats + ceil(seats × share / 100) (§1.2: 20%). */
  readonly differentialSharePercent: number;
  readonly committeeSizeMin: number;
  readonly committeeSizeUsualMax: number;
  readonly committeeSizeHardMax: number;
  /** Years per term (§3: 3 before the 2022 Constitution as assumed here, 5 from 2022-10-22). */
  readonly termYears: number;
  /**
   * A postponed or advanced election moves by at most this many calendar months from the term end
   * without an override (§1.1 Art 3, "一般不得超过一年": 12). Months, not days, so that one year is
   * the same date a year on, 29 February included.
   */
  readonly electionShiftLimitMonths: number;
  /** An unused approval (批复) lapses after this many days (§1.6, a local rule). */
  readonly approvalLapseDays: number;
  /**
   * The superior is reminded this many calendar months before a term ends (practice, issue 16:
   * six and three months), each on the same day of the month as the term end (docs/rules.md §5.3).
   */
  readonly termEndReminderMonths: readonly number[];
  /** Once a term has ended with no newer one installed, the superior is reminded every this many months (practice: 1). */
  readonly overdueReminderEveryMonths: number;
  /** A branch with no recorded term end is reminded of every this many months from its establishment (practice: 1). */
  readonly noTermReminderEveryMonths: number;
  /**
   * Whether the secretary and deputy may be elected uncontested (等额), one candidate per post
   * (§1.3: guides say so; the 2020 article is unconfirmed, [U]). When false, each needs two.
   */
  readonly officersUncontestedAllowed: boolean;
  /**
   * The secretary normally has at least this many years of party standing (党龄), counted from full
   * membership (支部工作条例 Art 23: "一般应具有1年以上党龄"; docs/rules.md §6.5).
   */
  readonly secretaryMinPartyStandingYears: number;
  /**
   * What a shorter standing does to a secretary candidate: the article says "一般" (normally), so by
   * default the slate is recorded with a warning for the superior; a version may refuse instead.
   */
  readonly secretaryPartyStandingShortfall: 'warning' | 'refusal';
  /** Whether the committee's seats must be an odd number (practice: 3, 5 or 7; RULES X4). */
  readonly committeeSeatsOdd: boolean;
  /**
   * Standings that take away the vote, so such members are never due voters (选举工作条例 Art 5;
   * RULES X8): 停止党籍, 留党察看, 留置, 逮捕.
   */
  readonly suspensionsWithoutVote: readonly SuspensionReason[];
  /**
   * The grounds on which the assembly, with the superior's consent, may leave a member out of those
   * due to attend (RULES §1.5 and X8), among them a 流动党员 on their own application.
   */
  readonly dueVoterExclusionReasons: readonly ExclusionReason[];
}

export type MajorityBase = 'due' | 'present';
