import { refuse } from '../../shared/domain-error';
import { requireText } from '../../shared/iso-date';
import { OfficeName } from '../../shared/refusals';
import { ElectOfficers, Motion, Person, Race } from '../election.commands';
import { ElectedOfficer, ElectionEvent, OfficersElected } from '../election.events';
import { AtAssembly, ElectionIn, RaceState } from '../election.state';
import { evolveElection } from '../evolve-election';
import { isCarried, personOf, requirePostInElection } from '../guards';
import { Judge, stamp } from '../judge';

export function electOfficers(
  command: ElectOfficers,
  state: ElectionIn<'committeeElected'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const committee = committeeMembersOf(state);
  const byId = new Map(committee.map((person) => [person.personId, person]));
  const size = committee.length;
  const chair = byId.get(command.data.chairMemberId);
  if (chair === undefined) {
    throw refuse('CHAIR_NOT_NEW_COMMITTEE_MEMBER', { chairMemberId: command.data.chairMemberId });
  }
  const elect = (vote: { memberId: string; votes: Motion }, office: OfficeName): ElectedOfficer => {
    const person = byId.get(vote.memberId);
    if (person === undefined) throw refuse('OFFICER_NOT_ON_COMMITTEE', { memberId: vote.memberId, office });
    if (!isCarried(vote.votes, size, `the ${office}`, size)) {
      throw refuse('OFFICER_NOT_ELECTED_BY_MAJORITY', {
        memberId: vote.memberId,
        name: person.name,
        office,
        for: vote.votes.for,
        committee: size,
      });
    }
    return { personId: person.personId, name: person.name, votes: vote.votes };
  };
  const secretary = elect(command.data.secretary, 'secretary');
  const deputyVote = command.data.deputySecretary;
  if (deputyVote !== undefined) requirePostInElection('deputySecretary', state);
  if (deputyVote !== undefined && deputyVote.memberId === secretary.personId) {
    throw refuse('CANDIDATE_FOR_BOTH_OFFICES', {
      personId: secretary.personId,
      name: secretary.name,
      stage: 'officers',
    });
  }
  const deputySecretary = deputyVote === undefined ? null : elect(deputyVote, 'deputy secretary');
  if (command.data.scrutineers.length === 0) {
    throw refuse('SCRUTINEERS_REQUIRED', { meeting: 'committee' });
  }
  for (const scrutineer of command.data.scrutineers) {
    if (scrutineer.personId === secretary.personId || scrutineer.personId === deputySecretary?.personId) {
      throw refuse('SCRUTINEER_IS_CANDIDATE', {
        personId: scrutineer.personId,
        name: scrutineer.name,
        meeting: 'committee',
      });
    }
    if (!byId.has(scrutineer.personId)) {
      throw refuse('SCRUTINEER_NOT_COMMITTEE_MEMBER', { personId: scrutineer.personId, name: scrutineer.name });
    }
  }
  const duties: Record<string, string> = {};
  for (const [memberId, duty] of Object.entries(command.data.duties)) {
    if (!byId.has(memberId)) {
      throw refuse('DUTY_FOR_NON_COMMITTEE_MEMBER', { memberId });
    }
    duties[memberId] = requireText(duty, 'committee duty', 'DUTY_REQUIRED');
  }
  return [
    {
      type: 'OfficersElected',
      data: {
        ...stamp(state.electionId, judge),
        electedBy: 'committeeFirstMeeting',
        chair,
        secretary,
        deputySecretary,
        scrutineers: command.data.scrutineers.map(personOf),
        duties,
      },
    },
  ];
}

export function committeeMembersOf(state: AtAssembly): readonly Person[] {
  return (state.races.find((race) => race.race === 'committee')?.elected ?? []).map(personOf);
}

/**
 * A branch without a committee has elected its officers when its last contest closes: the
 * OfficersElected event follows in the same decision (RULES §1.3).
 */
export function withOfficersIfDone(
  state: ElectionIn<'assemblyOpen'>,
  event: ElectionEvent,
  judge: Judge,
): readonly ElectionEvent[] {
  const next = evolveElection(state, event);
  if (next.status !== 'assemblyOpen' || state.request.committee) return [event];
  if (!next.races.every((race) => race.phase === 'complete')) return [event];
  const officerOf = (race: Race): ElectedOfficer | null => {
    const contest = next.races.find((candidate) => candidate.race === race);
    const person = contest?.elected[0];
    return contest === undefined || person === undefined
      ? null
      : { ...personOf(person), votes: votesOf(contest, person.personId) };
  };
  const secretary = officerOf('secretary');
  if (secretary === null) return [event];
  const officers: OfficersElected = {
    type: 'OfficersElected',
    data: {
      ...stamp(state.electionId, judge),
      electedBy: 'membersAssembly',
      chair: null,
      secretary,
      deputySecretary: officerOf('deputySecretary'),
      scrutineers: state.assembly.scrutineers,
      duties: {},
    },
  };
  return [event, officers];
}

function votesOf(race: RaceState, personId: string): Motion {
  for (const round of [...race.rounds].reverse()) {
    const tally = round.tallies.find((candidate) => candidate.personId === personId);
    if (tally !== undefined) return { for: tally.for, against: tally.against, abstain: tally.abstain };
    const writeIn = round.writeIns.find((candidate) => candidate.personId === personId);
    if (writeIn !== undefined) return { for: writeIn.votes, against: 0, abstain: 0 };
  }
  return { for: 0, against: 0, abstain: 0 };
}
