import { Exclusion, NonVotingAttendee, Person, Race, ElectionRollEntry, VettingMethod } from './election.commands';
import {
  BallotsCounted,
  BallotsRecorded,
  ElectedPerson,
  ElectionResultApproved,
  InstalledPost,
  OfficersElected,
  RoundKind,
  SeatsReduced,
  SlateDeviation,
  TermNumberBasis,
} from './election.events';

export interface Census {
  readonly fullMembers: number;
  readonly probationaryMembers: number;
  readonly suspendedMembers: number;
  readonly committeeRequired: boolean;
  readonly overSize: boolean;
  readonly currentTerm: { readonly start: string; readonly end: string } | null;
  readonly policyVersion: string;
  /** The 届次 the election elects; null for a census recorded before it was counted. */
  readonly termNumber: number | null;
  readonly termNumberBasis: TermNumberBasis | null;
}

export interface ElectionRequest {
  readonly plannedDate: string;
  readonly committee: boolean;
  readonly committeeSeats: number;
  readonly deputySecretary: boolean;
  readonly minimumCommitteeCandidates: number;
  readonly requestedOn: string;
  /** The request's 文号, when the branch numbered it. */
  readonly requestReference: string | null;
}

export interface RequestApproval {
  readonly approvalReference: string;
  readonly approvedOn: string;
  readonly lapsesOn: string;
}

export interface Nominations {
  readonly recommendations: readonly {
    readonly nominee: Person;
    readonly forPost: Race;
    readonly recommendedBy: readonly Person[];
  }[];
  readonly nominees: readonly { readonly nominee: Person; readonly forPost: Race; readonly nominatedBy: string }[];
  readonly vettings: readonly { readonly nominee: Person; readonly method: VettingMethod; readonly on: string }[];
  readonly consultations: readonly { readonly nominee: Person | null; readonly community: string }[];
}

export interface Slate {
  readonly committeeCandidates: readonly Person[];
  readonly secretaryCandidates: readonly Person[];
  readonly deputySecretaryCandidates: readonly Person[];
}

export interface Assembly {
  /** The election date (calendar date of the assembly). */
  readonly date: string;
  readonly policyVersion: string;
  readonly roll: readonly ElectionRollEntry[];
  readonly exclusions: readonly Exclusion[];
  readonly dueVoters: readonly Person[];
  readonly presentVoters: readonly Person[];
  readonly nonVotingAttendees: readonly NonVotingAttendee[];
  readonly concurrentPostHolders: readonly Person[];
  readonly scrutineers: readonly Person[];
  readonly tellers: readonly Person[];
}

export interface OpenRound {
  readonly roundNo: number;
  readonly kind: RoundKind;
  readonly candidates: readonly Person[];
  readonly seats: number;
}

interface RaceBase {
  readonly race: Race;
  /** Seats to fill now (after any reduction). */
  readonly seats: number;
  /** The slate's candidates for this race, in the approved order. */
  readonly slateCandidates: readonly Person[];
  readonly elected: readonly ElectedPerson[];
  /** Every recorded round and every count, in order, for the result report. */
  readonly rounds: readonly BallotsRecorded['data'][];
  readonly counts: readonly BallotsCounted['data'][];
  readonly nextRoundNo: number;
}

/** One contest at the assembly, union on `phase`. */
export type RaceState =
  | (RaceBase & { readonly phase: 'awaitingBallots'; readonly round: OpenRound })
  | (RaceBase & {
      readonly phase: 'awaitingCount';
      readonly round: OpenRound;
      readonly recorded: BallotsRecorded['data'];
    })
  | (RaceBase & { readonly phase: 'shortfall'; readonly notElected: readonly Person[] })
  | (RaceBase & { readonly phase: 'complete' });

export type Officers = Omit<OfficersElected['data'], 'electionId' | 'policyVersion' | 'at'>;

export interface Installation {
  readonly posts: readonly InstalledPost[];
  readonly termStart: string;
  readonly termEnd: string;
  readonly termYears: number;
  readonly termPolicyVersion: string;
}

interface Opened {
  readonly electionId: string;
  readonly branchId: string;
  readonly census: Census;
  /** When the election must be held: the current term's end, or the date a postponement or advance set. */
  readonly dueDate: string | null;
  /**
   * The calendar date of the latest act recorded on the election: each step follows the one
   * before it, so no later act may be dated before this (ELECTION_STEP_BEFORE_PREVIOUS).
   */
  readonly lastActOn: string;
}
interface WithRequest extends Opened {
  readonly request: ElectionRequest;
}
interface WithApproval extends WithRequest {
  readonly approval: RequestApproval;
  readonly nominations: Nominations;
}
interface WithSlate extends WithApproval {
  readonly slate: Slate;
}
interface WithSlateApproval extends WithSlate {
  readonly slateApproval: { readonly approvalReference: string; readonly approvedOn: string };
}
interface WithAssembly extends WithSlateApproval {
  readonly assembly: Assembly;
  readonly races: readonly RaceState[];
  readonly seatReductions: readonly SeatsReduced['data'][];
}
interface WithOfficers extends WithAssembly {
  readonly officers: Officers;
}
interface WithReport extends WithOfficers {
  readonly report: { readonly reportReference: string; readonly deviations: readonly SlateDeviation[] };
}
interface WithResultApproval extends WithReport {
  readonly resultApproval: Omit<ElectionResultApproved['data'], 'electionId' | 'policyVersion' | 'at'>;
}
interface WithInstallation extends WithResultApproval {
  readonly installation: Installation;
}

/** One election (one branch, one term), union on `status` (RULES Workflow A). */
export type ElectionState =
  | { readonly status: 'none' }
  | (Opened & { readonly status: 'censusTaken' })
  | (WithRequest & { readonly status: 'requested' })
  | (WithApproval & { readonly status: 'requestApproved' })
  | (WithSlate & { readonly status: 'slateSubmitted' })
  | (WithSlateApproval & { readonly status: 'slateApproved' })
  | (WithRequest & { readonly status: 'approvalLapsed'; readonly lapsedApproval: RequestApproval })
  | (WithAssembly & { readonly status: 'assemblyOpen' })
  | (WithAssembly & { readonly status: 'committeeElected' })
  | (WithOfficers & { readonly status: 'officersElected' })
  | (WithReport & { readonly status: 'resultReported' })
  | (WithResultApproval & { readonly status: 'resultApproved' })
  | (WithInstallation & { readonly status: 'installing' })
  | (WithInstallation & { readonly status: 'installed'; readonly installedAt: string })
  | {
      readonly status: 'cancelled';
      readonly electionId: string;
      readonly branchId: string;
      readonly reason: string;
      readonly cancelledInStatus: string;
      readonly cancelledAt: string;
    };

export type ElectionStatus = ElectionState['status'];
export type ElectionIn<S extends ElectionStatus> = Extract<ElectionState, { status: S }>;

/** The fields every started, uncancelled election has. */
export function openedPart(state: Opened): Opened {
  return {
    electionId: state.electionId,
    branchId: state.branchId,
    census: state.census,
    dueDate: state.dueDate,
    lastActOn: state.lastActOn,
  };
}

export type AtAssembly = ElectionIn<
  | 'assemblyOpen'
  | 'committeeElected'
  | 'officersElected'
  | 'resultReported'
  | 'resultApproved'
  | 'installing'
  | 'installed'
>;
export function hasAssembly(state: ElectionState): state is AtAssembly {
  return 'assembly' in state;
}

export type Started = Exclude<ElectionState, { status: 'none' } | { status: 'cancelled' }>;
export function isStarted(state: ElectionState): state is Started {
  return state.status !== 'none' && state.status !== 'cancelled';
}
