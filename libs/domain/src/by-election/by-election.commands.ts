import { DomainCommand } from '../shared/decider';
import { BallotPaper, ElectionRollEntry, Exclusion, MemberStanding, Person } from '../election/election.commands';
import { Vacancy } from '../organisation/branch/post';
import { BranchStatusFact } from '../organisation/organisation-facts';

/** Who holds the vote: a by-election is the members' assembly's (RULES X7), never the committee's. */
export type ByElectionBody = 'membersAssembly' | 'committee';

export const BY_ELECTION_BODIES: readonly ByElectionBody[] = ['membersAssembly', 'committee'];

type ByElectionCommandOf<Type extends string, Data extends object = object> = DomainCommand<
  Type,
  Data & { readonly byElectionId: string }
>;

/**
 * 补选请示: the branch asks the superior to fill one vacancy, with the reason, the date planned,
 * the method and the candidates it proposes (RULES X7).
 */
export type RequestByElection = ByElectionCommandOf<
  'RequestByElection',
  {
    readonly branchId: string;
    /** The vacated post the by-election fills. */
    readonly vacatedPostId: string;
    readonly reason: string;
    readonly plannedDate: string;
    readonly candidates: readonly Person[];
    readonly electionMethod?: string;
    readonly requestReference?: string;
    readonly context: {
      readonly branchStatus: BranchStatusFact;
      readonly branchName: string;
      /** The branch's open vacancy for `vacatedPostId`, from its stream; null when there is none. */
      readonly vacancy: Vacancy | null;
      /** The current term of the branch's officers; the filled post serves until its end. */
      readonly currentTerm: { readonly start: string; readonly end: string } | null;
      /** Each candidate's standing now, from the member streams (keyed by member id). */
      readonly candidates: Readonly<Record<string, MemberStanding>>;
    };
  }
>;

/** The superior consents to the by-election and has reviewed the candidates (上级党组织同意并审查人选). */
export type ConsentToByElection = ByElectionCommandOf<
  'ConsentToByElection',
  { readonly consentReference: string; readonly consentedOn: string }
>;

/**
 * The vote, on `metadata.at`: who holds it, who is due and present (quorum as for the term
 * election), and the returned ballots of its one seat, counted by the same majority rule.
 */
export type HoldByElection = ByElectionCommandOf<
  'HoldByElection',
  {
    readonly heldBy: ByElectionBody;
    readonly exclusions: readonly Exclusion[];
    readonly presentVoters: readonly Person[];
    readonly issued: number;
    readonly ballots: readonly BallotPaper[];
    readonly context: {
      /** The roll of the branch at the assembly: due voters are computed from this snapshot. */
      readonly roll: readonly ElectionRollEntry[];
      /** Concurrent (兼任) and appointed post holders of the branch: never voters. */
      readonly concurrentPostHolders: readonly Person[];
    };
  }
>;

/** 补选结果报备: the result is reported and filed (a secretary or deputy approved) with its document. */
export type FileByElectionResult = ByElectionCommandOf<
  'FileByElectionResult',
  {
    readonly filingReference: string;
    readonly filedOn: string;
    readonly context: {
      /** Whether the branch still has the vacancy open (no other by-election filled it meanwhile). */
      readonly vacancyOpen: boolean;
      readonly branchName: string;
      /** The person elected, as their member stream says now. */
      readonly elected: MemberStanding;
    };
  }
>;

export type ByElectionCommand = RequestByElection | ConsentToByElection | HoldByElection | FileByElectionResult;
