import { RulePolicy } from '../policy/rule-policy';
import { assertNever } from '../shared/decider';
import { ElectionCommandType } from './election.commands';
import { ElectionEventType } from './election.events';
import { ElectionState, ElectionStatus, hasUnusedApproval, RaceState } from './election.state';

/**
 * A guard that depends only on the election's state, the policy in force and the date: what an
 * administrator's screen can know before any data is typed in. Guards on the command's data
 * (quorum, differential, eligibility) live in the decider and are reported when the command runs.
 */
export interface ElectionGuard {
  readonly code: string;
  /** The sentence that says why the command is blocked now, or null when it is not. */
  readonly blocks: (state: ElectionState, policy: RulePolicy, on: string) => string | null;
}

export interface ElectionTransition {
  /** The statuses in which the command may run. */
  readonly from: readonly ElectionStatus[];
  /** The statuses it can lead to (for the state-machine diagram). */
  readonly to: readonly ElectionStatus[];
  readonly events: readonly ElectionEventType[];
  /** The refusal when the election is in another status: which step must come first, and the rule. */
  readonly outOfOrder: { readonly code: string; readonly why: string };
  readonly guards: readonly ElectionGuard[];
}

/** The statuses before the members' assembly, in which the election can still be postponed or advanced. */
export const BEFORE_ASSEMBLY = [
  'censusTaken',
  'requested',
  'requestApproved',
  'slateSubmitted',
  'slateApproved',
  'approvalLapsed',
] as const satisfies readonly ElectionStatus[];

const approvalInForce: ElectionGuard = {
  code: 'APPROVAL_LAPSED',
  blocks: (state, _policy, on) =>
    hasUnusedApproval(state) && on >= state.approval.lapsesOn
      ? `The approval ${state.approval.approvalReference} lapsed on ${state.approval.lapsesOn} unused, so a new request must be approved before the election continues (RULES §1.6).`
      : null,
};

const notLate: ElectionGuard = {
  code: 'ELECTION_LATE_WITHOUT_APPROVAL',
  blocks: (state, _policy, on) =>
    state.status !== 'none' && state.status !== 'cancelled' && state.dueDate !== null && on > state.dueDate
      ? `The election was due by ${state.dueDate}; holding it later needs the superior's approval of a postponement (选举工作条例 Art 3).`
      : null,
};

const knownDueDate: ElectionGuard = {
  code: 'TERM_END_UNKNOWN',
  blocks: (state) =>
    state.status !== 'none' && state.status !== 'cancelled' && state.dueDate === null
      ? `The census recorded no current term end, so there is no due date to postpone or advance (选举工作条例 Art 3).`
      : null,
};

const races = (state: ElectionState): readonly RaceState[] => ('races' in state ? state.races : []);

const raceInPhase = (phase: RaceState['phase'], code: string, why: string): ElectionGuard => ({
  code,
  blocks: (state) => (races(state).some((race) => race.phase === phase) ? null : why),
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
    outOfOrder: {
      code: 'CENSUS_CLOSED',
      why: 'the census (摸排) is taken before the request is submitted and stands for the rest of the election (RULES Workflow A.2).',
    },
    guards: [],
  },
  RequestElection: {
    from: ['censusTaken', 'approvalLapsed'],
    to: ['requested'],
    events: ['ElectionRequested'],
    outOfOrder: {
      code: 'REQUEST_ALREADY_SUBMITTED',
      why: 'a branch submits one request (换届请示) per election, and again only after its approval lapsed (RULES Workflow A.3).',
    },
    guards: [],
  },
  ApproveElectionRequest: {
    from: ['requested'],
    to: ['requestApproved'],
    events: ['ElectionRequestApproved'],
    outOfOrder: {
      code: 'REQUEST_NOT_PENDING',
      why: 'the superior approves (批复) a submitted request that is still waiting for its answer (RULES Workflow A.4).',
    },
    guards: [],
  },
  LapseApproval: {
    from: ['requestApproved', 'slateSubmitted', 'slateApproved'],
    to: ['approvalLapsed'],
    events: ['ApprovalLapsed'],
    outOfOrder: {
      code: 'NO_UNUSED_APPROVAL',
      why: 'only an approval not yet used by a members’ assembly can lapse (RULES §1.6).',
    },
    guards: [
      {
        code: 'APPROVAL_NOT_YET_LAPSED',
        blocks: (state, _policy, on) =>
          hasUnusedApproval(state) && on < state.approval.lapsesOn
            ? `The approval ${state.approval.approvalReference} stays valid until ${state.approval.lapsesOn}; it lapses only when that day comes unused (RULES §1.6).`
            : null,
      },
    ],
  },
  PostponeElection: {
    from: BEFORE_ASSEMBLY,
    to: BEFORE_ASSEMBLY,
    events: ['ElectionPostponed'],
    outOfOrder: {
      code: 'ELECTION_ALREADY_HELD',
      why: 'an election can be postponed or advanced only before its members’ assembly (选举工作条例 Art 3).',
    },
    guards: [knownDueDate],
  },
  BringElectionForward: {
    from: BEFORE_ASSEMBLY,
    to: BEFORE_ASSEMBLY,
    events: ['ElectionBroughtForward'],
    outOfOrder: {
      code: 'ELECTION_ALREADY_HELD',
      why: 'an election can be postponed or advanced only before its members’ assembly (选举工作条例 Art 3).',
    },
    guards: [knownDueDate],
  },
  RecommendCandidate: {
    from: ['requestApproved'],
    to: ['requestApproved'],
    events: ['CandidateRecommended'],
    outOfOrder: {
      code: 'NOMINATION_NOT_OPEN',
      why: 'candidates are recommended and nominated after the superior approved the request and before the slate is submitted (RULES Workflow A.5).',
    },
    guards: [approvalInForce],
  },
  NominateCandidate: {
    from: ['requestApproved'],
    to: ['requestApproved'],
    events: ['CandidateNominated'],
    outOfOrder: {
      code: 'NOMINATION_NOT_OPEN',
      why: 'candidates are recommended and nominated after the superior approved the request and before the slate is submitted (RULES Workflow A.5).',
    },
    guards: [approvalInForce],
  },
  VetCandidate: {
    from: ['requestApproved', 'slateSubmitted'],
    to: ['requestApproved', 'slateSubmitted'],
    events: ['CandidateVetted'],
    outOfOrder: {
      code: 'VETTING_NOT_OPEN',
      why: 'nominees are vetted between their nomination and the superior’s consent to the slate (RULES §1.2 practice).',
    },
    guards: [],
  },
  ConsultCommunity: {
    from: ['requestApproved', 'slateSubmitted'],
    to: ['requestApproved', 'slateSubmitted'],
    events: ['CommunityConsulted'],
    outOfOrder: {
      code: 'VETTING_NOT_OPEN',
      why: 'nominees are vetted between their nomination and the superior’s consent to the slate (RULES §1.2 practice).',
    },
    guards: [],
  },
  SubmitCandidateSlate: {
    from: ['requestApproved', 'slateSubmitted'],
    to: ['slateSubmitted'],
    events: ['CandidateSlateSubmitted'],
    outOfOrder: {
      code: 'SLATE_NOT_OPEN',
      why: 'the candidate slate is submitted after the request is approved and until the superior consents to it (RULES Workflow A.6).',
    },
    guards: [approvalInForce],
  },
  ApproveCandidateSlate: {
    from: ['slateSubmitted'],
    to: ['slateApproved'],
    events: ['CandidateSlateApproved'],
    outOfOrder: {
      code: 'SLATE_NOT_SUBMITTED',
      why: 'the superior consents to a slate that has been submitted and not yet approved (选举工作条例 Art 14).',
    },
    guards: [approvalInForce],
  },
  ConveneMembersAssembly: {
    from: ['slateApproved'],
    to: ['assemblyOpen'],
    events: ['MembersAssemblyConvened'],
    outOfOrder: {
      code: 'SLATE_NOT_APPROVED',
      why: 'the members’ assembly elects from a slate the superior has approved, and meets once per election (选举工作条例 Art 14).',
    },
    guards: [approvalInForce, notLate],
  },
  RecordBallots: {
    from: ['assemblyOpen'],
    to: ['assemblyOpen'],
    events: ['BallotsRecorded', 'BallotRoundVoided'],
    outOfOrder: {
      code: 'ASSEMBLY_NOT_OPEN',
      why: 'ballots are cast at the members’ assembly while a contest is still open (RULES Workflow A.8).',
    },
    guards: [
      raceInPhase(
        'awaitingBallots',
        'NO_OPEN_BALLOT',
        'No contest is waiting for ballots: each recorded round must be counted first, and a shortfall needs a supplementary ballot before voting again (RULES Workflow A.8–9).',
      ),
    ],
  },
  CountBallots: {
    from: ['assemblyOpen'],
    to: ['assemblyOpen', 'committeeElected', 'officersElected'],
    events: ['BallotsCounted', 'OfficersElected'],
    outOfOrder: {
      code: 'ASSEMBLY_NOT_OPEN',
      why: 'ballots are cast at the members’ assembly while a contest is still open (RULES Workflow A.8).',
    },
    guards: [
      raceInPhase(
        'awaitingCount',
        'NO_BALLOTS_TO_COUNT',
        'No recorded round is waiting to be counted; the tellers count the ballots of a round once they are recorded (RULES Workflow A.9).',
      ),
    ],
  },
  HoldSupplementaryBallot: {
    from: ['assemblyOpen'],
    to: ['assemblyOpen'],
    events: ['SupplementaryBallotHeld'],
    outOfOrder: {
      code: 'ASSEMBLY_NOT_OPEN',
      why: 'ballots are cast at the members’ assembly while a contest is still open (RULES Workflow A.8).',
    },
    guards: [
      raceInPhase(
        'shortfall',
        'NO_SHORTFALL',
        'No contest has seats left empty after its count; a supplementary ballot (另行选举) fills only seats that too few candidates won (RULES §1.5).',
      ),
    ],
  },
  ReduceSeats: {
    from: ['assemblyOpen'],
    to: ['assemblyOpen', 'committeeElected', 'officersElected'],
    events: ['SeatsReduced', 'OfficersElected'],
    outOfOrder: {
      code: 'ASSEMBLY_NOT_OPEN',
      why: 'ballots are cast at the members’ assembly while a contest is still open (RULES Workflow A.8).',
    },
    guards: [
      raceInPhase(
        'shortfall',
        'NO_SHORTFALL',
        'No contest has seats left empty after its count; seats are reduced only when too few candidates won (RULES §1.5).',
      ),
      // Blocks only when no short race can be reduced; which race the command names is its data,
      // so reducing one that cannot be (the secretary beside a reducible deputy) is refused by the step.
      {
        code: 'SEATS_CANNOT_BE_REDUCED',
        blocks: (state, policy) =>
          !races(state).some((race) => race.phase === 'shortfall' && seatsReducible(race, policy))
            ? `Seats cannot be reduced here: a committee keeps at least ${policy.committeeSizeMin} members and a branch always has a secretary, so the empty seats need a supplementary ballot (RULES §1.5, §2.2, policy ${policy.version}).`
            : null,
      },
    ],
  },
  ElectOfficers: {
    from: ['committeeElected'],
    to: ['officersElected'],
    events: ['OfficersElected'],
    outOfOrder: {
      code: 'COMMITTEE_NOT_ELECTED',
      why: 'the committee’s first meeting elects the secretary and deputy once the assembly has filled the committee, and a branch without a committee elects them at the assembly (RULES §1.3).',
    },
    guards: [],
  },
  ReportElectionResult: {
    from: ['officersElected'],
    to: ['resultReported'],
    events: ['ElectionResultReported'],
    outOfOrder: {
      code: 'OFFICERS_NOT_ELECTED',
      why: 'the result is reported once the secretary (and deputy) have been elected, and only once (RULES Workflow A.11).',
    },
    guards: [],
  },
  ApproveElectionResult: {
    from: ['resultReported'],
    to: ['resultApproved'],
    events: ['ElectionResultApproved'],
    outOfOrder: {
      code: 'RESULT_NOT_REPORTED',
      why: 'the superior approves the secretary and deputy and files the committee from a reported result (支部工作条例; RULES §2.3).',
    },
    guards: [],
  },
  RequestInstallation: {
    from: ['resultApproved'],
    to: ['installing'],
    events: ['InstallationRequested'],
    outOfOrder: {
      code: 'RESULT_NOT_APPROVED',
      why: 'posts are installed only from a result the superior has approved (批准) and filed (备案) (党章 Art 31; RULES §2.3).',
    },
    guards: [],
  },
  ConfirmInstallation: {
    from: ['installing'],
    to: ['installed'],
    events: ['ResultInstalled'],
    outOfOrder: {
      code: 'INSTALLATION_NOT_REQUESTED',
      why: 'a result is installed only after the installation of an approved result was requested (党章 Art 31; RULES §2.3).',
    },
    guards: [],
  },
  CancelElection: {
    from: [...BEFORE_ASSEMBLY, 'assemblyOpen', 'committeeElected', 'officersElected', 'resultReported'],
    to: ['cancelled'],
    events: ['ElectionCancelled'],
    outOfOrder: {
      code: 'RESULT_ALREADY_APPROVED',
      why: 'a result the superior approved is installed, not cancelled (RULES Workflow A.11).',
    },
    guards: [],
  },
} as const satisfies { readonly [C in ElectionCommandType]: ElectionTransition };

export type ElectionTransitions = typeof ELECTION_TRANSITIONS;
export type StatusesFor<C extends ElectionCommandType> = ElectionTransitions[C]['from'][number];

/** Every command type, in the order of the workflow. */
export const ELECTION_COMMAND_TYPES = Object.keys(ELECTION_TRANSITIONS) as readonly ElectionCommandType[];

export interface Blocked {
  readonly code: string;
  readonly reason: string;
}

/** Why `command` cannot run now, or null when the table allows it (data checks still follow). */
export function blockedBy(
  command: ElectionCommandType,
  state: ElectionState,
  policy: RulePolicy,
  on: string,
): Blocked | null {
  const transition: ElectionTransition = ELECTION_TRANSITIONS[command];
  if (!transition.from.includes(state.status)) {
    switch (state.status) {
      case 'none':
        return {
          code: 'ELECTION_NOT_STARTED',
          reason: `${command} cannot run before the census: an election begins with the census (摸排) of its branch (RULES Workflow A.2).`,
        };
      case 'cancelled':
        return {
          code: 'ELECTION_CANCELLED',
          reason: `${command} cannot run because the election was cancelled (${state.reason}); a new election is started on a new stream (RULES Workflow A).`,
        };
      case 'installed':
        return {
          code: 'ELECTION_COMPLETED',
          reason: `${command} cannot run because the result is installed and the new term has begun; later vacancies are filled by a by-election (RULES Workflow A.12).`,
        };
      default:
        return {
          code: transition.outOfOrder.code,
          reason: `${command} cannot run while the election is ${state.status}: ${transition.outOfOrder.why}`,
        };
    }
  }
  for (const guard of transition.guards) {
    const reason = guard.blocks(state, policy, on);
    if (reason !== null) return { code: guard.code, reason };
  }
  return null;
}
