import { CommandMetadata, fold } from '../../shared/decider';
import { isDomainError } from '../../shared/domain-error';
import { AssignPost } from './branch.commands';
import { branchDecider } from './branch.decider';
import { BranchEvent } from './branch.events';
import { Post } from './post';

const metadata: CommandMetadata = { at: '2024-04-25', actor: { id: 'u-1', name: '管理员', role: 'admin' } };
const established: BranchEvent = {
  type: 'BranchEstablished',
  data: {
    branchId: 'b1',
    name: '府前支部',
    parentCommitteeId: 'c1',
    managementLinks: [],
    joint: false,
    jointUnits: [],
    decisionReference: null,
    restructuringId: null,
    policyVersion: '2022-10-22',
    at: '2020-01-01',
  },
};
const post = (postId: string, kind: Post['kind'], personId: string, source: Post['source'] = 'elected'): Post => ({
  postId,
  kind,
  duty: kind === 'committeeMember' ? '组织委员' : null,
  source,
  documentReference: null,
  holder: { personId, name: `人${personId}` },
  startDate: '2023-06-30',
});
const assigned = (held: Post): BranchEvent => ({
  type: 'PostAssigned',
  data: { branchId: 'b1', post: held, at: '2023-06-30' },
});
const vacated = (held: Post, reason: 'transferred' | 'termEnded' | 'deceased'): BranchEvent => ({
  type: 'PostVacated',
  data: {
    branchId: 'b1',
    postId: held.postId,
    kind: held.kind,
    holder: held.holder,
    reason,
    note: null,
    endDate: '2024-03-01',
    at: '2024-03-01',
  },
});
const fill = (vacancyPostId: string, kind: Post['kind'] = 'committeeMember'): AssignPost => ({
  type: 'AssignPost',
  data: {
    branchId: 'b1',
    postId: 'y1-post',
    kind,
    duty: '组织委员',
    source: 'elected',
    holder: { personId: 'm9', name: '王秀英' },
    startDate: '2024-04-25',
    vacancyPostId,
    context: { holder: { isMemberOfBranch: true, isFullMember: true, votingRightsSuspended: false } },
  },
  metadata,
});

describe('branch vacancies (出缺) for by-elections', () => {
  const member = post('p-org', 'committeeMember', 'x1');
  const secretary = post('p-sec', 'secretary', 'x2');

  it('a post ended by transfer or death is a vacancy; one ended with the term is not', () => {
    const state = fold(branchDecider, [
      established,
      assigned(member),
      assigned(secretary),
      vacated(member, 'transferred'),
      vacated(secretary, 'termEnded'),
    ]);
    expect(state.status === 'open' && state.vacancies).toEqual([
      {
        postId: 'p-org',
        kind: 'committeeMember',
        duty: '组织委员',
        holder: member.holder,
        reason: 'transferred',
        endDate: '2024-03-01',
      },
    ]);
  });

  it('filling the vacancy records it on the post and closes it; a second fill is refused', () => {
    const history = [established, assigned(member), vacated(member, 'deceased')];
    const events = branchDecider.decide(fill('p-org'), fold(branchDecider, history));
    expect(events[0]?.data).toMatchObject({ vacancyPostId: 'p-org', post: { startDate: '2024-04-25' } });
    const after = fold(branchDecider, [...history, ...events]);
    expect(after.status === 'open' && after.vacancies).toEqual([]);
    const again = {
      ...fill('p-org'),
      data: { ...fill('p-org').data, postId: 'y2-post', holder: { personId: 'm8', name: '李' } },
    };
    expect(() => branchDecider.decide(again, after)).toThrow(expect.objectContaining({ code: 'NO_VACANCY_FOR_POST' }));
  });

  it('a fill of another kind than the vacated post is refused', () => {
    const state = fold(branchDecider, [established, assigned(member), vacated(member, 'transferred')]);
    try {
      branchDecider.decide(fill('p-org', 'deputySecretary'), state);
      throw new Error('not refused');
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('NO_VACANCY_FOR_POST');
    }
  });
});
