import { ELECTION_STATUS_CATALOGUE, type ElectionCommandType, type ElectionState } from '@app/domain';

/**
 * The step an administrator takes next, as a hint for the board (the election's next actions are
 * authoritative). Each status's step is in the domain's status catalogue; only the assembly's
 * contests refine it here.
 */
export interface NextStep {
  /** The command that moves the election on, or null when it is closed. */
  readonly command: ElectionCommandType | null;
  readonly zh: string;
  readonly en: string;
}

const step = (command: ElectionCommandType | null, zh: string, en: string): NextStep => ({ command, zh, en });

/**
 * The next step from the election's state alone: at the assembly, whichever contest is waiting
 * (a count, a supplementary ballot, or ballots). Time and policy guards are left to the
 * election's own next actions; the board only says where each branch stands.
 */
export function nextStepOf(state: ElectionState): NextStep {
  if (state.status === 'assemblyOpen') {
    const phases = new Set(state.races.map((race) => race.phase));
    if (phases.has('awaitingCount')) return step('CountBallots', '计票', 'Count the recorded ballots');
    if (phases.has('shortfall')) {
      return step(
        'HoldSupplementaryBallot',
        '当选人数不足，另行选举或减少名额',
        'Too few elected: hold a supplementary ballot or reduce the seats',
      );
    }
  }
  return ELECTION_STATUS_CATALOGUE[state.status].next;
}
