import { requireEstablishedBy } from '../organisation/establishment';
import { assertNever, Decider } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { requireCalendarDate, requireText } from '../shared/iso-date';
import {
  FormVolunteerTeam,
  JoinVolunteerTeam,
  RecordVolunteerActivity,
  VolunteerCommand,
  VolunteerMemberFact,
} from './volunteer.commands';
import { VolunteerEvent, VolunteerParticipant } from './volunteer.events';
import { CURRENT_VOLUNTEER_KINDS, volunteerKindList } from './volunteer-kinds';
import { ActiveVolunteerTeam, VolunteerTeamState } from './volunteer.state';

export const volunteerTeamStreamName = (teamId: string): string => `volunteer-team-${teamId}`;

/**
 * 支部引领型老干部志愿服务队 (docs/rules.md §14): one stream per team, with its members and the
 * activities it held. Each participant of an activity is one person-time (人次); a member who has
 * left the Party organisation (died, moved out, expelled) by the day of an activity cannot take part.
 */
export const volunteerTeamDecider: Decider<VolunteerCommand, VolunteerEvent, VolunteerTeamState> = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    switch (command.type) {
      case 'FormVolunteerTeam':
        return formTeam(command, state);
      case 'JoinVolunteerTeam':
        return join(command, requireTeam(state, command.data.teamId));
      case 'RecordVolunteerActivity':
        return recordActivity(command, requireTeam(state, command.data.teamId));
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'VolunteerTeamFormed': {
        const { teamId, name, leadBranchId, leader, kindsVersion, at } = event.data;
        return {
          status: 'active',
          teamId,
          name,
          leadBranchId,
          leader,
          kindsVersion,
          formedAt: at,
          members: [{ memberId: leader.memberId, name: leader.name, branchId: leader.branchId, joinedAt: at }],
          activities: [],
        };
      }
      case 'VolunteerJoinedTeam':
        return state.status === 'active'
          ? {
              ...state,
              members: [
                ...state.members,
                {
                  memberId: event.data.memberId,
                  name: event.data.name,
                  branchId: event.data.branchId,
                  joinedAt: event.data.at,
                },
              ],
            }
          : state;
      case 'VolunteerActivityRecorded': {
        if (state.status !== 'active') return state;
        const { teamId: _teamId, ...activity } = event.data;
        return { ...state, activities: [...state.activities, activity] };
      }
      default:
        return assertNever(event);
    }
  },
};

function requireTeam(state: VolunteerTeamState, teamId: string): ActiveVolunteerTeam {
  if (state.status === 'none') throw refuse('VOLUNTEER_TEAM_NOT_FOUND', { teamId });
  return state;
}

/** The member on the roll, or the refusal: unknown (404), or left the Party by `on` (422). */
function onRoll(
  memberId: string,
  fact: VolunteerMemberFact | undefined,
  on: string,
): { readonly name: string; readonly branchId: string } {
  if (fact === undefined || fact.status === 'notFound') throw refuse('MEMBER_NOT_FOUND', { memberId });
  if (fact.status === 'left' && fact.leftOn <= on) {
    throw refuse('VOLUNTEER_MEMBER_LEFT', { memberId, name: fact.name, leftOn: fact.leftOn, reason: fact.reason, on });
  }
  return { name: fact.name, branchId: fact.branchId };
}

function formTeam(command: FormVolunteerTeam, state: VolunteerTeamState): readonly VolunteerEvent[] {
  const { teamId, leadBranchId, leaderMemberId, context } = command.data;
  const name = requireText(command.data.name, 'volunteer team name', 'INVALID_NAME');
  if (state.status === 'active') {
    const same = state.name === name && state.leadBranchId === leadBranchId && state.leader.memberId === leaderMemberId;
    if (same) return [];
    throw refuse('VOLUNTEER_TEAM_ALREADY_EXISTS', { teamId, name: state.name });
  }
  if (context.branchStatus !== 'open') {
    throw refuse('DEMONSTRATION_BRANCH_NOT_OPEN', {
      branchId: leadBranchId,
      branchStatus: context.branchStatus,
      purpose: 'volunteerTeam',
    });
  }
  requireEstablishedBy(
    { kind: 'volunteerTeam', branchId: leadBranchId },
    command.metadata.at,
    context.established[leadBranchId],
  );
  const on = requireCalendarDate(command.metadata.at, 'date of the act');
  const leader = onRoll(leaderMemberId, context.members[leaderMemberId], on);
  return [
    {
      type: 'VolunteerTeamFormed',
      data: {
        teamId,
        name,
        leadBranchId,
        leader: { memberId: leaderMemberId, ...leader },
        kindsVersion: CURRENT_VOLUNTEER_KINDS,
        at: command.metadata.at,
      },
    },
  ];
}

function join(command: JoinVolunteerTeam, state: ActiveVolunteerTeam): readonly VolunteerEvent[] {
  const { memberId, context } = command.data;
  if (state.members.some((member) => member.memberId === memberId)) return [];
  const on = requireCalendarDate(command.metadata.at, 'date of the act');
  const member = onRoll(memberId, context.members[memberId], on);
  return [
    {
      type: 'VolunteerJoinedTeam',
      data: { teamId: state.teamId, memberId, ...member, at: command.metadata.at },
    },
  ];
}

function recordActivity(command: RecordVolunteerActivity, state: ActiveVolunteerTeam): readonly VolunteerEvent[] {
  const { activityId, context } = command.data;
  const list = volunteerKindList(state.kindsVersion);
  if (list === undefined) throw new Error(`Unknown volunteer kind list ${state.kindsVersion}`);
  const kind = list.kinds.find((candidate) => candidate.id === command.data.kind);
  if (kind === undefined) {
    throw refuse('VOLUNTEER_KIND_UNKNOWN', {
      kind: command.data.kind,
      version: list.version,
      kinds: list.kinds.map((candidate) => `${candidate.id}（${candidate.zh}）`),
    });
  }
  const on = requireCalendarDate(command.data.on, 'activity date');
  const recordedOn = requireCalendarDate(command.metadata.at, 'date of the act');
  if (on > recordedOn) throw refuse('VOLUNTEER_ACTIVITY_LATER', { on, recordedOn });
  const title = requireText(command.data.title, 'activity title', 'INVALID_NAME');
  const place = requireText(command.data.place, 'activity place');
  const organiser = requireText(command.data.organiser, 'activity organiser', 'INVALID_NAME');
  if (command.data.participantIds.length === 0) {
    throw refuse('VOLUNTEER_ACTIVITY_INVALID', { problem: 'noParticipants', memberId: null });
  }
  const seen = new Set<string>();
  const participants: VolunteerParticipant[] = command.data.participantIds.map((memberId) => {
    if (seen.has(memberId)) throw refuse('VOLUNTEER_ACTIVITY_INVALID', { problem: 'duplicateParticipant', memberId });
    seen.add(memberId);
    return { memberId, ...onRoll(memberId, context.members[memberId], on) };
  });
  if (command.data.proposals.length > 0 && kind.id !== list.adviceKind) {
    throw refuse('VOLUNTEER_PROPOSALS_OUTSIDE_ADVICE', { kind: kind.zh });
  }
  const proposals = command.data.proposals.map((proposal) => ({
    memberId: proposal.memberId,
    text: requireText(proposal.text, 'proposal'),
  }));
  const data = {
    teamId: state.teamId,
    activityId,
    on,
    kind: kind.id,
    kindsVersion: list.version,
    title,
    place,
    organiser,
    participants,
    proposals,
    at: command.metadata.at,
  };
  const existing = state.activities.find((activity) => activity.activityId === activityId);
  if (existing !== undefined) {
    // A repeat of the same record changes nothing; anything else under the same id is a collision.
    const { at: _a, ...was } = existing;
    const { at: _b, teamId: _t, ...now } = data;
    if (JSON.stringify(was) === JSON.stringify(now)) return [];
    throw refuse('VOLUNTEER_ACTIVITY_ALREADY_RECORDED', { activityId });
  }
  return [{ type: 'VolunteerActivityRecorded', data }];
}
