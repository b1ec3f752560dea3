import type { MemberState } from '@app/domain';
import { REPORTER_PERSONAL, reporterDepartureReason, reporterShape, type FieldShape } from '@app/read-models';

type MemberView = MemberState & { readonly revision: number };

/**
 * GET /members/:id for a reporting job, by an allow-list of every field a member's state has
 * (a field added to the state or to PersonalData fails to compile here until it is decided): no
 * birth date, and of a suspension only the day it began. The reason (留党察看, 留置, 逮捕) is
 * withheld, and so is the planned end, which points to it (留党察看 runs a fixed period); a
 * departure reason is `death` or `other`: the same as the change feed shows.
 */
const MEMBER_FOR_REPORTER: FieldShape<MemberView> = {
  status: true,
  memberId: true,
  personal: REPORTER_PERSONAL,
  membership: true,
  branchId: true,
  suspension: { reason: false, from: true, until: false },
  lastTransferRestructuringId: true,
  affiliated: { since: true, by: true },
  lastBranchId: true,
  reason: reporterDepartureReason,
  leftOn: true,
  revision: true,
};

export function memberForReporter(view: MemberView): Record<string, unknown> {
  return reporterShape(MEMBER_FOR_REPORTER, view);
}
