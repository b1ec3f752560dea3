import { RulePolicy } from '../policy/rule-policy';
import { refuse } from '../shared/domain-error';
import { ElectionRollEntry, EXCLUSION_REASONS, Exclusion, Person } from '../election/election.commands';
import { personOf, requireUniqueRoll } from '../election/guards';
import { NOT_A_VOTER, voterStanding } from '../election/voters';

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
 * Who is due and who is present at the assembly that by-elects, judged as at the term election's
 * assembly (RULES §1.5, Art 5): the due voters are the full members of the roll with rights, less
 * the exclusions the superior approved; only they may be present as voters; and those present
 * must reach the policy's quorum share of those due. The same refusal codes answer.
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
  if (!meetsQuorum(present, due, policy)) {
    throw refuse('QUORUM_NOT_MET', { ...quorum, policyVersion: policy.version });
  }
  return { dueVoters, presentVoters: presentVoters.map(personOf), quorum };
}

/** The assembly quorum of the policy (§1.5: present × 5 ≥ due × 4 when exactly four fifths counts). */
export function meetsQuorum(present: number, due: number, policy: RulePolicy): boolean {
  return policy.quorumInclusive
    ? present * policy.quorumDenominator >= due * policy.quorumNumerator
    : present * policy.quorumDenominator > due * policy.quorumNumerator;
}
