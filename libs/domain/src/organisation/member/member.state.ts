import { DepartureReason, Membership, PersonalData, SuspensionReason } from './member.commands';

export interface Suspension {
  readonly reason: SuspensionReason;
  readonly from: string;
  readonly until: string | null;
}

export type MemberState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly memberId: string;
      readonly personal: PersonalData;
      readonly membership: Membership;
      /** The one affiliation branch. */
      readonly branchId: string;
      readonly suspension: Suspension | null;
      /** The restructuring that moved the member last, if any (makes its retries no-ops). */
      readonly lastTransferRestructuringId: string | null;
      /**
       * Since when (calendar date) the member is in `branchId`, and by which act: no transfer out
       * of it can be dated earlier (TRANSFER_BEFORE_AFFILIATION).
       */
      readonly affiliated: { readonly since: string; readonly by: 'admission' | 'transfer' };
    }
  | {
      readonly status: 'left';
      readonly memberId: string;
      readonly personal: PersonalData;
      readonly membership: Membership;
      /** The branch the member left from; no longer an affiliation. */
      readonly lastBranchId: string;
      readonly reason: DepartureReason;
      readonly leftOn: string;
    };

export type ActiveMember = Extract<MemberState, { status: 'active' }>;

/**
 * Full and not suspended (and, when `inBranchId` is given, affiliated there: a member votes only in
 * the affiliation branch, never through a management link or a concurrent post): may vote, counts to quorum, may be elected (RULES §1.1 Art 5, §4.2).
 */
export function isEligibleToVote(state: MemberState, inBranchId?: string): boolean {
  return (
    state.status === 'active' &&
    state.membership === 'full' &&
    state.suspension === null &&
    (inBranchId === undefined || state.branchId === inBranchId)
  );
}
