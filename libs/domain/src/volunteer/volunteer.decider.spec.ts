import { CommandMetadata } from '../shared/decider';
import { deciderSpecification } from '../shared/decider-specification';
import { RecordVolunteerActivity, VolunteerCommand, VolunteerMemberFact } from './volunteer.commands';
import { volunteerTeamDecider, volunteerTeamStreamName } from './volunteer.decider';
import { VolunteerEvent } from './volunteer.events';

const spec = deciderSpecification(volunteerTeamDecider);
const at = '2022-10-20T09:00:00+08:00';
const metadata: CommandMetadata = { at, actor: { id: 'u-1', name: '管理员', role: 'admin' } };
const teamId = 't-fz';
const members: Record<string, VolunteerMemberFact> = {
  'm-1': { status: 'active', name: '王老', branchId: 'b-fz' },
  'm-2': { status: 'active', name: '李老', branchId: 'b-ly' },
  'm-dead': { status: 'left', name: '赵老', branchId: 'b-fz', leftOn: '2022-10-01', reason: 'death' },
};
const formed: VolunteerEvent = {
  type: 'VolunteerTeamFormed',
  data: {
    teamId,
    name: '府中老干部志愿服务队',
    leadBranchId: 'b-fz',
    leader: { memberId: 'm-1', name: '王老', branchId: 'b-fz' },
    kindsVersion: 'xiaoyi-2022',
    at,
  },
};
const form: VolunteerCommand = {
  type: 'FormVolunteerTeam',
  data: {
    teamId,
    name: '府中老干部志愿服务队',
    leadBranchId: 'b-fz',
    leaderMemberId: 'm-1',
    context: { branchStatus: 'open', established: {}, members },
  },
  metadata,
};
const record = (overrides: Partial<RecordVolunteerActivity['data']> = {}): VolunteerCommand => ({
  type: 'RecordVolunteerActivity',
  data: {
    teamId,
    activityId: 'a-1',
    on: '2022-10-15',
    kind: 'redLecture',
    title: '喜迎二十大 红色宣讲',
    place: '府中社区',
    organiser: '王老',
    participantIds: ['m-1', 'm-2'],
    proposals: [],
    context: { members },
    ...overrides,
  },
  metadata,
});
const recorded: VolunteerEvent = {
  type: 'VolunteerActivityRecorded',
  data: {
    teamId,
    activityId: 'a-1',
    on: '2022-10-15',
    kind: 'redLecture',
    kindsVersion: 'xiaoyi-2022',
    title: '喜迎二十大 红色宣讲',
    place: '府中社区',
    organiser: '王老',
    participants: [
      { memberId: 'm-1', name: '王老', branchId: 'b-fz' },
      { memberId: 'm-2', name: '李老', branchId: 'b-ly' },
    ],
    proposals: [],
    at,
  },
};

describe('Volunteer team decider', () => {
  it('forms a team led by an open branch, its leader a member on the roll, once', () => {
    expect(volunteerTeamStreamName(teamId)).toBe('volunteer-team-t-fz');
    spec.given([]).when(form).then([formed]);
    spec.given([formed]).when(form).thenNothingHappened();
    spec
      .given([formed])
      .when({ ...form, data: { ...form.data, name: '另一队' } })
      .thenThrows('VOLUNTEER_TEAM_ALREADY_EXISTS');
    spec
      .given([])
      .when({
        ...form,
        data: { ...form.data, context: { ...form.data.context, branchStatus: 'dissolved' } },
      })
      .thenThrows('DEMONSTRATION_BRANCH_NOT_OPEN');
    spec
      .given([])
      .when({ ...form, data: { ...form.data, leaderMemberId: 'm-dead' } })
      .thenThrows('VOLUNTEER_MEMBER_LEFT');
    spec
      .given([])
      .when({ type: 'JoinVolunteerTeam', data: { teamId, memberId: 'm-2', context: { members } }, metadata })
      .thenThrows('VOLUNTEER_TEAM_NOT_FOUND');
  });

  it('takes members of the leading branch or of others; not one who has left', () => {
    const joinCommand = (memberId: string): VolunteerCommand => ({
      type: 'JoinVolunteerTeam',
      data: { teamId, memberId, context: { members } },
      metadata,
    });
    const joined: VolunteerEvent = {
      type: 'VolunteerJoinedTeam',
      data: { teamId, memberId: 'm-2', name: '李老', branchId: 'b-ly', at },
    };
    spec.given([formed]).when(joinCommand('m-2')).then([joined]);
    spec.given([formed, joined]).when(joinCommand('m-2')).thenNothingHappened();
    spec.given([formed]).when(joinCommand('m-1')).thenNothingHappened();
    const left = spec.given([formed]).when(joinCommand('m-dead')).thenThrows('VOLUNTEER_MEMBER_LEFT');
    expect(left.messageIn('zh-CN')).toContain('赵老已于2022年10月1日离开党组织（去世）');
    spec.given([formed]).when(joinCommand('m-x')).thenThrows('MEMBER_NOT_FOUND');
  });

  it('records an activity with its participants, one person-time each', () => {
    spec.given([formed]).when(record()).then([recorded]);
    spec.given([formed, recorded]).when(record()).thenNothingHappened();
    spec
      .given([formed, recorded])
      .when(record({ place: '别处' }))
      .thenThrows('VOLUNTEER_ACTIVITY_ALREADY_RECORDED');
  });

  it('refuses a participant who left or died by the activity day, but not one who left after it', () => {
    spec
      .given([formed])
      .when(record({ participantIds: ['m-1', 'm-dead'] }))
      .thenThrows('VOLUNTEER_MEMBER_LEFT');
    const before = record({ on: '2022-09-20', participantIds: ['m-dead'] });
    spec
      .given([formed])
      .when(before)
      .then([
        {
          type: 'VolunteerActivityRecorded',
          data: {
            ...recorded.data,
            on: '2022-09-20',
            participants: [{ memberId: 'm-dead', name: '赵老', branchId: 'b-fz' }],
          },
        },
      ]);
  });

  it('takes kinds from the policy list, proposals only in 建言献策, and valid participants', () => {
    spec
      .given([formed])
      .when(record({ kind: 'dancing' }))
      .thenThrows('VOLUNTEER_KIND_UNKNOWN');
    const proposal = { memberId: 'm-2', text: '加强老年活动场所建设' };
    spec
      .given([formed])
      .when(record({ proposals: [proposal] }))
      .thenThrows('VOLUNTEER_PROPOSALS_OUTSIDE_ADVICE');
    spec
      .given([formed])
      .when(record({ kind: 'advice', proposals: [proposal] }))
      .then([
        {
          type: 'VolunteerActivityRecorded',
          data: { ...recorded.data, kind: 'advice', proposals: [proposal] },
        },
      ]);
    spec
      .given([formed])
      .when(record({ participantIds: [] }))
      .thenThrows('VOLUNTEER_ACTIVITY_INVALID');
    spec
      .given([formed])
      .when(record({ participantIds: ['m-1', 'm-1'] }))
      .thenThrows('VOLUNTEER_ACTIVITY_INVALID');
    spec
      .given([formed])
      .when(record({ participantIds: ['m-x'] }))
      .thenThrows('MEMBER_NOT_FOUND');
    spec
      .given([formed])
      .when(record({ on: '2022-11-01' }))
      .thenThrows('VOLUNTEER_ACTIVITY_LATER');
    spec
      .given([formed])
      .when(record({ on: '2022-13-01' }))
      .thenThrows('INVALID_DATE');
    spec.given([]).when(record()).thenThrows('VOLUNTEER_TEAM_NOT_FOUND');
  });
});
