import { answer } from '../../api/client';
import { api } from '../../api/api';
import { jsonOf } from '../../api/json-of';
import type { components } from '../../api/schema';
import type { ElectionView } from './election-steps';

type Schemas = components['schemas'];
export type BoardEntry = Schemas['ElectionBoardEntryDto'];
export type RollMember = Schemas['BranchRollRowDto'];
export type Policy = Schemas['RulePolicyEntryDto'];
export type TreeBranch = Schemas['TreeBranchDto'];
type TreeCommittee = Schemas['TreeCommitteeDto'];

/** Every election on the board (GET /elections), judged on `asOf`, page after page. */
export async function electionBoard(asOf: string): Promise<BoardEntry[]> {
  const items: BoardEntry[] = [];
  let after: string | undefined;
  do {
    const query = { asOf, limit: 5000, ...(after === undefined ? {} : { after }) };
    const { data } = await answer(api.GET('/elections', { params: { query } }));
    const page = jsonOf(data);
    items.push(...page.items);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return items;
}

/** The open branches on `asOf`, committee by committee (GET /org/tree: administrators and auditors). */
export async function openBranches(asOf: string): Promise<{ committee: string; branch: TreeBranch }[]> {
  const { data } = await answer(api.GET('/org/tree', { params: { query: { asOf } } }));
  const found: { committee: string; branch: TreeBranch }[] = [];
  const walk = (committee: TreeCommittee) => {
    for (const branch of committee.branches) found.push({ committee: committee.name, branch });
    committee.committees.forEach(walk);
  };
  data.committees.forEach(walk);
  return found;
}

/** One election with its next actions judged on `asOf`, the branch's name and the rules in force then. */
export interface LoadedElection {
  readonly view: ElectionView;
  /** The revision to send back as If-Match: the ETag of the read. */
  readonly revision: number;
  readonly branchName: string;
  readonly roll: readonly RollMember[];
  readonly policy: Policy;
}

export async function loadElection(electionId: string, asOf: string): Promise<LoadedElection> {
  const read = await answer(api.GET('/elections/{electionId}', { params: { path: { electionId }, query: { asOf } } }));
  const view = read.data;
  const branchId = view.state.branchId;
  const [branch, roll, policy] = await Promise.all([
    branchId ? answer(api.GET('/branches/{branchId}', { params: { path: { branchId } } })) : Promise.resolve(null),
    branchId
      ? answer(api.GET('/branches/{branchId}/members', { params: { path: { branchId } } }))
      : Promise.resolve(null),
    answer(api.GET('/policies/{version}', { params: { path: { version: view.policyInForce } } })),
  ]);
  return {
    view,
    revision: read.revision ?? view.revision,
    branchName: branch?.data.name ?? '（未知党支部）',
    roll: roll?.data.members ?? [],
    policy: policy.data,
  };
}
