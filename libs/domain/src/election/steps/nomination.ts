import { refuse } from '../../shared/domain-error';
import { requireText } from '../../shared/iso-date';
import { ConsultCommunity, NominateCandidate, Person, RecommendCandidate, VetCandidate } from '../election.commands';
import { ElectionEvent } from '../election.events';
import { ElectionIn } from '../election.state';
import { personOf, requireDateBetween, requireEligibleNominee, requirePostInElection } from '../guards';
import { Judge, stamp } from '../judge';

export function requireNominee(state: ElectionIn<'requestApproved' | 'slateSubmitted'>, memberId: string): Person {
  const entry = state.nominations.nominees.find((nomination) => nomination.nominee.personId === memberId);
  if (entry === undefined) {
    throw refuse('CANDIDATE_NOT_NOMINATED', { memberId });
  }
  return entry.nominee;
}

export function recommend(
  command: RecommendCandidate,
  state: ElectionIn<'requestApproved'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { nominee, forPost, context } = command.data;
  requirePostInElection(forPost, state);
  requireEligibleNominee(nominee, context.nominee, state.branchId, judge.policy);
  if (command.data.recommendedBy.length === 0) {
    throw refuse('RECOMMENDERS_REQUIRED', { personId: nominee.personId, name: nominee.name });
  }
  const recommendedBy = command.data.recommendedBy.map((person) => ({
    personId: person.personId,
    name: requireText(person.name, 'recommender name', 'INVALID_NAME'),
  }));
  return [
    {
      type: 'CandidateRecommended',
      data: { ...stamp(state.electionId, judge), nominee: personOf(nominee), forPost, recommendedBy },
    },
  ];
}

export function nominate(
  command: NominateCandidate,
  state: ElectionIn<'requestApproved'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { nominee, forPost, context } = command.data;
  requirePostInElection(forPost, state);
  requireEligibleNominee(nominee, context.nominee, state.branchId, judge.policy);
  const nominatedBy = requireText(command.data.nominatedBy, 'nominating body');
  if (
    state.nominations.nominees.some((entry) => entry.nominee.personId === nominee.personId && entry.forPost === forPost)
  ) {
    return [];
  }
  return [
    {
      type: 'CandidateNominated',
      data: { ...stamp(state.electionId, judge), nominee: personOf(nominee), forPost, nominatedBy },
    },
  ];
}

export function vet(
  command: VetCandidate,
  state: ElectionIn<'requestApproved' | 'slateSubmitted'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const nominee = requireNominee(state, command.data.memberId);
  const on = requireDateBetween(command.data.on, 'vetting date', state.approval.approvedOn, judge.on);
  return [
    {
      type: 'CandidateVetted',
      data: {
        ...stamp(state.electionId, judge),
        nominee,
        method: command.data.method,
        by: requireText(command.data.by, 'name of who vetted'),
        notes: requireText(command.data.notes, 'vetting notes'),
        on,
      },
    },
  ];
}

export function consult(
  command: ConsultCommunity,
  state: ElectionIn<'requestApproved' | 'slateSubmitted'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const nominee = command.data.memberId === undefined ? null : requireNominee(state, command.data.memberId);
  return [
    {
      type: 'CommunityConsulted',
      data: {
        ...stamp(state.electionId, judge),
        nominee,
        community: requireText(command.data.community, 'community consulted', 'INVALID_NAME'),
        opinion: requireText(command.data.opinion, "community's opinion"),
        on: requireDateBetween(command.data.on, 'consultation date', state.approval.approvedOn, judge.on),
      },
    },
  ];
}
