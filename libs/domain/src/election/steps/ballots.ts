import { invalid, notFound, refuse } from '../../shared/domain-error';
import { countRound, tallyBallots } from '../ballot-counting';
import { CountBallots, HoldSupplementaryBallot, Race, RecordBallots, ReduceSeats } from '../election.commands';
import { ElectionEvent } from '../election.events';
import { ElectionIn, RaceState } from '../election.state';
import { seatsReducible } from '../election.transitions';
import { isCarried, personOf } from '../guards';
import { Judge, ruleOf, stamp } from '../judge';
import { electableIn } from '../voters';
import { withOfficersIfDone } from './officers';

type RacePhase = RaceState['phase'];

/**
 * The contest a ballot command names, in the phase the command needs: each round is recorded,
 * then counted, and a shortfall is resolved before anyone votes again.
 */
function requireRaceIn<P extends RacePhase>(
  state: ElectionIn<'assemblyOpen'>,
  race: Race,
  phase: P,
  wanted: string,
  code: string,
): Extract<RaceState, { phase: P }> {
  const found = state.races.find((candidate) => candidate.race === race);
  if (found === undefined) {
    throw notFound(
      'RACE_NOT_IN_ELECTION',
      `This assembly holds no ${race} contest; ${state.request.committee ? 'a committee branch elects its committee at the assembly and its officers at the first committee meeting' : 'a branch without a committee elects its secretary and any deputy at the assembly'} (RULES §1.3).`,
      { race },
    );
  }
  if (!isInPhase(found, phase)) {
    throw refuse(
      code,
      `The ${found.race} contest is ${found.phase}, not ${wanted}; each round is recorded, then counted, and a shortfall is resolved before anyone votes again (RULES Workflow A.8–9).`,
      { race: found.race, phase: found.phase },
    );
  }
  return found;
}

function isInPhase<P extends RacePhase>(race: RaceState, phase: P): race is Extract<RaceState, { phase: P }> {
  return race.phase === phase;
}

export function recordBallots(
  command: RecordBallots,
  state: ElectionIn<'assemblyOpen'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const race = requireRaceIn(
    state,
    command.data.race,
    'awaitingBallots',
    'waiting for ballots',
    'RACE_NOT_OPEN_FOR_BALLOTS',
  );
  const present = state.assembly.presentVoters.length;
  const { issued, ballots } = command.data;
  if (issued !== present) {
    throw refuse(
      'BALLOTS_ISSUED_NOT_PRESENT_VOTERS',
      `${issued} ballots were issued for ${present} voters present; one ballot is issued to each voter present, with no proxies or absentee votes (选举工作条例 Art 24; RULES Workflow A.8).`,
      { issued, present },
    );
  }
  const returned = ballots.length;
  const base = { ...stamp(state.electionId, judge), race: race.race, roundNo: race.round.roundNo };
  if (returned > issued) return [{ type: 'BallotRoundVoided', data: { ...base, issued, returned } }];
  const tally = tallyBallots(race.round, ballots);
  return [
    {
      type: 'BallotsRecorded',
      data: {
        ...base,
        roundKind: race.round.kind,
        seats: race.round.seats,
        candidates: race.round.candidates,
        issued,
        returned,
        ...tally,
      },
    },
  ];
}

export function countBallots(
  command: CountBallots,
  state: ElectionIn<'assemblyOpen'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const race = requireRaceIn(state, command.data.race, 'awaitingCount', 'waiting to be counted', 'NO_BALLOTS_TO_COUNT');
  const { policy } = judge;
  const due = state.assembly.dueVoters.length;
  const present = state.assembly.presentVoters.length;
  const base = policy.majorityBase === 'due' ? due : present;
  const electable = electableIn(state);
  const result = countRound({
    round: race.round,
    tallies: race.recorded.tallies,
    writeIns: race.recorded.writeIns,
    base,
    electable,
  });
  const counted: ElectionEvent = {
    type: 'BallotsCounted',
    data: {
      ...stamp(state.electionId, judge),
      race: race.race,
      roundNo: race.round.roundNo,
      roundKind: race.round.kind,
      majorityBase: policy.majorityBase,
      base,
      dueVoters: due,
      presentVoters: present,
      ...result,
    },
  };
  return withOfficersIfDone(state, counted, judge);
}

export function supplementary(
  command: HoldSupplementaryBallot,
  state: ElectionIn<'assemblyOpen'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const race = requireRaceIn(state, command.data.race, 'shortfall', 'short of seats', 'NO_SHORTFALL');
  const seats = race.seats - race.elected.length;
  const { candidates } = command.data;
  const ids = candidates.map((person) => person.personId);
  if (new Set(ids).size !== ids.length) {
    throw invalid(
      'DUPLICATE_CANDIDATE',
      `The supplementary ballot names a candidate twice; each candidate appears once.`,
      {},
    );
  }
  if (candidates.length < seats) {
    throw refuse(
      'TOO_FEW_SUPPLEMENTARY_CANDIDATES',
      `The supplementary ballot names ${candidates.length} candidates for ${seats} empty seats; it needs at least one candidate per seat (RULES §1.5).`,
      { candidates: candidates.length, seats },
    );
  }
  const electable = electableIn(state);
  const ineligible = candidates.find((person) => !electable(person.personId));
  if (ineligible !== undefined) {
    throw refuse(
      'SUPPLEMENTARY_CANDIDATE_NOT_ELIGIBLE',
      `${ineligible.name} cannot stand in the supplementary ballot: only a full member of this branch with voting rights who has not already been elected can (选举工作条例 Art 5; RULES §1.5).`,
      { personId: ineligible.personId },
    );
  }
  return [
    {
      type: 'SupplementaryBallotHeld',
      data: {
        ...stamp(state.electionId, judge),
        race: race.race,
        roundNo: race.nextRoundNo,
        candidates: candidates.map(personOf),
        seats,
      },
    },
  ];
}

export function reduceSeats(
  command: ReduceSeats,
  state: ElectionIn<'assemblyOpen'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const race = requireRaceIn(state, command.data.race, 'shortfall', 'short of seats', 'NO_SHORTFALL');
  const { policy } = judge;
  if (!seatsReducible(race, policy)) {
    throw refuse(
      'SEATS_CANNOT_BE_REDUCED',
      race.race === 'committee'
        ? `Only ${race.elected.length} committee members were elected, and a committee keeps at least ${policy.committeeSizeMin}, so the empty seats need a supplementary ballot (支部工作条例 ch. 6; RULES §1.5, ${ruleOf(policy)}).`
        : `A branch always has a secretary, so an empty secretary seat is filled by a supplementary ballot, never reduced away (RULES §1.5, §2.2).`,
      { race: race.race, elected: race.elected.length },
    );
  }
  const due = state.assembly.dueVoters.length;
  if (!isCarried(command.data.consent, state.assembly.presentVoters.length, 'reducing the seats', due)) {
    throw refuse(
      'SEAT_REDUCTION_NOT_CONSENTED',
      `${command.data.consent.for} of ${due} electors consented to reducing the seats; seats are reduced without a further vote only when more than half of the electors agree (RULES §1.5).`,
      { for: command.data.consent.for, due },
    );
  }
  const reduced: ElectionEvent = {
    type: 'SeatsReduced',
    data: {
      ...stamp(state.electionId, judge),
      race: race.race,
      fromSeats: race.seats,
      toSeats: race.elected.length,
      consent: command.data.consent,
      dueVoters: due,
    },
  };
  return withOfficersIfDone(state, reduced, judge);
}
