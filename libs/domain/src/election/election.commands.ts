import { DomainCommand } from '../shared/decider';
import { PostHolder } from '../organisation/branch/post';
import { Membership, SuspensionReason } from '../organisation/member/member.commands';
import { BranchStatusFact } from '../organisation/organisation-facts';
import { EstablishmentFacts } from '../organisation/establishment-facts';
import { StrokeTable } from './surname-strokes';

/**
 * A ballot contest. A committee branch elects its committee at the members' assembly and its
 * officers at the committee's first meeting; a branch without a committee elects its secretary
 * (and deputy, if one is wanted) directly at the assembly (RULES §1.3, §2.2).
 */
export type Race = 'committee' | 'secretary' | 'deputySecretary';

/** A person named on a record: a member, a non-member attendee, a teller. */
export type Person = PostHolder;

/** One active member affiliated with this branch, as the member roll (花名册) shows them. */
export interface ElectionRollEntry {
  readonly memberId: string;
  readonly name: string;
  readonly membership: Membership;
  /** 留党察看 / 留置 / 逮捕: no voting rights while it lasts (RULES §1.1 Art 5). */
  readonly suspension: SuspensionReason | null;
}

/** What the member stream says about a nominee, filled by the application layer. */
export interface MemberStanding {
  readonly status: 'notFound' | 'active' | 'left';
  /** The affiliation branch (隶属), when active. */
  readonly branchId: string | null;
  readonly membership: Membership | null;
  readonly suspension: SuspensionReason | null;
  /** 入党时间, from which party standing (党龄) is counted; null when the member is unknown. */
  readonly joinedPartyOn: string | null;
}

/**
 * The grounds on which the superior may excuse a member from the number due to attend
 * (RULES §1.5): illness preventing expression of will; abroad at own cost ≥ 6 months; serving a
 * sentence; old, frail or bedridden; away ≥ 6 months without moving the relationship; a retiree
 * living long-term in the home town without moving it; and, in the newer list (RULES X8), a
 * 流动党员 (floating member) on their own application. The rule version in force says which apply
 * (`dueVoterExclusionReasons`).
 */
export type ExclusionReason =
  | 'illnessPreventsExpression'
  | 'abroadPrivately'
  | 'servingSentence'
  | 'frailOrBedridden'
  | 'awayWithoutTransfer'
  | 'retiredInHomeTown'
  | 'floatingOnOwnApplication';

export const EXCLUSION_REASONS: readonly ExclusionReason[] = [
  'illnessPreventsExpression',
  'abroadPrivately',
  'servingSentence',
  'frailOrBedridden',
  'awayWithoutTransfer',
  'retiredInHomeTown',
  'floatingOnOwnApplication',
];

export interface Exclusion {
  readonly memberId: string;
  readonly reason: ExclusionReason;
  /** The superior's consent (文号). */
  readonly approvalReference: string;
}

/** Why an attendee may not vote. A cross-appointed (交叉任职) vice-secretary is `crossAppointed`. */
export type NonVotingKind = 'probationary' | 'rightsSuspended' | 'nonMember' | 'crossAppointed';

export interface NonVotingAttendee {
  readonly person: Person;
  readonly kind: NonVotingKind;
}

/** A show of hands or a vote on a motion: adopting the election method, approving scrutineers, reducing seats. */
export interface Motion {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
}

export type Mark = 'for' | 'against' | 'abstain';

/**
 * One returned ballot paper, as the tellers read it. Unmarked candidates count as abstentions.
 * A write-in (另选他人) names another person beside a candidate marked `against`.
 */
export interface BallotPaper {
  readonly marks: Readonly<Record<string, Mark>>;
  readonly writeIns?: readonly { readonly beside: string; readonly person: Person }[];
  /** Torn, illegible or otherwise unreadable. */
  readonly spoiled?: boolean;
}

export interface OfficerVote {
  readonly memberId: string;
  readonly votes: Motion;
}

type ElectionCommandOf<Type extends string, Data extends object = object> = DomainCommand<
  Type,
  Data & { readonly electionId: string }
>;

/** 摸排: the branch's facts, counted from a snapshot of the roll. */
export type TakeCensus = ElectionCommandOf<
  'TakeCensus',
  {
    readonly branchId: string;
    /** How the current committee (or secretary) works. */
    readonly committeeWorking: string;
    /** The secretary's situation (health, willingness, age). */
    readonly secretarySituation: string;
    readonly notes?: string;
    /** The 届次 this election elects, where the branch's history before this system is longer than its record. */
    readonly termNumber?: number;
    readonly context: {
      readonly branchStatus: BranchStatusFact;
      /** When the branch was established: its election cannot be opened before it existed. */
      readonly established: EstablishmentFacts;
      readonly roll: readonly ElectionRollEntry[];
      /** The current term of the branch's officers, from its posts; null for a branch never elected. */
      readonly currentTerm: { readonly start: string; readonly end: string } | null;
      /** Absent: nothing is on record but the current term (one committee when officers are in office). */
      readonly committeeHistory?: CommitteeHistory;
    };
  }
>;

/** What the branch's record says of its committees so far, from which the 届次 is counted. */
export interface CommitteeHistory {
  /** The 届次 the branch's latest installed election elected, when it recorded one. */
  readonly lastTermNumber: number | null;
  /** Committees on record: installed elections, or 1 for officers in office before any of them. */
  readonly committeesOnRecord: number;
}

/** 换届请示. */
export type RequestElection = ElectionCommandOf<
  'RequestElection',
  {
    readonly plannedDate: string;
    readonly committee: boolean;
    /** Committee seats (委员名额), secretary and deputy included; 0 for a branch without a committee. */
    readonly committeeSeats: number;
    readonly deputySecretary: boolean;
    /** 选举办法, e.g. 差额选举、无记名投票. */
    readonly electionMethod: string;
    readonly nominationMethod: string;
    readonly agenda?: readonly string[];
    /** The request's 文号 (孝离党字〔2022〕12号), when the branch numbers its documents. */
    readonly requestReference?: string;
  }
>;

/** 批复. */
export type ApproveElectionRequest = ElectionCommandOf<
  'ApproveElectionRequest',
  { readonly approvalReference: string; readonly approvedOn: string }
>;

/** Sent by the durable timer when an unused approval reaches its lapse date. */
export type LapseApproval = ElectionCommandOf<'LapseApproval'>;

interface ShiftData {
  readonly newDate: string;
  readonly reason: string;
  readonly approvalReference: string;
  /** A shift beyond the policy limit needs this explicit override (RULES Workflow A.3). */
  readonly overrideShiftLimit?: boolean;
}
export type PostponeElection = ElectionCommandOf<'PostponeElection', ShiftData>;
export type BringElectionForward = ElectionCommandOf<'BringElectionForward', ShiftData>;

interface NomineeData {
  readonly nominee: Person;
  readonly forPost: Race;
  readonly context: { readonly nominee: MemberStanding };
}

/** 老干部推荐: who recommended whom. */
export type RecommendCandidate = ElectionCommandOf<
  'RecommendCandidate',
  NomineeData & { readonly recommendedBy: readonly Person[] }
>;

/** 党内提名: the outgoing committee proposes by the majority of members' opinion (Art 14). */
export type NominateCandidate = ElectionCommandOf<'NominateCandidate', NomineeData & { readonly nominatedBy: string }>;

export type VettingMethod = 'talk' | 'visit' | 'survey' | 'mobilisation';

/** 多方调研、谈心谈话、走访了解. */
export type VetCandidate = ElectionCommandOf<
  'VetCandidate',
  {
    readonly memberId: string;
    readonly method: VettingMethod;
    readonly by: string;
    readonly notes: string;
    readonly on: string;
  }
>;

/** 社区参与: the community party organisation's opinion, on one nominee or on the slate as a whole. */
export type ConsultCommunity = ElectionCommandOf<
  'ConsultCommunity',
  { readonly memberId?: string; readonly community: string; readonly opinion: string; readonly on: string }
>;

/** 候选人预备人选, in the order the ballot will list them. */
export type SubmitCandidateSlate = ElectionCommandOf<
  'SubmitCandidateSlate',
  {
    readonly committeeCandidates: readonly Person[];
    readonly secretaryCandidates: readonly Person[];
    readonly deputySecretaryCandidates: readonly Person[];
    /** Each candidate's standing now, from the member streams (keyed by member id). */
    readonly context: { readonly members: Readonly<Record<string, MemberStanding>> };
  }
>;

/** 审查同意: the superior consents to the slate as submitted, order kept. */
export type ApproveCandidateSlate = ElectionCommandOf<
  'ApproveCandidateSlate',
  { readonly approvalReference: string; readonly approvedOn: string }
>;

/** 党员大会, convened on `metadata.at`. */
export type ConveneMembersAssembly = ElectionCommandOf<
  'ConveneMembersAssembly',
  {
    readonly exclusions: readonly Exclusion[];
    readonly presentVoters: readonly Person[];
    readonly nonVotingAttendees: readonly NonVotingAttendee[];
    readonly scrutineers: readonly Person[];
    readonly scrutineersApproval: Motion;
    readonly tellers: readonly Person[];
    readonly electionMethodAdoption: Motion;
    readonly context: {
      /** The roll of this branch at the assembly: due voters are computed from this snapshot. */
      readonly roll: readonly ElectionRollEntry[];
      /** Concurrent (兼任) and appointed post holders of the branch: never voters. */
      readonly concurrentPostHolders: readonly Person[];
      /** The strokes of each character of the committee candidates' names, for the ballot's 姓氏笔画 order. */
      readonly strokes: StrokeTable;
    };
  }
>;

/** The returned ballot papers of the open round of one race; `issued` must equal the voters present. */
export type RecordBallots = ElectionCommandOf<
  'RecordBallots',
  { readonly race: Race; readonly issued: number; readonly ballots: readonly BallotPaper[] }
>;

export type CountBallots = ElectionCommandOf<'CountBallots', { readonly race: Race }>;

/** 另行选举 for the seats still empty. */
export type HoldSupplementaryBallot = ElectionCommandOf<
  'HoldSupplementaryBallot',
  { readonly race: Race; readonly candidates: readonly Person[] }
>;

/** Seats reduced to those elected, with more than half of the electors consenting. */
export type ReduceSeats = ElectionCommandOf<'ReduceSeats', { readonly race: Race; readonly consent: Motion }>;

/** 支委会第一次会议: elects the secretary and deputy from the new committee and divides duties. */
export type ElectOfficers = ElectionCommandOf<
  'ElectOfficers',
  {
    /** The new member who chairs, recommended by the outgoing committee (Art 20). */
    readonly chairMemberId: string;
    readonly secretary: OfficerVote;
    readonly deputySecretary?: OfficerVote;
    readonly scrutineers: readonly Person[];
    /** Duties of committee members (组织委员, 宣传委员, 纪检委员…), keyed by member id. */
    readonly duties: Readonly<Record<string, string>>;
  }
>;

export type ReportElectionResult = ElectionCommandOf<'ReportElectionResult', { readonly reportReference: string }>;

export type ApproveElectionResult = ElectionCommandOf<
  'ApproveElectionResult',
  {
    readonly approvalReference: string;
    readonly approvedOn: string;
    /** 备案 of the committee members; required when a committee was elected. */
    readonly filingReference?: string;
    /** Required when the result differs from the approved slate. */
    readonly superiorDecision?: { readonly reference: string; readonly decision: string };
  }
>;

export type RequestInstallation = ElectionCommandOf<'RequestInstallation'>;

/** Sent by the installation process manager once the branch holds every post it requested. */
export type ConfirmInstallation = ElectionCommandOf<
  'ConfirmInstallation',
  { readonly context: { readonly branchPostIds: readonly string[] } }
>;

export type CancelElection = ElectionCommandOf<'CancelElection', { readonly reason: string }>;

export type ElectionCommand =
  | TakeCensus
  | RequestElection
  | ApproveElectionRequest
  | LapseApproval
  | PostponeElection
  | BringElectionForward
  | RecommendCandidate
  | NominateCandidate
  | VetCandidate
  | ConsultCommunity
  | SubmitCandidateSlate
  | ApproveCandidateSlate
  | ConveneMembersAssembly
  | RecordBallots
  | CountBallots
  | HoldSupplementaryBallot
  | ReduceSeats
  | ElectOfficers
  | ReportElectionResult
  | ApproveElectionResult
  | RequestInstallation
  | ConfirmInstallation
  | CancelElection;

export type ElectionCommandType = ElectionCommand['type'];
