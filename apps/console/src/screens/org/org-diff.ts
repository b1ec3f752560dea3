import { answer } from '../../api/client';
import { api } from '../../api/api';
import type { components } from '../../api/schema';
import { affiliationChangeLabel, POST_KIND_LABELS, POST_SOURCE_LABELS, postEndLabel } from '../../format/status-labels';
import { branchesOf, committeesOf, type OrganisationTree } from './org-tree';

export type OrganisationDiff = components['schemas']['OrganisationDiffPageDto'];

/** The lists of a diff page, in the order a clerk reads them. */
export const DIFF_SECTIONS = [
  'branchesCreated',
  'branchesDissolved',
  'branchesMerged',
  'branchesRenamed',
  'branchesReaffiliated',
  'membersMoved',
  'membersJoined',
  'membersLeft',
  'postsStarted',
  'postsEnded',
] as const satisfies readonly (keyof OrganisationDiff)[];
export type DiffSection = (typeof DIFF_SECTIONS)[number];

export const DIFF_SECTION_LABELS: Readonly<Record<DiffSection, string>> = {
  branchesCreated: '新设党支部',
  branchesDissolved: '撤销党支部',
  branchesMerged: '合并党支部',
  branchesRenamed: '党支部更名',
  branchesReaffiliated: '隶属关系变更',
  membersMoved: '党员组织关系转接',
  membersJoined: '党员编入',
  membersLeft: '党员离开',
  postsStarted: '任职',
  postsEnded: '离任',
};

/** One change as a line of the page: its business day, what it says, and the restructuring behind it. */
export interface DiffLine {
  readonly key: string;
  readonly on: string;
  readonly text: string;
  readonly restructuringId: string | null;
}

/**
 * The names the diff's ids stand for: branches and committees as they stood on either date, and
 * those the diff names itself (a branch set up and closed between the dates is in neither tree).
 */
export class OrgNames {
  private readonly names = new Map<string, string>();

  constructor(trees: readonly OrganisationTree[], diffs: readonly OrganisationDiff[]) {
    for (const tree of trees) {
      for (const { committee } of committeesOf(tree)) this.names.set(committee.committeeId, committee.name);
      for (const { branch } of branchesOf(tree)) this.names.set(branch.branchId, branch.name);
    }
    for (const diff of diffs) {
      for (const b of [...diff.branchesCreated, ...diff.branchesDissolved, ...diff.branchesMerged]) {
        if (!this.names.has(b.branchId)) this.names.set(b.branchId, b.name);
      }
    }
  }

  of(id: string): string {
    return this.names.get(id) ?? '（名称不详）';
  }
}

/** Each section of a diff as lines in date order. */
export function diffLines(diff: OrganisationDiff, names: OrgNames): Record<DiffSection, DiffLine[]> {
  const line = (key: string, on: string, text: string, restructuringId: string | null = null): DiffLine => ({
    key,
    on,
    text,
    restructuringId,
  });
  return {
    branchesCreated: diff.branchesCreated.map((b) =>
      line(b.branchId, b.on, `设立${b.name}，隶属${names.of(b.committeeId)}`, b.restructuringId),
    ),
    branchesDissolved: diff.branchesDissolved.map((b) =>
      line(b.branchId, b.on, `撤销${b.name}${b.reason ? `（${b.reason}）` : ''}`, b.restructuringId),
    ),
    branchesMerged: diff.branchesMerged.map((b) =>
      line(`${b.branchId}-${b.intoBranchId}`, b.on, `${b.name}并入${names.of(b.intoBranchId)}`, b.restructuringId),
    ),
    branchesRenamed: diff.branchesRenamed.map((b) => line(`${b.branchId}-${b.on}`, b.on, `${b.from}更名为${b.to}`)),
    branchesReaffiliated: diff.branchesReaffiliated.map((b) =>
      line(
        `${b.branchId}-${b.on}`,
        b.on,
        `${names.of(b.branchId)}改隶：${names.of(b.fromCommitteeId)} → ${names.of(b.toCommitteeId)}`,
      ),
    ),
    membersMoved: diff.membersMoved.map((m) =>
      line(
        `${m.memberId}-${m.on}-${m.toBranchId}`,
        m.on,
        `${m.name}：${names.of(m.fromBranchId)} → ${names.of(m.toBranchId)}`,
        m.restructuringId,
      ),
    ),
    membersJoined: diff.membersJoined.map((m) =>
      line(`${m.memberId}-${m.on}`, m.on, `${m.name}编入${names.of(m.branchId)}`),
    ),
    membersLeft: diff.membersLeft.map((m) =>
      line(
        `${m.memberId}-${m.on}`,
        m.on,
        `${m.name}离开${names.of(m.branchId)}（${affiliationChangeLabel(`left:${m.reason}`)}）`,
      ),
    ),
    postsStarted: diff.postsStarted.map((p) =>
      line(
        `${p.postId}-${p.on}`,
        p.on,
        `${p.holder.name}任${names.of(p.branchId)}${POST_KIND_LABELS[p.kind]}（${POST_SOURCE_LABELS[p.source]}）`,
      ),
    ),
    postsEnded: diff.postsEnded.map((p) =>
      line(
        `${p.postId}-${p.on}`,
        p.on,
        `${p.holder.name}不再任${names.of(p.branchId)}${POST_KIND_LABELS[p.kind]}（${postEndLabel(p.endReason)}）`,
      ),
    ),
  };
}

/** Two pages of a diff as one: every list joined, the later page's cursor. */
export function joinPages(first: OrganisationDiff, next: OrganisationDiff): OrganisationDiff {
  const joined = { ...next, from: first.from, to: first.to };
  for (const section of DIFF_SECTIONS) {
    (joined as Record<DiffSection, unknown[]>)[section] = [...first[section], ...next[section]];
  }
  return joined;
}

/** A page of the diff between two dates, after a cursor. */
export async function diffPage(from: string, to: string, after?: string): Promise<OrganisationDiff> {
  const query = after === undefined ? { from, to } : { from, to, after };
  return (await answer(api.GET('/org/diff', { params: { query } }))).data;
}

/** The tree on a date, for names. */
export async function treeOn(asOf: string): Promise<OrganisationTree> {
  return (await answer(api.GET('/org/tree', { params: { query: { asOf } } }))).data;
}
