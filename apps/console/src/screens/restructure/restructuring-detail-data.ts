import { answer } from '../../api/client';
import { api } from '../../api/api';
import type { MemberFacts } from './MovesTable';
import { branchesOfPlan, movesOf, newBranchesOfPlan, type Move, type RestructuringView } from './plan';
import {
  branchName,
  inBatches,
  memberNow,
  restructuringList,
  rollsOf,
  type RestructuringListItem,
} from './restructure-data';

export interface RestructuringDetail {
  readonly view: RestructuringView;
  /** The revision the view was read at: the If-Match of the next step. */
  readonly revision: number | null;
  /** Its line in the list: the business days it was proposed and reached its status. */
  readonly entry: RestructuringListItem | null;
  readonly branchNames: ReadonlyMap<string, string>;
  readonly members: ReadonlyMap<string, MemberFacts>;
  readonly moves: readonly Move[];
  /** The branches the plan sets up (none of them exists before the execution sets it up). */
  readonly plannedBranchIds: ReadonlySet<string>;
}

export async function restructuringView(restructuringId: string) {
  return answer(api.GET('/restructurings/{restructuringId}', { params: { path: { restructuringId } } }));
}

/**
 * A recorded restructuring with what its page names: every branch it touches, and every member
 * it moves (from the rolls as they stand; a member no roll names, by their own record).
 */
export async function restructuringDetail(restructuringId: string): Promise<RestructuringDetail> {
  const [{ data: view, revision }, list] = await Promise.all([restructuringView(restructuringId), restructuringList()]);
  const entry = list.find((item) => item.restructuringId === restructuringId) ?? null;
  const plan = view.plan;
  const { sources, destinations } = plan ? branchesOfPlan(plan) : { sources: [], destinations: [] };
  const planned = plan ? newBranchesOfPlan(plan) : [];
  const transfers = view.execution?.transfers ?? [];

  // A branch the plan sets up exists only once the execution has set it up: until the
  // restructuring is completed it is named from the plan, and its members asked about one by one.
  const plannedIds = new Set(planned.map((b) => b.branchId));
  const existing = (id: string) => view.status === 'completed' || !plannedIds.has(id);
  // Before execution the sources' rolls name who would move; after it, the destinations' do.
  const rolls = await rollsOf([...sources, ...destinations, ...transfers.map((t) => t.toBranchId)].filter(existing));
  const members = new Map<string, MemberFacts>(
    [...rolls.values()].flat().map((m) => [m.memberId, { name: m.name, membership: m.membership }]),
  );
  const whereNow = new Map<string, string>();
  for (const [branchId, roll] of rolls) for (const m of roll) whereNow.set(m.memberId, branchId);

  const named = (plan?.kind === 'redraw' && !view.execution ? (plan.assignments ?? []) : transfers).map(
    (m) => m.memberId,
  );
  const unknown = [...new Set(named)].filter((id) => !members.has(id) || (!view.execution && !whereNow.has(id)));
  const looked = await inBatches(unknown, memberNow);
  unknown.forEach((memberId, index) => {
    const found = looked[index];
    if (!found) return;
    if (!members.has(memberId)) members.set(memberId, { name: found.name });
    if (found.branchId && !whereNow.has(memberId)) whereNow.set(memberId, found.branchId);
  });
  const moves = movesOf(view, rolls, (memberId) => whereNow.get(memberId));

  const branchIds = [
    ...new Set([
      ...sources,
      ...destinations,
      ...moves.flatMap((m) => [m.fromBranchId, m.toBranchId]),
      ...(view.execution?.branchesToClose ?? []),
    ]),
  ].filter((id) => id !== '' && !plannedIds.has(id));
  const names = await inBatches(branchIds, branchName);
  const branchNames = new Map<string, string>();
  branchIds.forEach((id, index) => {
    const name = names[index];
    if (name) branchNames.set(id, name);
  });
  for (const branch of planned) {
    branchNames.set(branch.branchId, view.status === 'completed' ? branch.name : `${branch.name}（新设）`);
  }
  return { view, revision, entry, branchNames, members, moves, plannedBranchIds: plannedIds };
}
