import { DomainCommand } from '../../shared/decider';
import { EstablishmentFacts } from '../establishment-facts';
import { CommitteeStatusFact, MemberCounts } from '../organisation-facts';
import { PostEndReason, PostHolder, PostKind, PostSource } from './post';

/** 多方管理: a community party organisation, a former work unit or an association co-manages the branch. */
export type ManagementLinkKind = 'community' | 'formerUnit' | 'association';

export interface ManagementLink {
  readonly linkId: string;
  readonly kind: ManagementLinkKind;
  readonly name: string;
}

export type EstablishBranch = DomainCommand<
  'EstablishBranch',
  {
    readonly branchId: string;
    readonly name: string;
    /** The one affiliation (一方隶属). */
    readonly parentCommitteeId: string;
    /** Management links (多方管理); they carry no voting rights. */
    readonly managementLinks?: readonly ManagementLink[];
    /** A joint branch (联合党支部) for several units each with fewer than 3 full members. */
    readonly joint: boolean;
    /** The units a joint branch covers; empty unless `joint`. */
    readonly jointUnits?: readonly string[];
    readonly decisionReference?: string;
    /** Set when a restructuring process establishes the branch (causation for auditors). */
    readonly restructuringId?: string;
    readonly context: {
      readonly parentCommitteeStatus: CommitteeStatusFact;
      /** When the parent committee was established: a branch cannot predate its affiliation. */
      readonly established: EstablishmentFacts;
    };
  }
>;

export type RenameBranch = DomainCommand<'RenameBranch', { readonly branchId: string; readonly name: string }>;

export type ReaffiliateBranch = DomainCommand<
  'ReaffiliateBranch',
  {
    readonly branchId: string;
    readonly parentCommitteeId: string;
    readonly decisionReference?: string;
    readonly context: {
      readonly parentCommitteeStatus: CommitteeStatusFact;
      /** When the new parent committee was established. */
      readonly established: EstablishmentFacts;
    };
  }
>;

export type AddManagementLink = DomainCommand<
  'AddManagementLink',
  { readonly branchId: string; readonly link: ManagementLink }
>;

export type RemoveManagementLink = DomainCommand<
  'RemoveManagementLink',
  { readonly branchId: string; readonly linkId: string }
>;

export type AssignPost = DomainCommand<
  'AssignPost',
  {
    readonly branchId: string;
    readonly postId: string;
    readonly kind: PostKind;
    readonly duty?: string;
    readonly source: PostSource;
    readonly documentReference?: string;
    readonly holder: PostHolder;
    readonly startDate: string;
    /** The vacancy a by-election (补选) fills with this post: a vacated post of the same kind. */
    readonly vacancyPostId?: string;
    readonly context: {
      /** From the holder's member stream; a non-member has all three false. */
      readonly holder: {
        readonly isMemberOfBranch: boolean;
        readonly isFullMember: boolean;
        readonly votingRightsSuspended: boolean;
      };
    };
  }
>;

export type VacatePost = DomainCommand<
  'VacatePost',
  {
    readonly branchId: string;
    readonly postId: string;
    readonly reason: PostEndReason;
    readonly note?: string;
    readonly endDate: string;
  }
>;

/** Re-check the branch's shape, e.g. after a merge (RULES B: MERGE), and record the flags. */
export type AssessBranchShape = DomainCommand<
  'AssessBranchShape',
  { readonly branchId: string; readonly context: { readonly counts: MemberCounts } }
>;

export type DissolveBranch = DomainCommand<
  'DissolveBranch',
  {
    readonly branchId: string;
    readonly reason: string;
    readonly decisionReference?: string;
    readonly restructuringId?: string;
    /** Active members (full and probationary) whose affiliation is this branch, from the member roll. */
    readonly context: { readonly memberCount: number };
  }
>;

export type BranchCommand =
  | EstablishBranch
  | RenameBranch
  | ReaffiliateBranch
  | AddManagementLink
  | RemoveManagementLink
  | AssignPost
  | VacatePost
  | AssessBranchShape
  | DissolveBranch;
