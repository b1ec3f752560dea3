import { DomainEvent } from '../../shared/decider';
import { MemberCounts } from '../organisation-facts';
import { BranchShape } from './branch-shape';
import { ManagementLink } from './branch.commands';
import { Post, PostEndReason, PostHolder, PostKind } from './post';

export type BranchEstablished = DomainEvent<
  'BranchEstablished',
  {
    readonly branchId: string;
    readonly name: string;
    readonly parentCommitteeId: string;
    readonly managementLinks: readonly ManagementLink[];
    readonly joint: boolean;
    readonly jointUnits: readonly string[];
    readonly decisionReference: string | null;
    readonly restructuringId: string | null;
    /** The policy whose joint-branch limit was applied. */
    readonly policyVersion: string;
    readonly at: string;
  }
>;

export type BranchRenamed = DomainEvent<
  'BranchRenamed',
  { readonly branchId: string; readonly previousName: string; readonly name: string; readonly at: string }
>;

export type BranchReaffiliated = DomainEvent<
  'BranchReaffiliated',
  {
    readonly branchId: string;
    readonly fromCommitteeId: string;
    readonly toCommitteeId: string;
    readonly decisionReference: string | null;
    readonly at: string;
  }
>;

export type ManagementLinkAdded = DomainEvent<
  'ManagementLinkAdded',
  { readonly branchId: string; readonly link: ManagementLink; readonly at: string }
>;

export type ManagementLinkRemoved = DomainEvent<
  'ManagementLinkRemoved',
  { readonly branchId: string; readonly link: ManagementLink; readonly at: string }
>;

/** The data every post-assignment event carries; the event type says how the post was filled. */
export interface PostAssignmentData {
  readonly branchId: string;
  readonly post: Post;
  /** Present only when a by-election (补选) fills a vacancy: the vacated post's id. */
  readonly vacancyPostId?: string;
  readonly at: string;
}

/** An elected post, or a concurrent committee member (兼职委员). */
export type PostAssigned = DomainEvent<'PostAssigned', PostAssignmentData>;
/** 指派: the superior appoints a secretary or deputy (source `appointed`). */
export type OfficerAppointed = DomainEvent<'OfficerAppointed', PostAssignmentData>;
/** 交叉任职: e.g. a community party secretary serves as deputy secretary (source `concurrent`). */
export type ViceSecretaryCrossAppointed = DomainEvent<'ViceSecretaryCrossAppointed', PostAssignmentData>;
/** 党务干部: a support assignment, not an elected post. */
export type PartyAffairsOfficerAssigned = DomainEvent<'PartyAffairsOfficerAssigned', PostAssignmentData>;

export type PostAssignmentEvent =
  PostAssigned | OfficerAppointed | ViceSecretaryCrossAppointed | PartyAffairsOfficerAssigned;

export type PostVacated = DomainEvent<
  'PostVacated',
  {
    readonly branchId: string;
    readonly postId: string;
    readonly kind: PostKind;
    readonly holder: PostHolder;
    readonly reason: PostEndReason;
    readonly note: string | null;
    readonly endDate: string;
    readonly at: string;
  }
>;

export type BranchShapeAssessed = DomainEvent<
  'BranchShapeAssessed',
  {
    readonly branchId: string;
    readonly counts: MemberCounts;
    readonly hasCommittee: boolean;
    readonly shape: BranchShape;
    readonly at: string;
  }
>;

export type BranchDissolved = DomainEvent<
  'BranchDissolved',
  {
    readonly branchId: string;
    readonly reason: string;
    readonly decisionReference: string | null;
    readonly restructuringId: string | null;
    readonly at: string;
  }
>;

export type BranchEvent =
  | BranchEstablished
  | BranchRenamed
  | BranchReaffiliated
  | ManagementLinkAdded
  | ManagementLinkRemoved
  | PostAssignmentEvent
  | PostVacated
  | BranchShapeAssessed
  | BranchDissolved;
