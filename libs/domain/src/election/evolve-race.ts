import { assertNever } from '../shared/decider';
import { Race } from './election.commands';
import { BallotsCounted } from './election.events';
import { ElectionState, RaceState } from './election.state';

/** Applies a change to one race at the open assembly; closes the assembly when every race is complete. */
export function updateRace(state: ElectionState, race: Race, change: (race: RaceState) => RaceState): ElectionState {
  if (state.status !== 'assemblyOpen') return state;
  const races = state.races.map((candidate) => (candidate.race === race ? change(candidate) : candidate));
  const done = races.every((candidate) => candidate.phase === 'complete');
  // A committee branch goes on to its first committee meeting; a branch without one records
  // OfficersElected in the same decision, which moves it on.
  return { ...state, races, status: done && state.request.committee ? 'committeeElected' : 'assemblyOpen' };
}

type ShortfallRace = Extract<RaceState, { phase: 'shortfall' }>;

/** A shortfall is resolved by a supplementary ballot or by reducing the seats; either way the not-elected list goes. */
export function resolveShortfall(
  state: ElectionState,
  race: Race,
  resolve: (rest: Omit<ShortfallRace, 'notElected'>) => RaceState,
): ElectionState {
  return updateRace(state, race, (current) => {
    if (current.phase !== 'shortfall') return current;
    const { notElected: _notElected, ...rest } = current;
    return resolve(rest);
  });
}

/** Where a count leaves the contest: closed, off to a runoff, or short of seats to be resolved. */
export function afterCount(race: RaceState, counted: BallotsCounted['data']): RaceState {
  if (race.phase !== 'awaitingCount') return race;
  const { recorded: _recorded, round: _round, ...rest } = race;
  const base = {
    ...rest,
    elected: [...race.elected, ...counted.elected],
    counts: [...race.counts, counted],
  };
  switch (counted.outcome) {
    case 'complete':
      return { ...base, phase: 'complete' };
    case 'runoff':
      return {
        ...base,
        phase: 'awaitingBallots',
        round: {
          roundNo: race.nextRoundNo,
          kind: 'runoff',
          candidates: counted.runoff?.candidates ?? [],
          seats: counted.runoff?.seats ?? 0,
        },
        nextRoundNo: race.nextRoundNo + 1,
      };
    case 'shortfall': {
      const elected = new Set(base.elected.map((person) => person.personId));
      return {
        ...base,
        phase: 'shortfall',
        notElected: race.slateCandidates.filter((person) => !elected.has(person.personId)),
      };
    }
    default:
      return assertNever(counted.outcome);
  }
}
