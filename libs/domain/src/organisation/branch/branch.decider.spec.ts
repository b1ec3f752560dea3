import { DEFAULT_RULE_POLICIES } from '../../policy/default-rule-policies';
import { CommandMetadata } from '../../shared/decider';
import { deciderSpecification } from '../../shared/decider-specification';
import { Establishment } from '../establishment';
import { AssignPost, BranchCommand, DissolveBranch, EstablishBranch } from './branch.commands';
import { branchDecider, createBranchDecider } from './branch.decider';
import {
  BranchDissolved,
  BranchEstablished,
  PostAssigned,
  PostVacated,
  ViceSecretaryCrossAppointed,
} from './branch.events';

const spec = deciderSpecification(branchDecider);
const at = '2023-03-01T09:00:00+08:00';
const metadata: CommandMetadata = { at, actor: { id: 'u-1', name: '管理员', role: 'admin' } };
const NAME = '三皇社区离退休干部党支部';
const community = { linkId: 'comm-sanhuang', kind: 'community', name: '三皇社区党委' } as const;

const establish = (overrides: Partial<EstablishBranch['data']> = {}): EstablishBranch => ({
  type: 'EstablishBranch',
  data: {
    branchId: 'b-sh',
    name: NAME,
    parentCommitteeId: 'c-lt',
    managementLinks: [community],
    joint: false,
    context: { parentCommitteeStatus: 'active', established: {} },
    ...overrides,
  },
  metadata,
});
const established: BranchEstablished = {
  type: 'BranchEstablished',
  data: {
    branchId: 'b-sh',
    name: NAME,
    parentCommitteeId: 'c-lt',
    managementLinks: [community],
    joint: false,
    jointUnits: [],
    decisionReference: null,
    restructuringId: null,
    policyVersion: '2022-10-22',
    at,
  },
};
const eligible = { isMemberOfBranch: true, isFullMember: true, votingRightsSuspended: false };
const nonMember = { isMemberOfBranch: false, isFullMember: false, votingRightsSuspended: false };
const assign = (overrides: Partial<AssignPost['data']> = {}): AssignPost => ({
  type: 'AssignPost',
  data: {
    branchId: 'b-sh',
    postId: 'p-1',
    kind: 'secretary',
    source: 'elected',
    holder: { personId: 'm-1', name: '李全爱' },
    startDate: '2023-03-01',
    context: { holder: eligible },
    ...overrides,
  },
  metadata,
});
const secretary = {
  postId: 'p-1',
  kind: 'secretary',
  duty: null,
  source: 'elected',
  documentReference: null,
  holder: { personId: 'm-1', name: '李全爱' },
  startDate: '2023-03-01',
} as const;
const secretaryAssigned: PostAssigned = { type: 'PostAssigned', data: { branchId: 'b-sh', post: secretary, at } };
const deputy = {
  postId: 'p-2',
  kind: 'deputySecretary',
  duty: null,
  source: 'concurrent',
  documentReference: null,
  holder: { personId: 'x-9', name: '王社区' },
  startDate: '2023-03-01',
} as const;
const deputyAppointed: ViceSecretaryCrossAppointed = {
  type: 'ViceSecretaryCrossAppointed',
  data: { branchId: 'b-sh', post: deputy, at },
};
const dissolve = (memberCount: number): DissolveBranch => ({
  type: 'DissolveBranch',
  data: {
    branchId: 'b-sh',
    reason: '社区调整，撤并',
    decisionReference: '孝离党字〔2023〕3号',
    context: { memberCount },
  },
  metadata,
});
const dissolved: BranchDissolved = {
  type: 'BranchDissolved',
  data: {
    branchId: 'b-sh',
    reason: '社区调整，撤并',
    decisionReference: '孝离党字〔2023〕3号',
    restructuringId: null,
    at,
  },
};

describe('Branch decider', () => {
  describe('EstablishBranch', () => {
    it('establishes a branch with one affiliation and its management links, recording the policy version', () => {
      spec.given([]).when(establish()).then([established]);
    });

    it('judges by the policy in force on the date of the act', () => {
      spec
        .given([])
        .when({ ...establish(), metadata: { ...metadata, at: '2021-05-01' } })
        .then([{ ...established, data: { ...established.data, policyVersion: '2018-10-28', at: '2021-05-01' } }]);
    });

    it('establishes a joint branch covering several units', () => {
      spec
        .given([])
        .when(establish({ joint: true, jointUnits: ['老体协', '扶贫基金会'], managementLinks: [] }))
        .then([
          {
            ...established,
            data: { ...established.data, joint: true, jointUnits: ['老体协', '扶贫基金会'], managementLinks: [] },
          },
        ]);
    });

    it('refuses a joint branch over the policy maximum with JOINT_BRANCH_TOO_MANY_UNITS', () => {
      const error = spec
        .given([])
        .when(establish({ joint: true, jointUnits: ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'] }))
        .thenThrows('JOINT_BRANCH_TOO_MANY_UNITS');
      expect(error.message).toContain('at most 5 units');
    });

    it('uses the limit of a configured policy', () => {
      const strict = createBranchDecider(
        DEFAULT_RULE_POLICIES.map((policy) => ({ ...policy, jointBranchMaxUnits: 2 })),
      );
      deciderSpecification(strict)
        .given([])
        .when(establish({ joint: true, jointUnits: ['u1', 'u2', 'u3'] }))
        .thenThrows('JOINT_BRANCH_TOO_MANY_UNITS');
    });

    it('refuses a joint branch naming fewer than two units with JOINT_BRANCH_NEEDS_UNITS', () => {
      spec
        .given([])
        .when(establish({ joint: true, jointUnits: ['u1'] }))
        .thenThrows('JOINT_BRANCH_NEEDS_UNITS');
    });

    it('refuses covered units on a branch that is not joint with JOINT_UNITS_WITHOUT_JOINT_FLAG', () => {
      spec
        .given([])
        .when(establish({ jointUnits: ['u1', 'u2'] }))
        .thenThrows('JOINT_UNITS_WITHOUT_JOINT_FLAG');
    });

    it('refuses duplicate management links with MANAGEMENT_LINK_ALREADY_EXISTS', () => {
      spec
        .given([])
        .when(establish({ managementLinks: [community, community] }))
        .thenThrows('MANAGEMENT_LINK_ALREADY_EXISTS');
    });

    it('refuses a blank name with INVALID_NAME', () => {
      spec
        .given([])
        .when(establish({ name: '' }))
        .thenThrows('INVALID_NAME');
    });

    it('refuses an unknown parent committee with PARENT_COMMITTEE_NOT_FOUND', () => {
      spec
        .given([])
        .when(establish({ context: { parentCommitteeStatus: 'notFound', established: {} } }))
        .thenThrows('PARENT_COMMITTEE_NOT_FOUND');
    });

    it('refuses a dissolved parent committee with COMMITTEE_DISSOLVED', () => {
      spec
        .given([])
        .when(establish({ context: { parentCommitteeStatus: 'dissolved', established: {} } }))
        .thenThrows('COMMITTEE_DISSOLVED');
    });

    it('refuses a date before every policy with POLICY_NOT_IN_FORCE', () => {
      spec
        .given([])
        .when({ ...establish(), metadata: { ...metadata, at: '2015-01-01' } })
        .thenThrows('POLICY_NOT_IN_FORCE');
    });

    it('refuses an id already in use with BRANCH_ALREADY_EXISTS', () => {
      spec.given([established]).when(establish()).thenThrows('BRANCH_ALREADY_EXISTS');
    });
  });

  describe('RenameBranch', () => {
    it('renames', () => {
      spec
        .given([established])
        .when({ type: 'RenameBranch', data: { branchId: 'b-sh', name: '三皇社区老干部党支部' }, metadata })
        .then([
          { type: 'BranchRenamed', data: { branchId: 'b-sh', previousName: NAME, name: '三皇社区老干部党支部', at } },
        ]);
    });

    it('changes nothing when the name is unchanged', () => {
      spec
        .given([established])
        .when({ type: 'RenameBranch', data: { branchId: 'b-sh', name: NAME }, metadata })
        .thenNothingHappened();
    });

    it('refuses a blank name with INVALID_NAME', () => {
      spec
        .given([established])
        .when({ type: 'RenameBranch', data: { branchId: 'b-sh', name: ' ' }, metadata })
        .thenThrows('INVALID_NAME');
    });

    it('refuses a branch never established with BRANCH_NOT_FOUND', () => {
      spec
        .given([])
        .when({ type: 'RenameBranch', data: { branchId: 'b-sh', name: 'x' }, metadata })
        .thenThrows('BRANCH_NOT_FOUND');
    });
  });

  describe('ReaffiliateBranch', () => {
    const reaffiliate = (
      parentCommitteeId: string,
      status: 'active' | 'dissolved' | 'notFound' = 'active',
    ): BranchCommand => ({
      type: 'ReaffiliateBranch',
      data: {
        branchId: 'b-sh',
        parentCommitteeId,
        decisionReference: '孝组字〔2023〕9号',
        context: { parentCommitteeStatus: status, established: {} },
      },
      metadata,
    });

    it('moves the one affiliation to another committee', () => {
      spec
        .given([established])
        .when(reaffiliate('g-fudong'))
        .then([
          {
            type: 'BranchReaffiliated',
            data: {
              branchId: 'b-sh',
              fromCommitteeId: 'c-lt',
              toCommitteeId: 'g-fudong',
              decisionReference: '孝组字〔2023〕9号',
              at,
            },
          },
        ]);
    });

    it('changes nothing when the committee is unchanged', () => {
      spec.given([established]).when(reaffiliate('c-lt')).thenNothingHappened();
    });

    it('refuses an unknown committee with PARENT_COMMITTEE_NOT_FOUND', () => {
      spec.given([established]).when(reaffiliate('g-x', 'notFound')).thenThrows('PARENT_COMMITTEE_NOT_FOUND');
    });

    it('refuses a dissolved committee with COMMITTEE_DISSOLVED', () => {
      spec.given([established]).when(reaffiliate('g-x', 'dissolved')).thenThrows('COMMITTEE_DISSOLVED');
    });
  });

  describe('management links (一方隶属、多方管理)', () => {
    const unit = { linkId: 'unit-gongshang', kind: 'formerUnit', name: '原工商局' } as const;

    it('adds a link', () => {
      spec
        .given([established])
        .when({ type: 'AddManagementLink', data: { branchId: 'b-sh', link: unit }, metadata })
        .then([{ type: 'ManagementLinkAdded', data: { branchId: 'b-sh', link: unit, at } }]);
    });

    it('refuses a link that exists with MANAGEMENT_LINK_ALREADY_EXISTS', () => {
      spec
        .given([established])
        .when({ type: 'AddManagementLink', data: { branchId: 'b-sh', link: community }, metadata })
        .thenThrows('MANAGEMENT_LINK_ALREADY_EXISTS');
    });

    it('refuses a link without a name with INVALID_NAME', () => {
      spec
        .given([established])
        .when({ type: 'AddManagementLink', data: { branchId: 'b-sh', link: { ...unit, name: '' } }, metadata })
        .thenThrows('INVALID_NAME');
    });

    it('removes a link', () => {
      spec
        .given([established])
        .when({ type: 'RemoveManagementLink', data: { branchId: 'b-sh', linkId: community.linkId }, metadata })
        .then([{ type: 'ManagementLinkRemoved', data: { branchId: 'b-sh', link: community, at } }]);
    });

    it('refuses to remove an unknown link with MANAGEMENT_LINK_NOT_FOUND', () => {
      spec
        .given([established])
        .when({ type: 'RemoveManagementLink', data: { branchId: 'b-sh', linkId: 'nope' }, metadata })
        .thenThrows('MANAGEMENT_LINK_NOT_FOUND');
    });
  });

  describe('AssignPost', () => {
    it('records an elected secretary as PostAssigned', () => {
      spec.given([established]).when(assign()).then([secretaryAssigned]);
    });

    it('records a community secretary serving concurrently as deputy as ViceSecretaryCrossAppointed, even as a non-member', () => {
      spec
        .given([established])
        .when(
          assign({
            postId: 'p-2',
            kind: 'deputySecretary',
            source: 'concurrent',
            holder: deputy.holder,
            context: { holder: nonMember },
          }),
        )
        .then([deputyAppointed]);
    });

    it('records an appointment (指派) with its document as OfficerAppointed', () => {
      spec
        .given([established])
        .when(
          assign({ source: 'appointed', documentReference: ' 孝老干字〔2023〕5号 ', context: { holder: nonMember } }),
        )
        .then([
          {
            type: 'OfficerAppointed',
            data: {
              branchId: 'b-sh',
              post: { ...secretary, source: 'appointed', documentReference: '孝老干字〔2023〕5号' },
              at,
            },
          },
        ]);
    });

    it('records a party-affairs officer as PartyAffairsOfficerAssigned', () => {
      spec
        .given([established])
        .when(
          assign({
            postId: 'p-3',
            kind: 'partyAffairsOfficer',
            source: 'concurrent',
            holder: { personId: 'x-3', name: '赵青年' },
            context: { holder: nonMember },
          }),
        )
        .then([
          {
            type: 'PartyAffairsOfficerAssigned',
            data: {
              branchId: 'b-sh',
              post: {
                ...secretary,
                postId: 'p-3',
                kind: 'partyAffairsOfficer',
                source: 'concurrent',
                holder: { personId: 'x-3', name: '赵青年' },
              },
              at,
            },
          },
        ]);
    });

    it('records an elected committee member with a duty', () => {
      spec
        .given([established])
        .when(
          assign({
            postId: 'p-4',
            kind: 'committeeMember',
            duty: '组织委员',
            holder: { personId: 'm-4', name: '武雅君' },
          }),
        )
        .then([
          {
            type: 'PostAssigned',
            data: {
              branchId: 'b-sh',
              post: {
                ...secretary,
                postId: 'p-4',
                kind: 'committeeMember',
                duty: '组织委员',
                holder: { personId: 'm-4', name: '武雅君' },
              },
              at,
            },
          },
        ]);
    });

    it('refuses a committee member without a duty with DUTY_REQUIRED', () => {
      spec
        .given([established])
        .when(assign({ kind: 'committeeMember' }))
        .thenThrows('DUTY_REQUIRED');
    });

    it('refuses to appoint anything but a secretary or deputy with APPOINTMENT_NOT_ALLOWED_FOR_POST', () => {
      spec
        .given([established])
        .when(assign({ kind: 'committeeMember', duty: '宣传委员', source: 'appointed', documentReference: 'doc' }))
        .thenThrows('APPOINTMENT_NOT_ALLOWED_FOR_POST');
    });

    it('refuses an appointment without its document with DOCUMENT_REFERENCE_REQUIRED', () => {
      spec
        .given([established])
        .when(assign({ source: 'appointed', documentReference: ' ' }))
        .thenThrows('DOCUMENT_REFERENCE_REQUIRED');
    });

    it('refuses to elect a party-affairs officer with POST_NOT_ELECTIVE', () => {
      spec
        .given([established])
        .when(assign({ kind: 'partyAffairsOfficer' }))
        .thenThrows('POST_NOT_ELECTIVE');
    });

    it.each([
      ['a non-member', nonMember],
      ['a probationary member', { isMemberOfBranch: true, isFullMember: false, votingRightsSuspended: false }],
      ['a suspended member', { isMemberOfBranch: true, isFullMember: true, votingRightsSuspended: true }],
    ])('refuses to elect %s with POST_HOLDER_NOT_ELIGIBLE', (_label, holder) => {
      spec
        .given([established])
        .when(assign({ context: { holder } }))
        .thenThrows('POST_HOLDER_NOT_ELIGIBLE');
    });

    it('refuses a concurrent secretary with CONCURRENT_NOT_ALLOWED_FOR_POST', () => {
      spec
        .given([established])
        .when(assign({ source: 'concurrent', context: { holder: nonMember } }))
        .thenThrows('CONCURRENT_NOT_ALLOWED_FOR_POST');
    });

    it('refuses a second secretary with POST_OCCUPIED', () => {
      spec
        .given([established, secretaryAssigned])
        .when(assign({ postId: 'p-9', holder: { personId: 'm-9', name: '张三' } }))
        .thenThrows('POST_OCCUPIED');
    });

    it('refuses a second post for the same person with PERSON_ALREADY_HOLDS_POST', () => {
      spec
        .given([established, secretaryAssigned])
        .when(assign({ postId: 'p-9', kind: 'committeeMember', duty: '纪检委员' }))
        .thenThrows('PERSON_ALREADY_HOLDS_POST');
    });

    it('refuses a post id already used, even after it ended, with POST_ALREADY_EXISTS', () => {
      const vacated: PostVacated = {
        type: 'PostVacated',
        data: {
          branchId: 'b-sh',
          postId: 'p-1',
          kind: 'secretary',
          holder: secretary.holder,
          reason: 'resigned',
          note: null,
          endDate: '2023-06-01',
          at,
        },
      };
      spec.given([established, secretaryAssigned]).when(assign()).thenThrows('POST_ALREADY_EXISTS');
      spec.given([established, secretaryAssigned, vacated]).when(assign()).thenThrows('POST_ALREADY_EXISTS');
    });

    it('refuses a malformed start date with INVALID_DATE', () => {
      spec
        .given([established])
        .when(assign({ startDate: '2023-13-01' }))
        .thenThrows('INVALID_DATE');
    });
  });

  describe('VacatePost', () => {
    const vacate = (postId: string, endDate = '2023-09-30'): BranchCommand => ({
      type: 'VacatePost',
      data: { branchId: 'b-sh', postId, reason: 'resigned', note: '身体原因', endDate },
      metadata,
    });
    const vacated: PostVacated = {
      type: 'PostVacated',
      data: {
        branchId: 'b-sh',
        postId: 'p-1',
        kind: 'secretary',
        holder: secretary.holder,
        reason: 'resigned',
        note: '身体原因',
        endDate: '2023-09-30',
        at,
      },
    };

    it('vacates a held post with its reason and end date', () => {
      spec.given([established, secretaryAssigned]).when(vacate('p-1')).then([vacated]);
    });

    it('frees the post for a new holder', () => {
      spec
        .given([established, secretaryAssigned, vacated])
        .when(assign({ postId: 'p-5', holder: { personId: 'm-5', name: '新书记' } }))
        .then([
          {
            type: 'PostAssigned',
            data: {
              branchId: 'b-sh',
              post: { ...secretary, postId: 'p-5', holder: { personId: 'm-5', name: '新书记' } },
              at,
            },
          },
        ]);
    });

    it('refuses an unknown post with POST_NOT_FOUND', () => {
      spec.given([established]).when(vacate('p-1')).thenThrows('POST_NOT_FOUND');
    });

    it('refuses a post vacated before with POST_ALREADY_VACATED', () => {
      spec.given([established, secretaryAssigned, vacated]).when(vacate('p-1')).thenThrows('POST_ALREADY_VACATED');
    });

    it('refuses an end date before the start with INVALID_DATE_RANGE', () => {
      spec.given([established, secretaryAssigned]).when(vacate('p-1', '2022-12-31')).thenThrows('INVALID_DATE_RANGE');
    });
  });

  describe('AssessBranchShape', () => {
    const assess = (full: number, probationary = 0): BranchCommand => ({
      type: 'AssessBranchShape',
      data: { branchId: 'b-sh', context: { counts: { full, probationary } } },
      metadata,
    });

    it('flags a merged target with 7 or more full members and no committee as election required', () => {
      spec
        .given([established, secretaryAssigned])
        .when(assess(48, 5))
        .then([
          {
            type: 'BranchShapeAssessed',
            data: {
              branchId: 'b-sh',
              counts: { full: 48, probationary: 5 },
              hasCommittee: false,
              shape: {
                belowMinimum: false,
                committeeRequired: true,
                electionRequired: true,
                overSize: true,
                policyVersion: '2022-10-22',
              },
              at,
            },
          },
        ]);
    });

    it('appends nothing when the flags have not changed', () => {
      const first = branchDecider.decide(assess(2), branchDecider.evolve(branchDecider.initialState(), established));
      spec
        .given([established, ...first])
        .when(assess(1, 1))
        .thenNothingHappened();
    });

    it('refuses a negative count with INVALID_COUNT', () => {
      spec.given([established]).when(assess(-1)).thenThrows('INVALID_COUNT');
    });
  });

  describe('DissolveBranch', () => {
    it('dissolves a branch with no members', () => {
      spec.given([established]).when(dissolve(0)).then([dissolved]);
    });

    it('ends every post of the branch first', () => {
      const endedBy = (post: typeof secretary | typeof deputy): PostVacated => ({
        type: 'PostVacated',
        data: {
          branchId: 'b-sh',
          postId: post.postId,
          kind: post.kind,
          holder: post.holder,
          reason: 'branchDissolved',
          note: null,
          endDate: '2023-03-01',
          at,
        },
      });
      spec
        .given([established, secretaryAssigned, deputyAppointed])
        .when(dissolve(0))
        .then([endedBy(secretary), endedBy(deputy), dissolved]);
    });

    it('refuses while members remain with BRANCH_HAS_MEMBERS, naming the count', () => {
      const error = spec.given([established]).when(dissolve(37)).thenThrows('BRANCH_HAS_MEMBERS');
      expect(error.message).toBe(
        'Branch 三皇社区离退休干部党支部 still has 37 members; a branch can be dissolved only after every member has been transferred (docs/rules.md §2.5).',
      );
      expect(error.messageIn('zh-CN')).toBe(
        '三皇社区离退休干部党支部仍有党员 37 名：须将全部党员的组织关系转出后，方可撤销支部（见 docs/rules.md 第 2.5 节）。',
      );
      expect(error.details).toMatchObject({ memberCount: 37 });
    });

    it('refuses a blank reason with REASON_REQUIRED', () => {
      spec
        .given([established])
        .when({ ...dissolve(0), data: { ...dissolve(0).data, reason: '' } })
        .thenThrows('REASON_REQUIRED');
    });
  });

  describe('acts dated before the branch or its committee existed', () => {
    const early: CommandMetadata = { ...metadata, at: '2023-02-28T10:00:00+08:00' };
    const committee: Establishment = { kind: 'committee', id: 'c-lt', name: '孝义市离退休干部党委', on: '2023-03-02' };
    const ownStream: readonly BranchCommand[] = [
      { type: 'RenameBranch', data: { branchId: 'b-sh', name: '新名' }, metadata: early },
      {
        type: 'ReaffiliateBranch',
        data: {
          branchId: 'b-sh',
          parentCommitteeId: 'g-1',
          context: { parentCommitteeStatus: 'active', established: {} },
        },
        metadata: early,
      },
      {
        type: 'AddManagementLink',
        data: { branchId: 'b-sh', link: { linkId: 'l', kind: 'community', name: 'n' } },
        metadata: early,
      },
      { type: 'RemoveManagementLink', data: { branchId: 'b-sh', linkId: community.linkId }, metadata: early },
      { ...assign(), metadata: early },
      {
        type: 'VacatePost',
        data: { branchId: 'b-sh', postId: 'p-1', reason: 'other', endDate: '2023-04-01' },
        metadata: early,
      },
      {
        type: 'AssessBranchShape',
        data: { branchId: 'b-sh', context: { counts: { full: 3, probationary: 0 } } },
        metadata: early,
      },
      { ...dissolve(0), metadata: early },
    ];

    it.each(ownStream.map((command) => [command.type, command] as const))(
      'refuses %s dated the day before the establishment with DATED_BEFORE_ESTABLISHMENT',
      (_type, command) => {
        const error = spec
          .given([established, secretaryAssigned])
          .when(command)
          .thenThrows('DATED_BEFORE_ESTABLISHMENT');
        expect(error.category).toBe('rule');
        expect(error.message).toContain(`dated 2023-02-28, before branch ${NAME} was established on 2023-03-01`);
      },
    );

    it('refuses a branch established before its committee, or re-affiliated to a committee not yet established', () => {
      const error = spec
        .given([])
        .when(establish({ context: { parentCommitteeStatus: 'active', established: { 'c-lt': committee } } }))
        .thenThrows('DATED_BEFORE_ESTABLISHMENT');
      expect(error.message).toContain('before party committee 孝义市离退休干部党委 was established on 2023-03-02');
      spec
        .given([established])
        .when({
          type: 'ReaffiliateBranch',
          data: {
            branchId: 'b-sh',
            parentCommitteeId: 'g-1',
            context: { parentCommitteeStatus: 'active', established: { 'g-1': { ...committee, id: 'g-1' } } },
          },
          metadata,
        })
        .thenThrows('DATED_BEFORE_ESTABLISHMENT');
      spec
        .given([])
        .when(
          establish({
            context: { parentCommitteeStatus: 'active', established: { 'c-lt': { ...committee, on: '2023-03-01' } } },
          }),
        )
        .then([established]);
    });

    it('refuses a post that started before a branch the record founds (a decision or a restructuring set it up)', () => {
      for (const founding of [{ decisionReference: '孝离党字〔2023〕9号' }, { restructuringId: 'r-1' }]) {
        const founded: BranchEstablished = { ...established, data: { ...established.data, ...founding } };
        spec
          .given([founded])
          .when(assign({ startDate: '2019-06-28' }))
          .thenThrows('DATED_BEFORE_ESTABLISHMENT');
        expect(
          branchDecider.decide(
            assign({ startDate: at.slice(0, 10) }),
            branchDecider.evolve(branchDecider.initialState(), founded),
          ),
        ).toHaveLength(1);
      }
    });

    it('accepts a post that started before the branch was recorded: a branch taken over keeps its officers', () => {
      // The branch's record may begin when the bureau takes it over (no rule version predates
      // 2018-10-28), while its secretary has served since their election; the act itself is today.
      spec
        .given([established])
        .when(assign({ startDate: '2019-06-28' }))
        .then([
          {
            ...secretaryAssigned,
            data: { ...secretaryAssigned.data, post: { ...secretary, startDate: '2019-06-28' } },
          },
        ]);
    });
  });

  describe('a dissolved branch', () => {
    const commands: readonly BranchCommand[] = [
      establish(),
      { type: 'RenameBranch', data: { branchId: 'b-sh', name: 'x' }, metadata },
      {
        type: 'ReaffiliateBranch',
        data: {
          branchId: 'b-sh',
          parentCommitteeId: 'g-1',
          context: { parentCommitteeStatus: 'active', established: {} },
        },
        metadata,
      },
      {
        type: 'AddManagementLink',
        data: { branchId: 'b-sh', link: { linkId: 'l', kind: 'community', name: 'n' } },
        metadata,
      },
      { type: 'RemoveManagementLink', data: { branchId: 'b-sh', linkId: community.linkId }, metadata },
      assign(),
      {
        type: 'VacatePost',
        data: { branchId: 'b-sh', postId: 'p-1', reason: 'other', endDate: '2023-04-01' },
        metadata,
      },
      {
        type: 'AssessBranchShape',
        data: { branchId: 'b-sh', context: { counts: { full: 0, probationary: 0 } } },
        metadata,
      },
      dissolve(0),
    ];

    it.each(commands.map((command) => [command.type, command] as const))(
      'refuses %s with BRANCH_DISSOLVED',
      (_type, command) => {
        spec.given([established, dissolved]).when(command).thenThrows('BRANCH_DISSOLVED');
      },
    );
  });
});
