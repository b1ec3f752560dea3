import { DomainCommand } from '../../shared/decider';
import { EstablishmentFacts } from '../establishment-facts';
import { BranchStatusFact } from '../organisation-facts';

/** 正式党员 / 预备党员: only full members vote, count to quorum, may be elected (RULES §1.1 Art 5). */
export type Membership = 'full' | 'probationary';

export type Sex = 'male' | 'female';

/**
 * 停止党籍 (`membershipSuspended`), 留党察看 (`probation`), 留置 (`detention`), 逮捕 (`arrest`): no
 * voting rights while it lasts (the rule version lists which take the vote: `suspensionsWithoutVote`).
 */
export type SuspensionReason = 'membershipSuspended' | 'probation' | 'detention' | 'arrest';

export const SUSPENSION_REASONS: readonly SuspensionReason[] = [
  'membershipSuspended',
  'probation',
  'detention',
  'arrest',
];

/** 死亡, 转出本系统, 开除. */
export type DepartureReason = 'death' | 'movedOut' | 'expelled';

export interface PersonalData {
  readonly name: string;
  readonly birthDate: string;
  readonly sex: Sex;
  /** Date of joining the Party (入党时间). */
  readonly joinedPartyOn: string;
  /** Former post level before retirement (e.g. 科级, 处级), as the roll records it. */
  readonly formerPostLevel: string;
}

export type AdmitMember = DomainCommand<
  'AdmitMember',
  PersonalData & {
    readonly memberId: string;
    readonly membership: Membership;
    /** The one affiliation (隶属) branch. */
    readonly branchId: string;
    readonly context: {
      readonly branchStatus: BranchStatusFact;
      /** When the branch was established: no one joins its roll before it existed. */
      readonly established: EstablishmentFacts;
    };
  }
>;

/** 转正: a probationary member becomes a full member. */
export type ConfirmMember = DomainCommand<'ConfirmMember', { readonly memberId: string; readonly confirmedOn: string }>;

export type SuspendVotingRights = DomainCommand<
  'SuspendVotingRights',
  {
    readonly memberId: string;
    readonly reason: SuspensionReason;
    readonly from: string;
    /** Planned end, if known (留党察看 has a fixed period; 留置/逮捕 often not). */
    readonly until?: string;
    readonly documentReference?: string;
  }
>;

export type RestoreVotingRights = DomainCommand<
  'RestoreVotingRights',
  { readonly memberId: string; readonly restoredOn: string; readonly documentReference?: string }
>;

/** 组织关系转接: moves the single affiliation. One event on the member stream. */
export type TransferMember = DomainCommand<
  'TransferMember',
  {
    readonly memberId: string;
    readonly toBranchId: string;
    /**
     * The branch the caller believes the member is in (the restructuring plan's `from`). When it
     * no longer holds, the transfer is refused rather than moving the member from somewhere else.
     */
    readonly expectedFromBranchId?: string;
    /** Set by the restructuring process: the causation auditors follow, and the retry key. */
    readonly restructuringId?: string;
    readonly documentReference?: string;
    readonly context: {
      readonly toBranchStatus: BranchStatusFact;
      /** When the receiving branch was established. */
      readonly established: EstablishmentFacts;
    };
  }
>;

export type RecordMemberDeparture = DomainCommand<
  'RecordMemberDeparture',
  { readonly memberId: string; readonly reason: DepartureReason; readonly leftOn: string; readonly note?: string }
>;

export type CorrectMemberData = DomainCommand<
  'CorrectMemberData',
  { readonly memberId: string; readonly corrections: Partial<PersonalData>; readonly reason: string }
>;

export type MemberCommand =
  | AdmitMember
  | ConfirmMember
  | SuspendVotingRights
  | RestoreVotingRights
  | TransferMember
  | RecordMemberDeparture
  | CorrectMemberData;
