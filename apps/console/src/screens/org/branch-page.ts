import { answer } from '../../api/client';
import { api } from '../../api/api';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type BranchView = Schemas['BranchViewDto'];
export type RollRow = Schemas['BranchRollRowDto'];
export type BranchElection = Schemas['ElectionListItemDto'];
export type ManagementLinkKind = Schemas['ManagementLinkDto']['kind'];

export const MANAGEMENT_LINK_LABELS: Readonly<Record<ManagementLinkKind, string>> = {
  community: '社区党组织',
  formerUnit: '原单位',
  association: '协会',
};

export interface BranchPageData {
  readonly branch: BranchView;
  readonly committeeName: string | null;
  readonly roll: readonly RollRow[];
  readonly elections: readonly BranchElection[];
}

/** Everything a branch's page shows, read as it stands now (every role may read these). */
export async function branchPageData(branchId: string): Promise<BranchPageData> {
  const path = { params: { path: { branchId } } };
  const [branch, roll, elections] = await Promise.all([
    answer(api.GET('/branches/{branchId}', path)),
    answer(api.GET('/branches/{branchId}/members', path)),
    answer(api.GET('/branches/{branchId}/elections', path)),
  ]);
  const committeeId = branch.data.parentCommitteeId;
  const committee = committeeId
    ? await answer(api.GET('/committees/{committeeId}', { params: { path: { committeeId } } })).catch(() => null)
    : null;
  return {
    branch: branch.data,
    committeeName: committee?.data.name ?? null,
    // By pinyin, as a roll is read out.
    roll: [...roll.data.members].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    elections: [...elections.data.elections].reverse(),
  };
}
