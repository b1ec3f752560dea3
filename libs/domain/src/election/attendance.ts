import { RulePolicy } from '../policy/rule-policy';
import { refuse } from '../shared/domain-error';
import { ElectionRollEntry, EXCLUSION_REASONS, Exclusion, Person } from './election.commands';
import { personOf, requireUniqueRoll } from './guards';
import { NOT_A_VOTER, voterStanding } from './voters';

export interface Attendance {
  readonly dueVoters: readonly Person[];
  readonly presentVoters: readonly Person[];
  readonly quorum: {
    readonly due: number;
    readonly present: number;
    readonly numerator: number;
    readonly denominator: number;
    readonly inclusive: boolean;
  };
}

/**
 * Who is due and who is present at a members' assembly that elects — the term election's and a
 * by-election's alike (RULES §1.5, Art 5): the due voters are the full members of the roll with
 * rights, less the exclusions the superior approved on a ground the rule version lists; only they
 * may be present as voters. Whether those present reach the quorum is `requireQuorum`'s to say,
 * after the caller has checked the rest of its attendance list.
 */
export function attendance(
  roll: readonly ElectionRollEntry[],
  concurrentPostHolders: readonly Person[],
  exclusions: readonly Exclusion[],
  presentVoters: readonly Person[],
  policy: RulePolicy,
): Attendance {
  requireUniqueRoll(roll);
  const concurrent = new Set(concurrentPostHolders.map((person) => person.personId));
  const withRights = roll.filter((entry) => voterStanding(entry.memberId, roll, concurrent, policy) === 'eligible');
  const excluded = new Set<string>();
  for (const exclusion of exclusions) {
    if (!EXCLUSION_REASONS.includes(exclusion.reason)) {
      throw refuse('EXCLUSION_REASON_UNKNOWN', { memberId: exclusion.memberId, reason: exclusion.reason });
    }
    // The grounds are the rule version's (RULES §1.5, X8), so a newer list governs acts from its date.
    if (!policy.dueVoterExclusionReasons.includes(exclusion.reason)) {
      throw refuse('EXCLUSION_REASON_NOT_IN_POLICY', {
        memberId: exclusion.memberId,
        reason: exclusion.reason,
        policyVersion: policy.version,
      });
    }
    if (!withRights.some((entry) => entry.memberId === exclusion.memberId) || excluded.has(exclusion.memberId)) {
      throw refuse('EXCLUSION_NOT_A_DUE_VOTER', { memberId: exclusion.memberId });
    }
    if (exclusion.approvalReference.trim() === '') {
      throw refuse('EXCLUSION_NOT_APPROVED', { memberId: exclusion.memberId });
    }
    excluded.add(exclusion.memberId);
  }
  const dueVoters = withRights
    .filter((entry) => !excluded.has(entry.memberId))
    .map((entry) => ({ personId: entry.memberId, name: entry.name }));
  if (dueVoters.length === 0) throw refuse('NO_DUE_VOTERS', {});

  const seen = new Set<string>();
  for (const voter of presentVoters) {
    if (seen.has(voter.personId)) throw refuse('DUPLICATE_ATTENDEE', { personId: voter.personId, name: voter.name });
    seen.add(voter.personId);
    const standing = voterStanding(voter.personId, roll, concurrent, policy);
    if (standing !== 'eligible') {
      throw refuse(NOT_A_VOTER[standing], { personId: voter.personId, name: voter.name, standing });
    }
    if (excluded.has(voter.personId)) {
      throw refuse('EXCLUDED_MEMBER_LISTED_PRESENT', { personId: voter.personId, name: voter.name });
    }
  }

  const due = dueVoters.length;
  const present = presentVoters.length;
  const quorum = {
    due,
    present,
    numerator: policy.quorumNumerator,
    denominator: policy.quorumDenominator,
    inclusive: policy.quorumInclusive,
  };
  return { dueVoters, presentVoters: presentVoters.map(personOf), quorum };
}

/** Refuses an assembly whose voters present do not reach the rule version's quorum of those due. */
export function requireQuorum(attended: Attendance, policy: RulePolicy): void {
  const { present, due } = attended.quorum;
  if (!meetsQuorum(present, due, policy)) {
    throw refuse('QUORUM_NOT_MET', { ...attended.quorum, policyVersion: policy.version });
  }
}

/** The assembly quorum of the policy (§1.5: present × 5 ≥ due × 4 when exactly four fifths counts). */
export function meetsQuorum(present: number, due: number, policy: RulePolicy): boolean {
  return policy.quorumInclusive
    ? present * policy.quorumDenominator >= due * policy.quorumNumerator
    : present * policy.quorumDenominator > due * policy.quorumNumerator;
}
