import { requireEstablishedBy } from '../organisation/establishment';
import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { requireCalendarDate, requireText } from '../shared/iso-date';
import { AssignBranchToWorkingGroup, CampaignCommand, FormWorkingGroup, IssueElectionPlan } from './campaign.commands';
import { CampaignEvent } from './campaign.events';
import { ActiveCampaign, CampaignState } from './campaign.state';

export const campaignStreamName = (campaignId: string): string => `campaign-${campaignId}`;

/** The renewal campaign (换届工作): plan, working groups and 包联 assignments (RULES Workflow A, local practice). */
export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'IssueElectionPlan':
        return issuePlan(command, state);
      case 'FormWorkingGroup':
        return formGroup(command, requireActive(state, command.data.campaignId));
      case 'AssignBranchToWorkingGroup':
        return assignBranch(command, requireActive(state, command.data.campaignId));
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ElectionPlanIssued': {
        const { campaignId, title, documentNumber, requirements, deadline, at } = event.data;
        return {
          status: 'active',
          campaignId,
          plan: { title, documentNumber, requirements, deadline, issuedAt: at },
          groups: [],
          assignments: {},
        };
      }
      case 'WorkingGroupFormed':
        return state.status === 'active'
          ? {
              ...state,
              groups: [
                ...state.groups,
                { groupId: event.data.groupId, name: event.data.name, leader: event.data.leader },
              ],
            }
          : state;
      case 'BranchAssignedToWorkingGroup':
        return state.status === 'active'
          ? { ...state, assignments: { ...state.assignments, [event.data.branchId]: event.data.groupId } }
          : state;
      default:
        return assertNever(event);
    }
  },
};

function requireActive(state: CampaignState, campaignId: string): ActiveCampaign {
  switch (state.status) {
    case 'none':
      throw refuse('CAMPAIGN_NOT_FOUND', { campaignId });
    case 'active':
      return state;
    default:
      return assertNever(state);
  }
}

function issuePlan(command: IssueElectionPlan, state: CampaignState): readonly CampaignEvent[] {
  const { campaignId } = command.data;
  if (state.status === 'active') {
    throw refuse('CAMPAIGN_ALREADY_EXISTS', { campaignId, documentNumber: state.plan.documentNumber });
  }
  const title = requireText(command.data.title, 'plan title', 'INVALID_NAME');
  const documentNumber = requireText(
    command.data.documentNumber,
    'plan document number',
    'DOCUMENT_REFERENCE_REQUIRED',
  );
  const requirements = command.data.requirements.map((line) => requireText(line, 'plan requirement'));
  const deadline = requireCalendarDate(command.data.deadline, 'campaign deadline');
  const issuedOn = requireCalendarDate(command.metadata.at, 'plan issue date');
  if (deadline < issuedOn) {
    throw refuse('DEADLINE_BEFORE_PLAN', { deadline, issuedOn });
  }
  return [
    {
      type: 'ElectionPlanIssued',
      data: { campaignId, title, documentNumber, requirements, deadline, at: command.metadata.at },
    },
  ];
}

function formGroup(command: FormWorkingGroup, state: ActiveCampaign): readonly CampaignEvent[] {
  const { groupId, leader } = command.data;
  const name = requireText(command.data.name, 'working group name', 'INVALID_NAME');
  const leaderName = requireText(leader.name, 'working group leader', 'INVALID_NAME');
  const existing = state.groups.find((group) => group.groupId === groupId);
  if (existing !== undefined) {
    if (existing.name === name && existing.leader.personId === leader.personId) return [];
    throw refuse('WORKING_GROUP_ALREADY_EXISTS', { groupId, name: existing.name });
  }
  const led = state.groups.find((group) => group.leader.personId === leader.personId);
  if (led !== undefined) {
    throw refuse('LEADER_ALREADY_LEADS_GROUP', {
      groupId,
      leaderId: leader.personId,
      leaderName,
      ledGroupId: led.groupId,
      ledGroupName: led.name,
    });
  }
  return [
    {
      type: 'WorkingGroupFormed',
      data: {
        campaignId: state.campaignId,
        groupId,
        name,
        leader: { personId: leader.personId, name: leaderName },
        at: command.metadata.at,
      },
    },
  ];
}

function assignBranch(command: AssignBranchToWorkingGroup, state: ActiveCampaign): readonly CampaignEvent[] {
  const { branchId, groupId, context } = command.data;
  const group = state.groups.find((candidate) => candidate.groupId === groupId);
  if (group === undefined) {
    throw refuse('WORKING_GROUP_NOT_FOUND', { campaignId: state.campaignId, groupId });
  }
  if (context.branchStatus !== 'open') {
    throw refuse('BRANCH_NOT_OPEN', { branchId, branchStatus: context.branchStatus, purpose: 'assignment' });
  }
  requireEstablishedBy(
    { kind: 'assignment', branchId, group: group.name },
    command.metadata.at,
    context.established[branchId],
  );
  const current = state.assignments[branchId];
  if (current === groupId) return [];
  if (current !== undefined && command.data.reassign !== true) {
    const currentName = state.groups.find((candidate) => candidate.groupId === current)?.name ?? current;
    throw refuse('BRANCH_ALREADY_ASSIGNED', { branchId, groupId: current, groupName: currentName });
  }
  return [
    {
      type: 'BranchAssignedToWorkingGroup',
      data: {
        campaignId: state.campaignId,
        branchId,
        groupId,
        previousGroupId: current ?? null,
        at: command.metadata.at,
      },
    },
  ];
}
