import { DomainEvent } from '../../shared/decider';
import { DepartureReason, Membership, PersonalData, SuspensionReason } from './member.commands';

export type MemberAdmitted = DomainEvent<
  'MemberAdmitted',
  PersonalData & {
    readonly memberId: string;
    readonly membership: Membership;
    readonly branchId: string;
    readonly at: string;
  }
>;

export type MemberConfirmed = DomainEvent<
  'MemberConfirmed',
  { readonly memberId: string; readonly branchId: string; readonly confirmedOn: string; readonly at: string }
>;

export type VotingRightsSuspended = DomainEvent<
  'VotingRightsSuspended',
  {
    readonly memberId: string;
    readonly reason: SuspensionReason;
    readonly from: string;
    readonly until: string | null;
    readonly documentReference: string | null;
    readonly at: string;
  }
>;

export type VotingRightsRestored = DomainEvent<
  'VotingRightsRestored',
  {
    readonly memberId: string;
    readonly reason: SuspensionReason;
    readonly restoredOn: string;
    readonly documentReference: string | null;
    readonly at: string;
  }
>;

export type MemberTransferred = DomainEvent<
  'MemberTransferred',
  {
    readonly memberId: string;
    readonly fromBranchId: string;
    readonly toBranchId: string;
    readonly restructuringId: string | null;
    readonly documentReference: string | null;
    readonly at: string;
  }
>;

export type MemberLeft = DomainEvent<
  'MemberLeft',
  {
    readonly memberId: string;
    readonly branchId: string;
    readonly reason: DepartureReason;
    readonly leftOn: string;
    readonly note: string | null;
    readonly at: string;
  }
>;

export type MemberDataCorrected = DomainEvent<
  'MemberDataCorrected',
  {
    readonly memberId: string;
    /** The values replaced, so the correction can be read without replaying. */
    readonly previous: Partial<PersonalData>;
    readonly corrections: Partial<PersonalData>;
    readonly reason: string;
    readonly at: string;
  }
>;

export type MemberEvent =
  | MemberAdmitted
  | MemberConfirmed
  | VotingRightsSuspended
  | VotingRightsRestored
  | MemberTransferred
  | MemberLeft
  | MemberDataCorrected;
