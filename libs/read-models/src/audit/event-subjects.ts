/**
 * What an event concerns, read from its data by field name rather than by type, so events of
 * contexts that do not exist yet (elections, campaigns) are filed under their branch and member
 * as soon as they carry the usual `branchId` / `memberId` fields.
 */
export interface EventSubjects {
  /** The branch the event is about; for a transfer the destination, for a merge the target. */
  readonly branchId: string | null;
  /** The branch a member left in a transfer. */
  readonly fromBranchId: string | null;
  /** Every branch the event concerns (both sides of a transfer, every source of a merge…). */
  readonly branchIds: readonly string[];
  readonly memberId: string | null;
  readonly committeeId: string | null;
  readonly restructuringId: string | null;
}

type Data = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const record = (value: unknown): Data | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : null;
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((item) => (text(item) === null ? [] : [item as string])) : [];

/** `member-m1` → `['member', 'm1']`. */
export function streamCategory(stream: string): { category: string; id: string } {
  const dash = stream.indexOf('-');
  return dash < 0 ? { category: stream, id: '' } : { category: stream.slice(0, dash), id: stream.slice(dash + 1) };
}

export function subjectsOf(stream: string, data: Data): EventSubjects {
  const { category, id } = streamCategory(stream);
  const plan = record(data.plan);
  const execution = record(data.execution);
  const post = record(data.post);
  const holder = record(post?.holder) ?? record(data.holder);
  const target = record(plan?.target);

  const planBranches = [
    ...texts(plan?.sourceBranchIds),
    text(target?.branchId),
    text(record(target?.branch)?.branchId),
    text(plan?.branchId),
    text(plan?.destinationBranchId),
    ...(Array.isArray(plan?.assignments) ? plan.assignments.map((a) => text(record(a)?.toBranchId)) : []),
    ...(Array.isArray(plan?.newBranches) ? plan.newBranches.map((b) => text(record(b)?.branchId)) : []),
  ];
  const executionBranches = [
    ...(Array.isArray(execution?.branchesToEstablish)
      ? execution.branchesToEstablish.map((b) => text(record(b)?.branchId))
      : []),
    ...texts(execution?.branchesToClose),
  ];

  const branchId =
    text(data.branchId) ??
    text(data.toBranchId) ??
    text(data.targetBranchId) ??
    (category === 'branch' ? text(id) : null) ??
    (plan?.kind === 'dissolution' ? text(plan.branchId) : null) ??
    // 示范创建 visits and volunteer teams: the branch visited, the branch that leads.
    text(data.hostBranchId) ??
    text(data.leadBranchId);
  const fromBranchId = text(data.fromBranchId);
  const branchIds = unique([
    branchId,
    fromBranchId,
    text(data.toBranchId),
    ...texts(data.sourceBranchIds),
    ...texts(data.visitingBranchIds),
    ...planBranches,
    ...executionBranches,
  ]);

  return {
    branchId,
    fromBranchId,
    branchIds,
    memberId: text(data.memberId) ?? text(holder?.personId) ?? (category === 'member' ? text(id) : null),
    committeeId:
      text(data.committeeId) ??
      text(data.toCommitteeId) ??
      text(data.parentCommitteeId) ??
      (category === 'committee' ? text(id) : null),
    restructuringId: text(data.restructuringId) ?? (category === 'restructuring' ? text(id) : null),
  };
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
