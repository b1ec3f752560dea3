import { invalid, refuse } from '../../shared/domain-error';
import { ConveneMembersAssembly, EXCLUSION_REASONS, Person } from '../election.commands';
import { ElectionEvent, RaceSetup } from '../election.events';
import { ElectionIn } from '../election.state';
import { isCarried, personOf, requireUniqueRoll } from '../guards';
import { Judge, ruleOf, stamp } from '../judge';
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
  const withRights = roll.filter((entry) => voterStanding(entry.memberId, roll, concurrent) === 'eligible');

  const excluded = new Set<string>();
  for (const exclusion of exclusions) {
    if (!EXCLUSION_REASONS.includes(exclusion.reason)) {
      throw invalid(
        'EXCLUSION_REASON_UNKNOWN',
        `"${exclusion.reason}" is not one of the six grounds on which a member may be excused from those due to attend (RULES §1.5).`,
        { memberId: exclusion.memberId, reason: exclusion.reason },
      );
    }
    if (!withRights.some((entry) => entry.memberId === exclusion.memberId) || excluded.has(exclusion.memberId)) {
      throw refuse(
        'EXCLUSION_NOT_A_DUE_VOTER',
        `Member ${exclusion.memberId} is not a full member with voting rights on the roll (or is excluded twice), so there is nothing to exclude from those due to attend (RULES §1.5).`,
        { memberId: exclusion.memberId },
      );
    }
    if (exclusion.approvalReference.trim() === '') {
      throw refuse(
        'EXCLUSION_NOT_APPROVED',
        `The exclusion of member ${exclusion.memberId} carries no approval reference; only the superior may excuse a member from those due to attend (RULES §1.5).`,
        { memberId: exclusion.memberId },
      );
    }
    excluded.add(exclusion.memberId);
  }
  const dueVoters = withRights
    .filter((entry) => !excluded.has(entry.memberId))
    .map((entry) => ({ personId: entry.memberId, name: entry.name }));
  if (dueVoters.length === 0) {
    throw refuse(
      'NO_DUE_VOTERS',
      `No member is due to vote at this assembly, so no election can be held (选举工作条例 Art 5).`,
      {},
    );
  }

  const seen = new Set<string>();
  for (const voter of presentVoters) {
    if (seen.has(voter.personId)) {
      throw invalid(
        'DUPLICATE_ATTENDEE',
        `${voter.name} is listed twice among the voters present; each voter is counted once.`,
        {
          personId: voter.personId,
        },
      );
    }
    seen.add(voter.personId);
    const standing = voterStanding(voter.personId, roll, concurrent);
    if (standing !== 'eligible') {
      const { code, why } = NOT_A_VOTER[standing];
      throw refuse(code, `${voter.name} cannot be counted as a voter present: ${voter.name} ${why}.`, {
        personId: voter.personId,
        standing,
      });
    }
    if (excluded.has(voter.personId)) {
      throw refuse(
        'EXCLUDED_MEMBER_LISTED_PRESENT',
        `${voter.name} was excused from those due to attend and cannot also be counted present; withdraw the exclusion to count the vote (RULES §1.5).`,
        { personId: voter.personId },
      );
    }
  }
  const dueIds = new Set(dueVoters.map((person) => person.personId));
  for (const attendee of nonVotingAttendees) {
    if (seen.has(attendee.person.personId)) {
      throw refuse(
        'ATTENDEE_LISTED_TWICE',
        `${attendee.person.name} is listed both as a voter and as a non-voting attendee; an attendee either votes or does not.`,
        { personId: attendee.person.personId },
      );
    }
    if (dueIds.has(attendee.person.personId)) {
      throw refuse(
        'DUE_VOTER_LISTED_AS_NON_VOTING',
        `${attendee.person.name} is a full member due to vote and is recorded among the voters present, not among the non-voting attendees (选举工作条例 Art 5).`,
        { personId: attendee.person.personId },
      );
    }
  }

  const due = dueVoters.length;
  const present = presentVoters.length;
  const quorumMet = policy.quorumInclusive
    ? present * policy.quorumDenominator >= due * policy.quorumNumerator
    : present * policy.quorumDenominator > due * policy.quorumNumerator;
  if (!quorumMet) {
    throw refuse(
      'QUORUM_NOT_MET',
      `${present} voters are present of ${due} due; the election may proceed only when those present with voting rights reach ${policy.quorumNumerator}/${policy.quorumDenominator} of those due${policy.quorumInclusive ? ', exactly that share included' : ''} (选举工作条例; RULES §1.5, ${ruleOf(policy)}).`,
      { present, due, numerator: policy.quorumNumerator, denominator: policy.quorumDenominator },
    );
  }

  const slatePersons = slateCandidates(state.slate);
  const candidateIds = new Set(slatePersons.map((person) => person.personId));
  for (const candidate of slatePersons) {
    if (voterStanding(candidate.personId, roll, concurrent) !== 'eligible') {
      throw refuse(
        'CANDIDATE_NO_LONGER_ELIGIBLE',
        `${candidate.name} is on the approved slate but is no longer a full member of this branch with voting rights, so cannot be elected (选举工作条例 Art 5).`,
        { personId: candidate.personId },
      );
    }
  }
  if (scrutineers.length === 0) {
    throw invalid(
      'SCRUTINEERS_REQUIRED',
      `The assembly names no scrutineers; scrutineers (监票人) supervise the whole vote (选举工作条例 Art 22).`,
      {},
    );
  }
  for (const scrutineer of scrutineers) {
    if (candidateIds.has(scrutineer.personId)) {
      throw refuse(
        'SCRUTINEER_IS_CANDIDATE',
        `${scrutineer.name} is a candidate and cannot be a scrutineer; scrutineers are chosen from members who are not candidates (选举工作条例 Art 22).`,
        { personId: scrutineer.personId },
      );
    }
    if (!seen.has(scrutineer.personId)) {
      throw refuse(
        'SCRUTINEER_NOT_PRESENT_VOTER',
        `${scrutineer.name} is not among the voters present; scrutineers are members attending the assembly (选举工作条例 Art 22).`,
        { personId: scrutineer.personId },
      );
    }
  }
  if (!isCarried(command.data.scrutineersApproval, present, 'the scrutineers', due)) {
    throw refuse(
      'SCRUTINEERS_NOT_APPROVED',
      `The scrutineers received ${command.data.scrutineersApproval.for} votes of ${due} due; the assembly approves them by more than half of those due (选举工作条例 Art 22; RULES §1.5).`,
      { for: command.data.scrutineersApproval.for, due },
    );
  }
  if (tellers.length === 0) {
    throw invalid(
      'TELLERS_REQUIRED',
      `The assembly names no tellers; tellers (计票人) count the ballots under the scrutineers (选举工作条例 Art 23).`,
      {},
    );
  }
  const candidateTeller = tellers.find((teller) => candidateIds.has(teller.personId));
  if (candidateTeller !== undefined) {
    throw refuse(
      'TELLER_IS_CANDIDATE',
      `${candidateTeller.name} is a candidate and cannot count the ballots (选举工作条例 Art 23; RULES §1.4 practice).`,
      { personId: candidateTeller.personId },
    );
  }
  if (!isCarried(command.data.electionMethodAdoption, present, 'the election method', due)) {
    throw refuse(
      'ELECTION_METHOD_NOT_ADOPTED',
      `The election method received ${command.data.electionMethodAdoption.for} votes of ${due} due; it is adopted by more than half of those due to vote (RULES §1.5, §6.5).`,
      { for: command.data.electionMethodAdoption.for, due },
    );
  }

  const races: RaceSetup[] = state.request.committee
    ? [{ race: 'committee', seats: state.request.committeeSeats, candidates: state.slate.committeeCandidates }]
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
