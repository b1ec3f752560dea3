import type { ElectionStatus, ElectionStreamEvent, RestructuringEvent, RestructuringState } from '@app/domain';

export type RestructuringStateName = Exclude<RestructuringState['status'], 'none'>;

/** Every state a restructuring can be in, in workflow order: the statistics breakdown lists them all. */
export const RESTRUCTURING_STATES: readonly RestructuringStateName[] = [
  'proposed',
  'approved',
  'executing',
  'completed',
  'abandoned',
];

/**
 * The state a restructuring is in after each of its events; null for events that do not move
 * it (BranchesMerged is a record for auditors, not a step). A new restructuring event fails to
 * compile here until it is given a state.
 */
export const RESTRUCTURING_STATE_BY_EVENT: {
  readonly [K in RestructuringEvent['type']]: RestructuringStateName | null;
} & Readonly<Record<string, RestructuringStateName | null | undefined>> = {
  RestructuringProposed: 'proposed',
  RestructuringApproved: 'approved',
  RestructuringExecutionStarted: 'executing',
  RestructuringCompleted: 'completed',
  RestructuringAbandoned: 'abandoned',
  BranchesMerged: null,
};

export type ElectionStateName = Exclude<ElectionStatus, 'none'>;

/** What an election event does to its election's state: a fixed state, none (null), or one read from its data. */
export type ElectionStateChange<E extends ElectionStreamEvent = ElectionStreamEvent> =
  ElectionStateName | null | ((data: E['data']) => ElectionStateName | null);

/**
 * The state an election (`election-…` stream, one branch, one term) is in after each of its
 * events, as `evolveElection` moves it; null for events that record a step without changing the
 * state (a nomination, a postponement, a ballot round). Counting moves a committee branch to
 * `committeeElected` once its committee contest is complete; a branch without a committee goes
 * on to `officersElected` with the OfficersElected event of the same decision. A new election
 * event fails to compile here until it is given a state.
 */
export const ELECTION_STATE_BY_EVENT = {
  CensusTaken: 'censusTaken',
  ElectionRequested: 'requested',
  ElectionRequestApproved: 'requestApproved',
  ApprovalLapsed: 'approvalLapsed',
  ElectionPostponed: null,
  ElectionBroughtForward: null,
  CandidateRecommended: null,
  CandidateNominated: null,
  CandidateVetted: null,
  CommunityConsulted: null,
  CandidateSlateSubmitted: 'slateSubmitted',
  CandidateSlateApproved: 'slateApproved',
  MembersAssemblyConvened: 'assemblyOpen',
  BallotsRecorded: null,
  BallotRoundVoided: null,
  BallotsCounted: (data) => (data.race === 'committee' && data.outcome === 'complete' ? 'committeeElected' : null),
  SupplementaryBallotHeld: null,
  SeatsReduced: (data) => (data.race === 'committee' ? 'committeeElected' : null),
  OfficersElected: 'officersElected',
  ElectionResultReported: 'resultReported',
  ElectionResultApproved: 'resultApproved',
  InstallationRequested: 'installing',
  ResultInstalled: 'installed',
  ElectionCancelled: 'cancelled',
  // The timer's record that the bureau was reminded of the installed term's end.
  TermEndReminderDue: null,
} as const satisfies { readonly [E in ElectionStreamEvent as E['type']]: ElectionStateChange<E> };

/** The states the table above can lead to (a function's entries by their return type). */
type ReachedState<Change> = Change extends (data: never) => infer State ? State : Change;
type ReachedStates = ReachedState<(typeof ELECTION_STATE_BY_EVENT)[keyof typeof ELECTION_STATE_BY_EVENT]>;
type MustBeEmpty<Unreached extends never> = Unreached;
/**
 * A status added to the domain's catalogue fails to compile here ("does not satisfy the
 * constraint 'never'", naming it) until some event leads to it: otherwise the statistics would
 * never count an election in it.
 */
export type EveryElectionStateReachedByAnEvent = MustBeEmpty<Exclude<ElectionStateName, ReachedStates>>;

export function isElectionEventType(type: string): type is ElectionStreamEvent['type'] {
  return Object.prototype.hasOwnProperty.call(ELECTION_STATE_BY_EVENT, type);
}

/** The state an election event leads to, or null when it leaves the state as it was (or is no election event). */
export function electionStateAfter(type: string, data: unknown): ElectionStateName | null {
  if (!isElectionEventType(type)) return null;
  const change = ELECTION_STATE_BY_EVENT[type] as ElectionStateChange;
  return typeof change === 'function' ? change(data as ElectionStreamEvent['data']) : change;
}
