import { RulePolicy } from '../policy/rule-policy';
import { assertNever } from '../shared/decider';
import { Blocked as BlockedCommand, Refusal, RefusalCode } from '../shared/refusals';
import { ElectionCommandType } from './election.commands';
import { ElectionEventType } from './election.events';
import { ElectionState, ElectionStatus, RaceState } from './election.state';
import { APPROVAL_UNUSED, BEFORE_ASSEMBLY, hasUnusedApproval } from './election-statuses';

/**
 * A guard that depends only on the election's state, the policy in force and the date: what an
 * administrator's screen can know before any data is typed in. Guards on the command's data
 * (quorum, differential, eligibility) live in the decider and are reported when the command runs.
 */
export interface ElectionGuard {
  readonly code: RefusalCode;
  /**
   * The refusal that says why the command is blocked now (its sentence is in the refusal
   * catalogue), or null when it is not. `blocked` names the command and the election's status.
   */
  readonly blocks: (state: ElectionState, policy: RulePolicy, on: string, blocked: BlockedCommand) => Refusal | null;
}

/** The codes that say a command came out of the workflow's order; each one's details are the command and the status. */
export type OutOfOrderCode =
  | 'CENSUS_CLOSED'
  | 'REQUEST_ALREADY_SUBMITTED'
  | 'REQUEST_NOT_PENDING'
  | 'NO_UNUSED_APPROVAL'
  | 'ELECTION_ALREADY_HELD'
  | 'NOMINATION_NOT_OPEN'
  | 'VETTING_NOT_OPEN'
  | 'SLATE_NOT_OPEN'
  | 'SLATE_NOT_SUBMITTED'
  | 'SLATE_NOT_APPROVED'
  | 'ASSEMBLY_NOT_OPEN'
  | 'COMMITTEE_NOT_ELECTED'
  | 'OFFICERS_NOT_ELECTED'
  | 'RESULT_NOT_REPORTED'
  | 'RESULT_NOT_APPROVED'
  | 'INSTALLATION_NOT_REQUESTED'
  | 'RESULT_ALREADY_APPROVED';

export interface ElectionTransition {
  /** The statuses in which the command may run. */
  readonly from: readonly ElectionStatus[];
  /** The statuses it can lead to (for the state-machine diagram). */
  readonly to: readonly ElectionStatus[];
  readonly events: readonly ElectionEventType[];
  /** The refusal when the election is in another status; its sentence says which step comes first, and the rule. */
  readonly outOfOrder: { readonly code: OutOfOrderCode };
  readonly guards: readonly ElectionGuard[];
}

const approvalInForce: ElectionGuard = {
  code: 'APPROVAL_LAPSED',
  blocks: (state, _policy, on, blocked) =>
    hasUnusedApproval(state) && on >= state.approval.lapsesOn
      ? {
          code: 'APPROVAL_LAPSED',
          details: {
            ...blocked,
            approvalReference: state.approval.approvalReference,
            lapsesOn: state.approval.lapsesOn,
          },
        }
      : null,
};

const notLate: ElectionGuard = {
  code: 'ELECTION_LATE_WITHOUT_APPROVAL',
  blocks: (state, _policy, on, blocked) =>
    state.status !== 'none' && state.status !== 'cancelled' && state.dueDate !== null && on > state.dueDate
      ? { code: 'ELECTION_LATE_WITHOUT_APPROVAL', details: { ...blocked, dueDate: state.dueDate } }
      : null,
};

const knownDueDate: ElectionGuard = {
  code: 'TERM_END_UNKNOWN',
  blocks: (state, _policy, _on, blocked) =>
    state.status !== 'none' && state.status !== 'cancelled' && state.dueDate === null
      ? { code: 'TERM_END_UNKNOWN', details: blocked }
      : null,
};

const races = (state: ElectionState): readonly RaceState[] => ('races' in state ? state.races : []);

const raceInPhase = (
  phase: RaceState['phase'],
  code: 'NO_OPEN_BALLOT' | 'NO_BALLOTS_TO_COUNT' | 'NO_SHORTFALL',
): ElectionGuard => ({
  code,
  blocks: (state, _policy, _on, blocked) =>
    races(state).some((race) => race.phase === phase) ? null : { code, details: blocked },
});

/** Whether a race's seats can drop to those elected (RULES §1.5, §2.2). */
export function seatsReducible(race: RaceState, policy: RulePolicy): boolean {
  switch (race.race) {
    case 'committee':
      return race.elected.length >= policy.committeeSizeMin;
    case 'secretary':
      return false;
    case 'deputySecretary':
      return true;
    default:
      return assertNever(race.race);
  }
}

/**
 * The election's transition table: which command runs in which status, what it may lead to, and
 * the guards that block it. The decider refuses through this table and `nextActions` reads it, so
 * the two cannot drift; a later issue draws the state-machine diagram from it.
 */
export const ELECTION_TRANSITIONS = {
  TakeCensus: {
    from: ['none', 'censusTaken'],
    to: ['censusTaken'],
    events: ['CensusTaken'],
    outOfOrder: { code: 'CENSUS_CLOSED' },
    guards: [],
  },
  RequestElection: {
    from: ['censusTaken', 'approvalLapsed'],
    to: ['requested'],
    events: ['ElectionRequested'],
    outOfOrder: { code: 'REQUEST_ALREADY_SUBMITTED' },
    guards: [],
  },
  ApproveElectionRequest: {
    from: ['requested'],
    to: ['requestApproved'],
    events: ['ElectionRequestApproved'],
    outOfOrder: { code: 'REQUEST_NOT_PENDING' },
    guards: [],
  },
  LapseApproval: {
    from: APPROVAL_UNUSED,
    to: ['approvalLapsed'],
    events: ['ApprovalLapsed'],
    outOfOrder: { code: 'NO_UNUSED_APPROVAL' },
    guards: [
      {
        code: 'APPROVAL_NOT_YET_LAPSED',
        blocks: (state, _policy, on, blocked) =>
          hasUnusedApproval(state) && on < state.approval.lapsesOn
            ? {
                code: 'APPROVAL_NOT_YET_LAPSED',
                details: {
                  ...blocked,
                  approvalReference: state.approval.approvalReference,
                  lapsesOn: state.approval.lapsesOn,
                },
              }
            : null,
      },
    ],
  },
  PostponeElection: {
    from: BEFORE_ASSEMBLY,
    to: BEFORE_ASSEMBLY,
    events: ['ElectionPostponed'],
    outOfOrder: { code: 'ELECTION_ALREADY_HELD' },
    guards: [knownDueDate],
  },
  BringElectionForward: {
    from: BEFORE_ASSEMBLY,
    to: BEFORE_ASSEMBLY,
    events: ['ElectionBroughtForward'],
    outOfOrder: { code: 'ELECTION_ALREADY_HELD' },
    guards: [knownDueDate],
  },
  RecommendCandidate: {
    from: ['requestApproved'],
    to: ['requestApproved'],
    events: ['CandidateRecommended'],
    outOfOrder: { code: 'NOMINATION_NOT_OPEN' },
    guards: [approvalInForce],
  },
  NominateCandidate: {
    from: ['requestApproved'],
    to: ['requestApproved'],
    events: ['CandidateNominated'],
    outOfOrder: { code: 'NOMINATION_NOT_OPEN' },
    guards: [approvalInForce],
  },
  VetCandidate: {
    from: ['requestApproved', 'slateSubmitted'],
    to: ['requestApproved', 'slateSubmitted'],
    events: ['CandidateVetted'],
    outOfOrder: { code: 'VETTING_NOT_OPEN' },
    guards: [],
  },
  ConsultCommunity: {
    from: ['requestApproved', 'slateSubmitted'],
    to: ['requestApproved', 'slateSubmitted'],
    events: ['CommunityConsulted'],
    outOfOrder: { code: 'VETTING_NOT_OPEN' },
    guards: [],
  },
  SubmitCandidateSlate: {
    from: ['requestApproved', 'slateSubmitted'],
    to: ['slateSubmitted'],
    events: ['CandidateSlateSubmitted'],
    outOfOrder: { code: 'SLATE_NOT_OPEN' },
    guards: [approvalInForce],
  },
  ApproveCandidateSlate: {
    from: ['slateSubmitted'],
    to: ['slateApproved'],
    events: ['CandidateSlateApproved'],
    outOfOrder: { code: 'SLATE_NOT_SUBMITTED' },
    guards: [approvalInForce],
  },
  ConveneMembersAssembly: {
    from: ['slateApproved'],
    to: ['assemblyOpen'],
    events: ['MembersAssemblyConvened'],
    outOfOrder: { code: 'SLATE_NOT_APPROVED' },
    guards: [approvalInForce, notLate],
  },
  RecordBallots: {
    from: ['assemblyOpen'],
    to: ['assemblyOpen'],
    events: ['BallotsRecorded', 'BallotRoundVoided'],
    outOfOrder: { code: 'ASSEMBLY_NOT_OPEN' },
    guards: [raceInPhase('awaitingBallots', 'NO_OPEN_BALLOT')],
  },
  CountBallots: {
    from: ['assemblyOpen'],
    to: ['assemblyOpen', 'committeeElected', 'officersElected'],
    events: ['BallotsCounted', 'OfficersElected'],
    outOfOrder: { code: 'ASSEMBLY_NOT_OPEN' },
    guards: [raceInPhase('awaitingCount', 'NO_BALLOTS_TO_COUNT')],
  },
  HoldSupplementaryBallot: {
    from: ['assemblyOpen'],
    to: ['assemblyOpen'],
    events: ['SupplementaryBallotHeld'],
    outOfOrder: { code: 'ASSEMBLY_NOT_OPEN' },
    guards: [raceInPhase('shortfall', 'NO_SHORTFALL')],
  },
  ReduceSeats: {
    from: ['assemblyOpen'],
    to: ['assemblyOpen', 'committeeElected', 'officersElected'],
    events: ['SeatsReduced', 'OfficersElected'],
    outOfOrder: { code: 'ASSEMBLY_NOT_OPEN' },
    guards: [
      raceInPhase('shortfall', 'NO_SHORTFALL'),
      // Blocks only when no short race can be reduced; which race the command names is its data,
      // so reducing one that cannot be (the secretary beside a reducible deputy) is refused by the step.
      {
        code: 'SEATS_CANNOT_BE_REDUCED',
        blocks: (state, policy, _on, blocked) =>
          !races(state).some((race) => race.phase === 'shortfall' && seatsReducible(race, policy))
            ? {
                code: 'SEATS_CANNOT_BE_REDUCED',
                details: { ...blocked, committeeSizeMin: policy.committeeSizeMin, policyVersion: policy.version },
              }
            : null,
      },
    ],
  },
  ElectOfficers: {
    from: ['committeeElected'],
    to: ['officersElected'],
    events: ['OfficersElected'],
    outOfOrder: { code: 'COMMITTEE_NOT_ELECTED' },
    guards: [],
  },
  ReportElectionResult: {
    from: ['officersElected'],
    to: ['resultReported'],
    events: ['ElectionResultReported'],
    outOfOrder: { code: 'OFFICERS_NOT_ELECTED' },
    guards: [],
  },
  ApproveElectionResult: {
    from: ['resultReported'],
    to: ['resultApproved'],
    events: ['ElectionResultApproved'],
    outOfOrder: { code: 'RESULT_NOT_REPORTED' },
    guards: [],
  },
  RequestInstallation: {
    from: ['resultApproved'],
    to: ['installing'],
    events: ['InstallationRequested'],
    outOfOrder: { code: 'RESULT_NOT_APPROVED' },
    guards: [],
  },
  ConfirmInstallation: {
    from: ['installing'],
    to: ['installed'],
    events: ['ResultInstalled'],
    outOfOrder: { code: 'INSTALLATION_NOT_REQUESTED' },
    guards: [],
  },
  CancelElection: {
    from: [...BEFORE_ASSEMBLY, 'assemblyOpen', 'committeeElected', 'officersElected', 'resultReported'],
    to: ['cancelled'],
    events: ['ElectionCancelled'],
    outOfOrder: { code: 'RESULT_ALREADY_APPROVED' },
    guards: [],
  },
} as const satisfies { readonly [C in ElectionCommandType]: ElectionTransition };

export type ElectionTransitions = typeof ELECTION_TRANSITIONS;
export type StatusesFor<C extends ElectionCommandType> = ElectionTransitions[C]['from'][number];

/** Every command type, in the order of the workflow. */
export const ELECTION_COMMAND_TYPES = Object.keys(ELECTION_TRANSITIONS) as readonly ElectionCommandType[];

/** Why `command` cannot run now, or null when the table allows it (data checks still follow). */
export function blockedBy(
  command: ElectionCommandType,
  state: ElectionState,
  policy: RulePolicy,
  on: string,
): Refusal | null {
  const transition: ElectionTransition = ELECTION_TRANSITIONS[command];
  const blocked: BlockedCommand = { command, status: state.status };
  if (!transition.from.includes(state.status)) {
    switch (state.status) {
      case 'none':
        return { code: 'ELECTION_NOT_STARTED', details: blocked };
      case 'cancelled':
        return { code: 'ELECTION_CANCELLED', details: { ...blocked, reason: state.reason } };
      case 'installed':
        return { code: 'ELECTION_COMPLETED', details: blocked };
      default:
        return { code: transition.outOfOrder.code, details: blocked };
    }
  }
  for (const guard of transition.guards) {
    const refusal = guard.blocks(state, policy, on, blocked);
    if (refusal !== null) return refusal;
  }
  return null;
}
