import { refuse } from '../../shared/domain-error';
import { countRound, tallyBallots } from '../ballot-counting';
import { CountBallots, HoldSupplementaryBallot, Race, RecordBallots, ReduceSeats } from '../election.commands';
import { ElectionEvent } from '../election.events';
import { ElectionIn, RaceState } from '../election.state';
import { seatsReducible } from '../election.transitions';
import { isCarried, personOf } from '../guards';
import { Judge, stamp } from '../judge';
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
  code: 'RACE_NOT_OPEN_FOR_BALLOTS' | 'NO_BALLOTS_TO_COUNT' | 'NO_SHORTFALL',
): Extract<RaceState, { phase: P }> {
  const found = state.races.find((candidate) => candidate.race === race);
  if (found === undefined) {
    throw refuse('RACE_NOT_IN_ELECTION', { race, committee: state.request.committee });
  }
  if (!isInPhase(found, phase)) throw refuse(code, { race: found.race, phase: found.phase });
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
  const race = requireRaceIn(state, command.data.race, 'awaitingBallots', 'RACE_NOT_OPEN_FOR_BALLOTS');
  const present = state.assembly.presentVoters.length;
  const { issued, ballots } = command.data;
  if (issued !== present) {
    throw refuse('BALLOTS_ISSUED_NOT_PRESENT_VOTERS', { issued, present });
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
  const race = requireRaceIn(state, command.data.race, 'awaitingCount', 'NO_BALLOTS_TO_COUNT');
  const { policy } = judge;
  const due = state.assembly.dueVoters.length;
  const present = state.assembly.presentVoters.length;
  const base = policy.majorityBase === 'due' ? due : present;
  const electable = electableIn(state, judge.policy);
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
  const race = requireRaceIn(state, command.data.race, 'shortfall', 'NO_SHORTFALL');
  const seats = race.seats - race.elected.length;
  const { candidates } = command.data;
  const ids = candidates.map((person) => person.personId);
  if (new Set(ids).size !== ids.length) {
    throw refuse('DUPLICATE_CANDIDATE', { round: 'supplementary' });
  }
  if (candidates.length < seats) {
    throw refuse('TOO_FEW_SUPPLEMENTARY_CANDIDATES', { candidates: candidates.length, seats });
  }
  const electable = electableIn(state, judge.policy);
  const ineligible = candidates.find((person) => !electable(person.personId));
  if (ineligible !== undefined) {
    throw refuse('SUPPLEMENTARY_CANDIDATE_NOT_ELIGIBLE', { personId: ineligible.personId, name: ineligible.name });
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
  const race = requireRaceIn(state, command.data.race, 'shortfall', 'NO_SHORTFALL');
  const { policy } = judge;
  if (!seatsReducible(race, policy)) {
    throw refuse('SEATS_CANNOT_BE_REDUCED', {
      race: race.race,
      elected: race.elected.length,
      committeeSizeMin: policy.committeeSizeMin,
      policyVersion: policy.version,
    });
  }
  const due = state.assembly.dueVoters.length;
  if (!isCarried(command.data.consent, state.assembly.presentVoters.length, 'reducing the seats', due)) {
    throw refuse('SEAT_REDUCTION_NOT_CONSENTED', { for: command.data.consent.for, due });
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
