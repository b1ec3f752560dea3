import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { RulePolicy } from '../policy/rule-policy';
import { ElectionCommandType } from './election.commands';
import { ElectionEventType } from './election.events';
import { ELECTION_STATUSES } from './election-statuses';
import { ELECTION_COMMAND_TYPES, ELECTION_TRANSITIONS } from './election.transitions';
import {
  ballot,
  convene,
  countBallots,
  history,
  recordBallots,
  SMALL_SECRETARY_SHORT,
  stateOf,
  TO_RESULT_APPROVED,
  TO_SLATE_APPROVED,
} from './election.fixtures';
import { nextActions } from './next-actions';

const policy = DEFAULT_RULE_POLICIES[1] as RulePolicy;
const at = '2023-05-20T09:00:00+08:00';
const allowedIn = (actions: ReturnType<typeof nextActions>): ElectionCommandType[] =>
  actions.filter((action) => action.allowed).map((action) => action.command);
const blockedAs = (actions: ReturnType<typeof nextActions>, command: ElectionCommandType) =>
  actions.find((action) => action.command === command);

describe('nextActions', () => {
  it('answers for every command type, allowing only the census at the start', () => {
    const actions = nextActions({ status: 'none' }, policy, at);
    expect(actions.map((action) => action.command)).toEqual(ELECTION_COMMAND_TYPES);
    expect(allowedIn(actions)).toEqual(['TakeCensus']);
    expect(blockedAs(actions, 'ConveneMembersAssembly')).toMatchObject({
      allowed: false,
      code: 'ELECTION_NOT_STARTED',
    });
  });

  it('after the slate approval allows the assembly, with the reason each other step is blocked', () => {
    const state = stateOf(history(TO_SLATE_APPROVED));
    const actions = nextActions(state, policy, at);
    expect(allowedIn(actions)).toEqual([
      'PostponeElection',
      'BringElectionForward',
      'ConveneMembersAssembly',
      'CancelElection',
    ]);
    const lapse = blockedAs(actions, 'LapseApproval');
    expect(lapse).toMatchObject({ allowed: false, code: 'APPROVAL_NOT_YET_LAPSED' });
    expect(lapse?.allowed === false && lapse.reason).toContain('2023-06-18');
    expect(blockedAs(actions, 'RequestInstallation')).toMatchObject({ allowed: false, code: 'RESULT_NOT_APPROVED' });
    expect(blockedAs(actions, 'RecordBallots')).toMatchObject({ allowed: false, code: 'ASSEMBLY_NOT_OPEN' });
  });

  it('on the lapse date blocks the assembly and allows the timer to lapse the approval', () => {
    const actions = nextActions(stateOf(history(TO_SLATE_APPROVED)), policy, '2023-06-18');
    expect(blockedAs(actions, 'ConveneMembersAssembly')).toMatchObject({ allowed: false, code: 'APPROVAL_LAPSED' });
    expect(blockedAs(actions, 'LapseApproval')).toEqual({ command: 'LapseApproval', allowed: true });
  });

  it('at the assembly allows recording ballots and blocks counting until they are recorded', () => {
    const actions = nextActions(stateOf(history([...TO_SLATE_APPROVED, convene()])), policy, at);
    expect(allowedIn(actions)).toEqual(['RecordBallots', 'CancelElection']);
    expect(blockedAs(actions, 'CountBallots')).toMatchObject({ allowed: false, code: 'NO_BALLOTS_TO_COUNT' });
    expect(blockedAs(actions, 'ReduceSeats')).toMatchObject({ allowed: false, code: 'NO_SHORTFALL' });
  });

  it('allows reducing seats while some short race can be reduced, and blocks it when none can', () => {
    expect(blockedAs(nextActions(stateOf(history(SMALL_SECRETARY_SHORT)), policy, at), 'ReduceSeats')).toMatchObject({
      allowed: false,
      code: 'SEATS_CANNOT_BE_REDUCED',
    });
    const bothShort = [
      ...SMALL_SECRETARY_SHORT,
      recordBallots(
        'deputySecretary',
        [1, 2, 3, 4].map(() => ballot({ s2: 'against' })),
        4,
      ),
      countBallots('deputySecretary'),
    ];
    expect(blockedAs(nextActions(stateOf(history(bothShort)), policy, at), 'ReduceSeats')).toEqual({
      command: 'ReduceSeats',
      allowed: true,
    });
  });

  it('allows installation only once the result is approved', () => {
    expect(allowedIn(nextActions(stateOf(history(TO_RESULT_APPROVED)), policy, at))).toEqual(['RequestInstallation']);
  });

  it('is read from the exported transition table, which covers every status and event', () => {
    const table = ELECTION_TRANSITIONS as Record<
      string,
      { from: readonly string[]; to: readonly string[]; events: readonly ElectionEventType[] }
    >;
    const reachable = new Set(['none', ...Object.values(table).flatMap((transition) => transition.to)]);
    expect(ELECTION_STATUSES.filter((status) => !reachable.has(status))).toEqual([]);
    expect(new Set(Object.values(table).flatMap((transition) => transition.events)).size).toBe(24);
    expect(() => nextActions({ status: 'none' }, policy, 'tomorrow')).toThrow('not an ISO date');
  });
});
