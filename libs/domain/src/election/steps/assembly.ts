import { refuse } from '../../shared/domain-error';
import { ConveneMembersAssembly, EXCLUSION_REASONS, Person } from '../election.commands';
import { ElectionEvent, RaceSetup } from '../election.events';
import { ElectionIn } from '../election.state';
import { isCarried, personOf, requireUniqueRoll } from '../guards';
import { Judge, stamp } from '../judge';
import { inStrokeOrder } from '../surname-strokes';
import { NOT_A_VOTER, voterStanding } from '../voters';

export function convene(
  command: ConveneMembersAssembly,
  state: ElectionIn<'slateApproved'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { policy } = judge;
  const { exclusions, presentVoters, nonVotingAttendees, scrutineers, tellers, context } = command.data;
  const { roll } = context;
  requireUniqueRoll(roll);
  const concurrent = new Set(context.concurrentPostHolders.map((person) => person.personId));
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
  if (dueVoters.length === 0) {
    throw refuse('NO_DUE_VOTERS', {});
  }

  const seen = new Set<string>();
  for (const voter of presentVoters) {
    if (seen.has(voter.personId)) {
      throw refuse('DUPLICATE_ATTENDEE', { personId: voter.personId, name: voter.name });
    }
    seen.add(voter.personId);
    const standing = voterStanding(voter.personId, roll, concurrent, policy);
    if (standing !== 'eligible') {
      throw refuse(NOT_A_VOTER[standing], { personId: voter.personId, name: voter.name, standing });
    }
    if (excluded.has(voter.personId)) {
      throw refuse('EXCLUDED_MEMBER_LISTED_PRESENT', { personId: voter.personId, name: voter.name });
    }
  }
  const dueIds = new Set(dueVoters.map((person) => person.personId));
  for (const attendee of nonVotingAttendees) {
    if (seen.has(attendee.person.personId)) {
      throw refuse('ATTENDEE_LISTED_TWICE', { personId: attendee.person.personId, name: attendee.person.name });
    }
    if (dueIds.has(attendee.person.personId)) {
      throw refuse('DUE_VOTER_LISTED_AS_NON_VOTING', {
        personId: attendee.person.personId,
        name: attendee.person.name,
      });
    }
  }

  const due = dueVoters.length;
  const present = presentVoters.length;
  const quorumMet = policy.quorumInclusive
    ? present * policy.quorumDenominator >= due * policy.quorumNumerator
    : present * policy.quorumDenominator > due * policy.quorumNumerator;
  if (!quorumMet) {
    throw refuse('QUORUM_NOT_MET', {
      present,
      due,
      numerator: policy.quorumNumerator,
      denominator: policy.quorumDenominator,
      inclusive: policy.quorumInclusive,
      policyVersion: policy.version,
    });
  }

  const slatePersons = slateCandidates(state.slate);
  const candidateIds = new Set(slatePersons.map((person) => person.personId));
  for (const candidate of slatePersons) {
    if (voterStanding(candidate.personId, roll, concurrent, policy) !== 'eligible') {
      throw refuse('CANDIDATE_NO_LONGER_ELIGIBLE', { personId: candidate.personId, name: candidate.name });
    }
  }
  if (scrutineers.length === 0) {
    throw refuse('SCRUTINEERS_REQUIRED', { meeting: 'assembly' });
  }
  for (const scrutineer of scrutineers) {
    if (candidateIds.has(scrutineer.personId)) {
      throw refuse('SCRUTINEER_IS_CANDIDATE', {
        personId: scrutineer.personId,
        name: scrutineer.name,
        meeting: 'assembly',
      });
    }
    if (!seen.has(scrutineer.personId)) {
      throw refuse('SCRUTINEER_NOT_PRESENT_VOTER', { personId: scrutineer.personId, name: scrutineer.name });
    }
  }
  if (!isCarried(command.data.scrutineersApproval, present, 'the scrutineers', due)) {
    throw refuse('SCRUTINEERS_NOT_APPROVED', { for: command.data.scrutineersApproval.for, due });
  }
  if (tellers.length === 0) {
    throw refuse('TELLERS_REQUIRED', {});
  }
  const candidateTeller = tellers.find((teller) => candidateIds.has(teller.personId));
  if (candidateTeller !== undefined) {
    throw refuse('TELLER_IS_CANDIDATE', { personId: candidateTeller.personId, name: candidateTeller.name });
  }
  if (!isCarried(command.data.electionMethodAdoption, present, 'the election method', due)) {
    throw refuse('ELECTION_METHOD_NOT_ADOPTED', { for: command.data.electionMethodAdoption.for, due });
  }

  const races: RaceSetup[] = state.request.committee
    ? [
        // The committee ballot lists its candidates by 姓氏笔画 (Art 24); the officers' ballots keep
        // the order the superior approved.
        {
          race: 'committee',
          seats: state.request.committeeSeats,
          candidates: inStrokeOrder(state.slate.committeeCandidates, context.strokes),
        },
      ]
    : [
        { race: 'secretary', seats: 1, candidates: state.slate.secretaryCandidates },
        ...(state.request.deputySecretary
          ? [{ race: 'deputySecretary' as const, seats: 1, candidates: state.slate.deputySecretaryCandidates }]
          : []),
      ];
  return [
    {
      type: 'MembersAssemblyConvened',
      data: {
        ...stamp(state.electionId, judge),
        roll,
        exclusions,
        dueVoters,
        presentVoters: presentVoters.map(personOf),
        nonVotingAttendees,
        concurrentPostHolders: context.concurrentPostHolders.map(personOf),
        scrutineers: scrutineers.map(personOf),
        scrutineersApproval: command.data.scrutineersApproval,
        tellers: tellers.map(personOf),
        electionMethodAdoption: command.data.electionMethodAdoption,
        quorum: {
          due,
          present,
          numerator: policy.quorumNumerator,
          denominator: policy.quorumDenominator,
          inclusive: policy.quorumInclusive,
        },
        races,
      },
    },
  ];
}

function slateCandidates(slate: {
  readonly committeeCandidates: readonly Person[];
  readonly secretaryCandidates: readonly Person[];
  readonly deputySecretaryCandidates: readonly Person[];
}): Person[] {
  const all = [...slate.committeeCandidates, ...slate.secretaryCandidates, ...slate.deputySecretaryCandidates];
  return all.filter((person, index) => all.findIndex((other) => other.personId === person.personId) === index);
}
