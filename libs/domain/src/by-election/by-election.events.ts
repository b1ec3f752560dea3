import { DomainEvent } from '../shared/decider';
import { MajorityBase } from '../policy/rule-policy';
import { Exclusion, Person } from '../election/election.commands';
import { CandidateTally, InvalidBallotReason, WriteInTally } from '../election/election.events';
import { PostKind, Vacancy } from '../organisation/branch/post';

export type ByElectionRequested = DomainEvent<
  'ByElectionRequested',
  {
    readonly byElectionId: string;
    readonly branchId: string;
    readonly vacancy: Vacancy;
    readonly reason: string;
    readonly plannedDate: string;
    readonly candidates: readonly Person[];
    readonly electionMethod: string | null;
    readonly requestReference: string | null;
    /** The term the filled post serves to its end; null for a branch with no term on record. */
    readonly term: { readonly start: string; readonly end: string } | null;
    readonly at: string;
  }
>;

export type ByElectionConsented = DomainEvent<
  'ByElectionConsented',
  {
    readonly byElectionId: string;
    readonly branchId: string;
    readonly consentReference: string;
    readonly consentedOn: string;
    readonly at: string;
  }
>;

export type ByElectionHeld = DomainEvent<
  'ByElectionHeld',
  {
    readonly byElectionId: string;
    readonly branchId: string;
    readonly policyVersion: string;
    /** The assembly's calendar date. */
    readonly date: string;
    readonly exclusions: readonly Exclusion[];
    readonly dueVoters: readonly Person[];
    readonly presentVoters: readonly Person[];
    readonly quorum: {
      readonly due: number;
      readonly present: number;
      readonly numerator: number;
      readonly denominator: number;
      readonly inclusive: boolean;
    };
    readonly issued: number;
    readonly returned: number;
    readonly valid: number;
    readonly invalid: number;
    readonly invalidByReason: Readonly<Record<InvalidBallotReason, number>>;
    readonly tallies: readonly CandidateTally[];
    readonly writeIns: readonly WriteInTally[];
    readonly majorityBase: MajorityBase;
    readonly base: number;
    readonly elected: { readonly personId: string; readonly name: string; readonly votes: number };
    readonly at: string;
  }
>;

export type ByElectionFiled = DomainEvent<
  'ByElectionFiled',
  {
    readonly byElectionId: string;
    readonly branchId: string;
    readonly filingReference: string;
    readonly filedOn: string;
    /** The post the branch is given: it fills `vacatedPostId` from `filedOn` to the term's end. */
    readonly post: {
      readonly postId: string;
      readonly kind: PostKind;
      readonly duty: string | null;
      readonly holder: Person;
    };
    readonly vacatedPostId: string;
    readonly termEnd: string | null;
    readonly at: string;
  }
>;

export type ByElectionEvent = ByElectionRequested | ByElectionConsented | ByElectionHeld | ByElectionFiled;
