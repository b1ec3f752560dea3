import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** The answer of GET /org/tree, as the generated schema describes it. */
export type OrganisationTree = Schemas['OrganisationTreeDto'];
export type TreeCommittee = Schemas['TreeCommitteeDto'];
export type TreeBranch = Schemas['TreeBranchDto'];
export type HeldPost = Schemas['HeldPostDto'];
export type BranchShape = Schemas['BranchShapeDto'];
export type CommitteeKind = TreeCommittee['kind'];
export type PostKind = HeldPost['kind'];

export const COMMITTEE_KIND_LABELS: Readonly<Record<CommitteeKind, string>> = {
  committee: '党委',
  general_branch: '党总支',
};

export const POST_LABELS: Readonly<Record<PostKind, string>> = {
  secretary: '书记',
  deputySecretary: '副书记',
  committeeMember: '委员',
  partyAffairsOfficer: '党务干部',
};

/** The posts of a branch in the order they are read out: 书记, 副书记, 委员, 党务干部. */
export function orderedPosts<P extends { readonly kind: PostKind }>(posts: readonly P[]): P[] {
  const order = Object.keys(POST_LABELS);
  return [...posts].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Every committee of a tree, children after their parent, with its depth (for indented lists). */
export function committeesOf(tree: OrganisationTree): { committee: TreeCommittee; depth: number }[] {
  const walk = (committees: readonly TreeCommittee[], depth: number): { committee: TreeCommittee; depth: number }[] =>
    committees.flatMap((committee) => [{ committee, depth }, ...walk(committee.committees, depth + 1)]);
  return walk(tree.committees, 0);
}

/** Every open branch of a tree with the committee it belongs to (null: unattached). */
export function branchesOf(tree: OrganisationTree): { branch: TreeBranch; committee: TreeCommittee | null }[] {
  return [
    ...committeesOf(tree).flatMap(({ committee }) => committee.branches.map((branch) => ({ branch, committee }))),
    ...tree.unattachedBranches.map((branch) => ({ branch, committee: null })),
  ];
}

/** The shape flags of a branch as tags say them; the colours are antd's. */
export function shapeFlags(shape: BranchShape | null | undefined): { label: string; color: string }[] {
  if (!shape) return [];
  return [
    ...(shape.belowMinimum ? [{ label: '正式党员不足', color: 'red' }] : []),
    ...(shape.electionRequired ? [{ label: '需选举支委会', color: 'orange' }] : []),
    ...(shape.overSize ? [{ label: '人数偏多', color: 'gold' }] : []),
  ];
}

export function validDate(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}
