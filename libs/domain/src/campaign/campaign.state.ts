import { PostHolder } from '../organisation/branch/post';

export interface WorkingGroup {
  readonly groupId: string;
  readonly name: string;
  readonly leader: PostHolder;
}

export interface ElectionPlan {
  readonly title: string;
  readonly documentNumber: string;
  readonly requirements: readonly string[];
  readonly deadline: string;
  readonly issuedAt: string;
}

export type CampaignState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly campaignId: string;
      readonly plan: ElectionPlan;
      readonly groups: readonly WorkingGroup[];
      /** branchId → groupId: a branch is in at most one group per campaign. */
      readonly assignments: Readonly<Record<string, string>>;
    };

export type ActiveCampaign = Extract<CampaignState, { status: 'active' }>;

/** The branches a group is 包联 to, in assignment order. */
export function branchesOfGroup(state: CampaignState, groupId: string): readonly string[] {
  return state.status === 'active'
    ? Object.entries(state.assignments)
        .filter(([, group]) => group === groupId)
        .map(([branchId]) => branchId)
    : [];
}

export function groupOfBranch(state: CampaignState, branchId: string): WorkingGroup | undefined {
  if (state.status !== 'active') return undefined;
  const groupId = state.assignments[branchId];
  return state.groups.find((group) => group.groupId === groupId);
}
