import { DomainEvent } from '../shared/decider';
import { PostKind } from '../organisation/branch/post';
import {
  Exclusion,
  Motion,
  NonVotingAttendee,
  Person,
  Race,
  ElectionRollEntry,
  VettingMethod,
} from './election.commands';

/** Every election event names its election, the rule version that judged it, and when it happened. */
type ElectionEventOf<Type extends string, Data extends object> = DomainEvent<
  Type,
  Data & { readonly electionId: string; readonly policyVersion: string; readonly at: string }
>;

export type RoundKind = 'regular' | 'runoff' | 'supplementary';

export type InvalidBallotReason =
  'spoiled' | 'tooManyNames' | 'writeInWithoutAgainst' | 'writeInIsCandidate' | 'duplicateName';

export interface CandidateTally {
  readonly personId: string;
  readonly name: string;
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
}

export interface WriteInTally {
  readonly personId: string;
  readonly name: string;
  readonly votes: number;
}

export interface ElectedPerson {
  readonly personId: string;
  readonly name: string;
  readonly votes: number;
  readonly roundNo: number;
}

export interface ElectedOfficer {
  readonly personId: string;
  readonly name: string;
  readonly votes: Motion;
}

export interface RaceSetup {
  readonly race: Race;
  readonly seats: number;
  readonly candidates: readonly Person[];
}

export interface InstalledPost {
  /** Deterministic, so the installation process manager's retries assign the same post. */
  readonly postId: string;
  readonly kind: PostKind;
  readonly duty: string | null;
  readonly holder: Person;
}

/** How the result departs from the approved slate; any of these needs the superior's decision (RULES §1.6). */
export type SlateDeviation =
  | { readonly kind: 'writeInElected'; readonly race: Race; readonly person: Person }
  | {
      readonly kind: 'officerNotSlateCandidate';
      readonly post: 'secretary' | 'deputySecretary';
      readonly person: Person;
    }
  | { readonly kind: 'deputyNotElected' }
  | { readonly kind: 'seatsReduced'; readonly race: Race; readonly fromSeats: number; readonly toSeats: number };

export type CensusTaken = ElectionEventOf<
  'CensusTaken',
  {
    readonly branchId: string;
    readonly fullMembers: number;
    readonly probationaryMembers: number;
    /** Full members whose rights are suspended (counted among `fullMembers`). */
    readonly suspendedMembers: number;
    readonly committeeRequired: boolean;
    readonly overSize: boolean;
    readonly currentTerm: { readonly start: string; readonly end: string } | null;
    readonly committeeWorking: string;
    readonly secretarySituation: string;
    readonly notes: string | null;
    /**
     * The branch's committee this election elects (届次: 第三届 → 3), counted from the branch's
     * committee history or stated by the clerk where the history before this system is longer;
     * null in censuses recorded before the field existed (schema version 1).
     */
    readonly termNumber: number | null;
    readonly termNumberBasis: TermNumberBasis | null;
  }
>;

/**
 * Where a 届次 comes from: one past the last installed election's (`previousElection`), one past
 * the committees on record in this system (`committeesOnRecord`: its installed elections, and the
 * officers in office when none was), or the clerk's statement of a longer history (`stated`).
 */
export type TermNumberBasis = 'previousElection' | 'committeesOnRecord' | 'stated';

/** CensusTaken as written before the 届次 was recorded (schema version 1); upcast with `termNumber: null`. */
export type CensusTakenV1 = DomainEvent<'CensusTaken', Omit<CensusTaken['data'], 'termNumber' | 'termNumberBasis'>>;

export type ElectionRequested = ElectionEventOf<
  'ElectionRequested',
  {
    readonly plannedDate: string;
    readonly committee: boolean;
    readonly committeeSeats: number;
    readonly deputySecretary: boolean;
    readonly electionMethod: string;
    readonly nominationMethod: string;
    readonly agenda: readonly string[];
    /** seats + ceil(seats × share), under the policy of the request's date. */
    readonly minimumCommitteeCandidates: number;
    /** Above the usual maximum (5) yet within the hard maximum (7): a warning for the superior. */
    readonly seatsAboveUsual: boolean;
    /** The request's own 文号, when the branch numbered it; null also in requests recorded before it was asked (v1). */
    readonly requestReference: string | null;
  }
>;

/** ElectionRequested as written before the request's 文号 was recorded (schema version 1). */
export type ElectionRequestedV1 = DomainEvent<'ElectionRequested', Omit<ElectionRequested['data'], 'requestReference'>>;

export type ElectionRequestApproved = ElectionEventOf<
  'ElectionRequestApproved',
  { readonly approvalReference: string; readonly approvedOn: string; readonly lapsesOn: string }
>;

export type ApprovalLapsed = ElectionEventOf<
  'ApprovalLapsed',
  { readonly approvalReference: string; readonly lapsesOn: string }
>;

interface ShiftData {
  readonly fromDate: string;
  readonly newDate: string;
  readonly shiftDays: number;
  readonly reason: string;
  readonly approvalReference: string;
  readonly shiftLimitOverridden: boolean;
}
export type ElectionPostponed = ElectionEventOf<'ElectionPostponed', ShiftData>;
export type ElectionBroughtForward = ElectionEventOf<'ElectionBroughtForward', ShiftData>;

export type CandidateRecommended = ElectionEventOf<
  'CandidateRecommended',
  { readonly nominee: Person; readonly forPost: Race; readonly recommendedBy: readonly Person[] }
>;

export type CandidateNominated = ElectionEventOf<
  'CandidateNominated',
  { readonly nominee: Person; readonly forPost: Race; readonly nominatedBy: string }
>;

export type CandidateVetted = ElectionEventOf<
  'CandidateVetted',
  {
    readonly nominee: Person;
    readonly method: VettingMethod;
    readonly by: string;
    readonly notes: string;
    readonly on: string;
  }
>;

export type CommunityConsulted = ElectionEventOf<
  'CommunityConsulted',
  { readonly nominee: Person | null; readonly community: string; readonly opinion: string; readonly on: string }
>;

/**
 * What the slate is recorded with for the superior to weigh, though no rule refuses it: a
 * secretary candidate with less party standing than the rule version normally asks (支部工作条例
 * Art 23, when the version makes it a warning).
 */
export interface SlateWarning {
  readonly kind: 'secretaryPartyStandingShort';
  readonly personId: string;
  readonly name: string;
  readonly joinedPartyOn: string;
  /** The day the standing reaches the minimum: one year of probation, then the minimum years. */
  readonly standingReachedOn: string;
  readonly minimumYears: number;
}

export type CandidateSlateSubmitted = ElectionEventOf<
  'CandidateSlateSubmitted',
  {
    readonly committeeCandidates: readonly Person[];
    readonly secretaryCandidates: readonly Person[];
    readonly deputySecretaryCandidates: readonly Person[];
    readonly minimumCommitteeCandidates: number;
    readonly warnings: readonly SlateWarning[];
  }
>;

/** Schema 1: recorded before the slate carried warnings; kept for the upcaster that adds none. */
export type CandidateSlateSubmittedV1 = DomainEvent<
  'CandidateSlateSubmitted',
  Omit<CandidateSlateSubmitted['data'], 'warnings'>
>;

export type CandidateSlateApproved = ElectionEventOf<
  'CandidateSlateApproved',
  { readonly approvalReference: string; readonly approvedOn: string }
>;

export type MembersAssemblyConvened = ElectionEventOf<
  'MembersAssemblyConvened',
  {
    /** The roll snapshot the due voters were computed from, kept for the election file (§6.6). */
    readonly roll: readonly ElectionRollEntry[];
    readonly exclusions: readonly Exclusion[];
    readonly dueVoters: readonly Person[];
    readonly presentVoters: readonly Person[];
    readonly nonVotingAttendees: readonly NonVotingAttendee[];
    readonly concurrentPostHolders: readonly Person[];
    readonly scrutineers: readonly Person[];
    readonly scrutineersApproval: Motion;
    readonly tellers: readonly Person[];
    readonly electionMethodAdoption: Motion;
    readonly quorum: {
      readonly due: number;
      readonly present: number;
      readonly numerator: number;
      readonly denominator: number;
      readonly inclusive: boolean;
    };
    readonly races: readonly RaceSetup[];
  }
>;

export type BallotsRecorded = ElectionEventOf<
  'BallotsRecorded',
  {
    readonly race: Race;
    readonly roundNo: number;
    readonly roundKind: RoundKind;
    readonly seats: number;
    readonly candidates: readonly Person[];
    readonly issued: number;
    readonly returned: number;
    readonly valid: number;
    readonly invalid: number;
    readonly invalidByReason: Readonly<Record<InvalidBallotReason, number>>;
    readonly tallies: readonly CandidateTally[];
    readonly writeIns: readonly WriteInTally[];
  }
>;

/** More ballots came back than were issued: the round is void and is voted again (RULES §1.5). */
export type BallotRoundVoided = ElectionEventOf<
  'BallotRoundVoided',
  { readonly race: Race; readonly roundNo: number; readonly issued: number; readonly returned: number }
>;

export type CountOutcome = 'complete' | 'runoff' | 'shortfall';

export type BallotsCounted = ElectionEventOf<
  'BallotsCounted',
  {
    readonly race: Race;
    readonly roundNo: number;
    readonly roundKind: RoundKind;
    readonly majorityBase: 'due' | 'present';
    /** The number whose half the votes for must exceed; both numbers are kept for the file. */
    readonly base: number;
    readonly dueVoters: number;
    readonly presentVoters: number;
    readonly elected: readonly ElectedPerson[];
    readonly notElected: readonly WriteInTally[];
    readonly outcome: CountOutcome;
    /** The tied candidates at the last seat and the seats they contest. */
    readonly runoff: { readonly candidates: readonly Person[]; readonly seats: number } | null;
    readonly remainingSeats: number;
  }
>;

export type SupplementaryBallotHeld = ElectionEventOf<
  'SupplementaryBallotHeld',
  { readonly race: Race; readonly roundNo: number; readonly candidates: readonly Person[]; readonly seats: number }
>;

export type SeatsReduced = ElectionEventOf<
  'SeatsReduced',
  {
    readonly race: Race;
    readonly fromSeats: number;
    readonly toSeats: number;
    readonly consent: Motion;
    readonly dueVoters: number;
  }
>;

export type OfficersElected = ElectionEventOf<
  'OfficersElected',
  {
    readonly electedBy: 'membersAssembly' | 'committeeFirstMeeting';
    readonly chair: Person | null;
    readonly secretary: ElectedOfficer;
    readonly deputySecretary: ElectedOfficer | null;
    readonly scrutineers: readonly Person[];
    readonly duties: Readonly<Record<string, string>>;
  }
>;

export type ElectionResultReported = ElectionEventOf<
  'ElectionResultReported',
  {
    readonly reportReference: string;
    readonly committeeMembers: readonly ElectedPerson[];
    readonly secretary: ElectedOfficer;
    readonly deputySecretary: ElectedOfficer | null;
    readonly deviations: readonly SlateDeviation[];
  }
>;

export type ElectionResultApproved = ElectionEventOf<
  'ElectionResultApproved',
  {
    readonly approvalReference: string;
    readonly approvedOn: string;
    /** 书记/副书记 approved (批准). */
    readonly approvedOfficers: readonly Person[];
    /** 委员 filed (备案). */
    readonly filedCommitteeMembers: readonly Person[];
    readonly filingReference: string | null;
    readonly superiorDecision: { readonly reference: string; readonly decision: string } | null;
  }
>;

export type InstallationRequested = ElectionEventOf<
  'InstallationRequested',
  {
    readonly branchId: string;
    readonly posts: readonly InstalledPost[];
    readonly termStart: string;
    readonly termEnd: string;
    readonly termYears: number;
    /** The version in force on the election date, whose term length applies. */
    readonly termPolicyVersion: string;
  }
>;

export type ResultInstalled = ElectionEventOf<
  'ResultInstalled',
  {
    readonly branchId: string;
    readonly posts: readonly InstalledPost[];
    readonly termStart: string;
    readonly termEnd: string;
  }
>;

export type ElectionCancelled = ElectionEventOf<
  'ElectionCancelled',
  { readonly reason: string; readonly cancelledInStatus: string }
>;

export type ElectionEvent =
  | CensusTaken
  | ElectionRequested
  | ElectionRequestApproved
  | ApprovalLapsed
  | ElectionPostponed
  | ElectionBroughtForward
  | CandidateRecommended
  | CandidateNominated
  | CandidateVetted
  | CommunityConsulted
  | CandidateSlateSubmitted
  | CandidateSlateApproved
  | MembersAssemblyConvened
  | BallotsRecorded
  | BallotRoundVoided
  | BallotsCounted
  | SupplementaryBallotHeld
  | SeatsReduced
  | OfficersElected
  | ElectionResultReported
  | ElectionResultApproved
  | InstallationRequested
  | ResultInstalled
  | ElectionCancelled;

export type ElectionEventType = ElectionEvent['type'];
