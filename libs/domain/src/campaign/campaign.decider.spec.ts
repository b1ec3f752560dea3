import { CommandMetadata } from '../shared/decider';
import { deciderSpecification } from '../shared/decider-specification';
import { AssignBranchToWorkingGroup, FormWorkingGroup, IssueElectionPlan } from './campaign.commands';
import { campaignDecider, campaignStreamName } from './campaign.decider';
import { BranchAssignedToWorkingGroup, ElectionPlanIssued, WorkingGroupFormed } from './campaign.events';
import { branchesOfGroup, groupOfBranch } from './campaign.state';
import { fold } from '../shared/decider';

const spec = deciderSpecification(campaignDecider);
const at = '2023-02-15T09:00:00+08:00';
const metadata: CommandMetadata = { at, actor: { id: 'u-1', name: '管理员', role: 'admin' } };
const issue = (overrides: Partial<IssueElectionPlan['data']> = {}): IssueElectionPlan => ({
  type: 'IssueElectionPlan',
  data: {
    campaignId: 'c-2023',
    title: '关于离退休干部党支部换届选举工作方案',
    documentNumber: '孝老干字〔2023〕1号',
    requirements: ['按期换届', '严肃纪律'],
    deadline: '2023-06-30',
    ...overrides,
  },
  metadata,
});
const issued: ElectionPlanIssued = {
  type: 'ElectionPlanIssued',
  data: {
    campaignId: 'c-2023',
    title: '关于离退休干部党支部换届选举工作方案',
    documentNumber: '孝老干字〔2023〕1号',
    requirements: ['按期换届', '严肃纪律'],
    deadline: '2023-06-30',
    at,
  },
};
const form = (groupId: string, leaderId: string, name = `第${groupId}组`): FormWorkingGroup => ({
  type: 'FormWorkingGroup',
  data: { campaignId: 'c-2023', groupId, name, leader: { personId: leaderId, name: `局领导${leaderId}` } },
  metadata,
});
const formed = (groupId: string, leaderId: string): WorkingGroupFormed => ({
  type: 'WorkingGroupFormed',
  data: {
    campaignId: 'c-2023',
    groupId,
    name: `第${groupId}组`,
    leader: { personId: leaderId, name: `局领导${leaderId}` },
    at,
  },
});
const assign = (branchId: string, groupId: string, reassign?: boolean): AssignBranchToWorkingGroup => ({
  type: 'AssignBranchToWorkingGroup',
  data: {
    campaignId: 'c-2023',
    branchId,
    groupId,
    ...(reassign === undefined ? {} : { reassign }),
    context: { branchStatus: 'open', established: {} },
  },
  metadata,
});
const assigned = (
  branchId: string,
  groupId: string,
  previousGroupId: string | null = null,
): BranchAssignedToWorkingGroup => ({
  type: 'BranchAssignedToWorkingGroup',
  data: { campaignId: 'c-2023', branchId, groupId, previousGroupId, at },
});

describe('Campaign decider', () => {
  it('issues the election plan on stream campaign-…, once', () => {
    expect(campaignStreamName('c-2023')).toBe('campaign-c-2023');
    spec.given([]).when(issue()).then([issued]);
    spec.given([issued]).when(issue()).thenThrows('CAMPAIGN_ALREADY_EXISTS');
  });

  it('refuses a plan without a document number or with a deadline before its issue', () => {
    spec
      .given([])
      .when(issue({ documentNumber: '' }))
      .thenThrows('DOCUMENT_REFERENCE_REQUIRED');
    spec
      .given([])
      .when(issue({ deadline: '2023-01-01' }))
      .thenThrows('DEADLINE_BEFORE_PLAN');
  });

  it('forms working groups led by bureau leaders, one group per leader', () => {
    spec
      .given([issued])
      .when(form('1', 'l1'))
      .then([formed('1', 'l1')]);
    spec
      .given([issued, formed('1', 'l1')])
      .when(form('1', 'l1'))
      .thenNothingHappened();
    spec
      .given([issued, formed('1', 'l1')])
      .when(form('1', 'l2'))
      .thenThrows('WORKING_GROUP_ALREADY_EXISTS');
    spec
      .given([issued, formed('1', 'l1')])
      .when(form('2', 'l1'))
      .thenThrows('LEADER_ALREADY_LEADS_GROUP');
    spec.given([]).when(form('1', 'l1')).thenThrows('CAMPAIGN_NOT_FOUND');
  });

  it('assigns (包联) a branch to one group, reassigning only explicitly', () => {
    const groups = [issued, formed('1', 'l1'), formed('2', 'l2')];
    spec
      .given(groups)
      .when(assign('b-fudong', '1'))
      .then([assigned('b-fudong', '1')]);
    spec
      .given([...groups, assigned('b-fudong', '1')])
      .when(assign('b-fudong', '1'))
      .thenNothingHappened();
    spec
      .given([...groups, assigned('b-fudong', '1')])
      .when(assign('b-fudong', '2'))
      .thenThrows('BRANCH_ALREADY_ASSIGNED');
    spec
      .given([...groups, assigned('b-fudong', '1')])
      .when(assign('b-fudong', '2', true))
      .then([assigned('b-fudong', '2', '1')]);
    spec.given(groups).when(assign('b-fudong', '9')).thenThrows('WORKING_GROUP_NOT_FOUND');
    spec
      .given(groups)
      .when({
        ...assign('b-sanhuang', '1'),
        data: { ...assign('b-sanhuang', '1').data, context: { branchStatus: 'dissolved', established: {} } },
      })
      .thenThrows('BRANCH_NOT_OPEN');
  });

  it('refuses assigning a branch before it was established with DATED_BEFORE_ESTABLISHMENT', () => {
    const branch = { kind: 'branch', id: 'b-fudong', name: '府东社区离退休干部党支部', on: '2023-02-16' } as const;
    spec
      .given([issued, formed('1', 'l1')])
      .when({
        ...assign('b-fudong', '1'),
        data: {
          ...assign('b-fudong', '1').data,
          context: { branchStatus: 'open', established: { 'b-fudong': branch } },
        },
      })
      .thenThrows('DATED_BEFORE_ESTABLISHMENT');
  });

  it('exposes the groups of branches and the branches of groups for the board', () => {
    const state = fold(campaignDecider, [
      issued,
      formed('1', 'l1'),
      formed('2', 'l2'),
      assigned('b-a', '1'),
      assigned('b-b', '1'),
      assigned('b-a', '2', '1'),
    ]);
    expect(branchesOfGroup(state, '1')).toEqual(['b-b']);
    expect(branchesOfGroup(state, '2')).toEqual(['b-a']);
    expect(groupOfBranch(state, 'b-a')?.name).toBe('第2组');
  });
});
