import { answer } from '../../api/client';
import { api } from '../../api/api';
import type { components } from '../../api/schema';
import { ApiProblem } from '../../api/problem';
import type { OrganisationTree } from '../org/org-tree';
import type { Move, RollRow } from './plan';

export type RestructuringListItem = components['schemas']['RestructuringListItemDto'];

/** Every restructuring, newest proposal first (the API pages by id; a city has a handful a year). */
export async function restructuringList(): Promise<RestructuringListItem[]> {
  const items: RestructuringListItem[] = [];
  let after: string | undefined;
  do {
    const query = after === undefined ? { limit: 500 } : { limit: 500, after };
    const { data } = await answer(api.GET('/restructurings', { params: { query } }));
    items.push(...data.items);
    after = data.next ?? undefined;
  } while (after !== undefined);
  return items.sort(
    (a, b) => b.proposedOn.localeCompare(a.proposedOn) || a.restructuringId.localeCompare(b.restructuringId),
  );
}

/** The organisation today: the branches and committees the wizard offers. */
export async function organisationNow(): Promise<OrganisationTree> {
  return (await answer(api.GET('/org/tree', {}))).data;
}

/** A branch's roll as it stands; none for a branch not (yet) set up. */
export async function rollOf(branchId: string): Promise<readonly RollRow[]> {
  try {
    const { data } = await answer(api.GET('/branches/{branchId}/members', { params: { path: { branchId } } }));
    return [...data.members].sort(byName);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return [];
    throw error;
  }
}

/** Names in the order a Chinese list is read: by pinyin. */
export const byName = (a: { readonly name: string }, b: { readonly name: string }): number =>
  a.name.localeCompare(b.name, 'zh-CN');

export async function rollsOf(branchIds: readonly string[]): Promise<Map<string, readonly RollRow[]>> {
  const unique = [...new Set(branchIds.filter((id) => id !== ''))];
  const rolls = await Promise.all(unique.map(rollOf));
  return new Map(unique.map((id, index) => [id, rolls[index] ?? []]));
}

/** A branch's name by its id (null: none has this id yet, e.g. one the restructuring will set up). */
export async function branchName(branchId: string): Promise<string | null> {
  try {
    return (await answer(api.GET('/branches/{branchId}', { params: { path: { branchId } } }))).data.name ?? null;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

/** A member's name and branch now, for those no roll read names (a redraw's, or one moved on since). */
export async function memberNow(memberId: string): Promise<{ name: string; branchId: string | null } | null> {
  try {
    const { data } = await answer(api.GET('/members/{memberId}', { params: { path: { memberId } } }));
    return { name: data.personal?.name ?? '', branchId: data.branchId ?? data.lastBranchId ?? null };
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

/** Runs `work` over `items`, a few at a time, so a long list does not flood the API. */
export async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>, size = 6): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}

/**
 * How far the execution has come: the moves whose member is on the destination's roll now. The
 * process manager moves members one by one in the background; each destination's roll shows it.
 * A branch the restructuring sets up may not exist yet, so its members are asked about one by one.
 */
export async function movedSoFar(moves: readonly Move[], plannedBranchIds: ReadonlySet<string>): Promise<Set<string>> {
  const intoExisting = moves.filter((move) => !plannedBranchIds.has(move.toBranchId));
  const intoNew = moves.filter((move) => plannedBranchIds.has(move.toBranchId));
  const rolls = await rollsOf(intoExisting.map((move) => move.toBranchId));
  const there = (move: Move) => (rolls.get(move.toBranchId) ?? []).some((m) => m.memberId === move.memberId);
  const now = await inBatches(intoNew, (move) => memberNow(move.memberId));
  return new Set([
    ...intoExisting.filter(there).map((move) => move.memberId),
    ...intoNew.filter((move, index) => now[index]?.branchId === move.toBranchId).map((move) => move.memberId),
  ]);
}
