import type { PostKind, PostSource } from '@app/domain';
import type { DescribedEvent } from './event-descriptions';
import { describeEvent, EVENT_DESCRIPTIONS, genericDescription, type NameLookup } from './event-descriptions';

const NAMES: Record<string, string> = {
  c1: '孝义市离退休干部党委',
  c2: '城区离退休干部党委',
  b1: '永盛社区离退休干部党支部',
  b2: '永安社区离退休干部党支部',
  m1: '李全爱',
};
const names: NameLookup = {
  committee: (id) => NAMES[id] ?? id,
  branch: (id) => NAMES[id] ?? id,
  member: (id) => NAMES[id] ?? id,
  restructuringKind: (id) => (id === 'r1' ? 'merge' : null),
};

const post = (kind: PostKind, source: PostSource = 'elected') =>
  ({
    postId: 'p1',
    kind,
    duty: kind === 'committeeMember' ? '组织委员' : null,
    source,
    documentReference: null,
    holder: { personId: 'm1', name: '李全爱' },
    startDate: '2023-03-01',
  }) as const;
const at = '2023-03-01T00:00:00.000Z';
const counts = { full: 5, probationary: 1 };
const shape = {
  belowMinimum: false,
  committeeRequired: false,
  electionRequired: false,
  overSize: false,
  policyVersion: 'p',
};

/**
 * One sample per event type of the organisation and restructuring contexts. The mapped type
 * makes this list exhaustive: a new event type in the domain's unions fails to compile here
 * until it has a sample, and then fails the test below until it has a description.
 */
const SAMPLES: { readonly [E in DescribedEvent as E['type']]: E['data'] } = {
  PartyCommitteeEstablished: {
    committeeId: 'c1',
    name: '孝义市离退休干部党委',
    kind: 'committee',
    parentCommitteeId: null,
    decisionReference: null,
    at,
  },
  PartyCommitteeRenamed: { committeeId: 'c1', previousName: '老干部党委', name: '孝义市离退休干部党委', at },
  PartyCommitteeDissolved: { committeeId: 'c1', reason: '机构调整', decisionReference: null, at },
  BranchEstablished: {
    branchId: 'b2',
    name: '永安社区离退休干部党支部',
    parentCommitteeId: 'c1',
    managementLinks: [],
    joint: true,
    jointUnits: ['甲', '乙'],
    decisionReference: null,
    restructuringId: null,
    policyVersion: 'p',
    at,
  },
  BranchRenamed: { branchId: 'b1', previousName: '永盛支部', name: '永盛社区离退休干部党支部', at },
  BranchReaffiliated: { branchId: 'b1', fromCommitteeId: 'c1', toCommitteeId: 'c2', decisionReference: null, at },
  ManagementLinkAdded: { branchId: 'b1', link: { linkId: 'l1', kind: 'community', name: '永盛社区党委' }, at },
  ManagementLinkRemoved: { branchId: 'b1', link: { linkId: 'l1', kind: 'formerUnit', name: '孝义市煤炭局' }, at },
  PostAssigned: { branchId: 'b1', post: post('committeeMember'), at },
  OfficerAppointed: { branchId: 'b1', post: post('secretary', 'appointed'), at },
  ViceSecretaryCrossAppointed: { branchId: 'b1', post: post('deputySecretary', 'concurrent'), at },
  PartyAffairsOfficerAssigned: { branchId: 'b1', post: post('partyAffairsOfficer', 'concurrent'), at },
  PostVacated: {
    branchId: 'b1',
    postId: 'p1',
    kind: 'secretary',
    holder: { personId: 'm1', name: '李全爱' },
    reason: 'termEnded',
    note: null,
    endDate: '2023-03-01',
    at,
  },
  BranchShapeAssessed: { branchId: 'b1', counts, hasCommittee: true, shape, at },
  BranchDissolved: { branchId: 'b1', reason: '撤并', decisionReference: null, restructuringId: 'r1', at },
  MemberAdmitted: {
    memberId: 'm1',
    name: '李全爱',
    birthDate: '1948-05-01',
    sex: 'female',
    joinedPartyOn: '1975-07-01',
    formerPostLevel: '科级',
    membership: 'probationary',
    branchId: 'b1',
    at,
  },
  MemberConfirmed: { memberId: 'm1', branchId: 'b1', confirmedOn: '2023-03-01', at },
  VotingRightsSuspended: {
    memberId: 'm1',
    reason: 'probation',
    from: '2023-03-01',
    until: null,
    documentReference: null,
    at,
  },
  VotingRightsRestored: { memberId: 'm1', reason: 'probation', restoredOn: '2024-03-01', documentReference: null, at },
  MemberTransferred: {
    memberId: 'm1',
    fromBranchId: 'b1',
    toBranchId: 'b2',
    restructuringId: null,
    documentReference: null,
    at,
  },
  MemberLeft: { memberId: 'm1', branchId: 'b2', reason: 'death', leftOn: '2023-03-01', note: null, at },
  MemberDataCorrected: {
    memberId: 'm1',
    previous: { name: '李全艾', birthDate: '1948-05-02' },
    corrections: { name: '李全爱', birthDate: '1948-05-01' },
    reason: '档案核对',
    at,
  },
  RestructuringProposed: {
    restructuringId: 'r1',
    plan: { kind: 'merge', sourceBranchIds: ['b1'], target: { kind: 'existing', branchId: 'b2' } },
    reason: '结合城市社区调整',
    at,
  },
  RestructuringApproved: {
    restructuringId: 'r1',
    approvedBy: '孝义市委老干部局',
    documentReference: '孝老干发〔2023〕5号',
    approvedOn: '2023-03-01',
    at,
  },
  RestructuringAbandoned: { restructuringId: 'r1', reason: '社区调整暂缓', at },
  RestructuringExecutionStarted: {
    restructuringId: 'r1',
    execution: {
      branchesToEstablish: [],
      transfers: [{ memberId: 'm1', fromBranchId: 'b1', toBranchId: 'b2' }],
      branchesToClose: ['b1'],
      branchesToReassess: ['b2'],
      skipped: [],
    },
    at,
  },
  BranchesMerged: { restructuringId: 'r1', sourceBranchIds: ['b1'], targetBranchId: 'b2', at },
  RestructuringCompleted: {
    restructuringId: 'r1',
    kind: 'merge',
    counts: { membersTransferred: 1, membersLeftDuringExecution: 0, branchesEstablished: 0, branchesClosed: 1 },
    at,
  },
};

const CJK = /[\u4e00-\u9fff]/;

describe('event descriptions', () => {
  it.each(Object.entries(SAMPLES))('%s has its own line in Chinese and in English', (type, data) => {
    expect(Object.keys(EVENT_DESCRIPTIONS)).toContain(type);
    const description = describeEvent(type, data as Record<string, unknown>, names, 'x-1');
    const generic = genericDescription(type, 'x-1');
    expect(description.zh).not.toBe(generic.zh);
    expect(description.en).not.toBe(generic.en);
    expect(description.zh).toMatch(CJK);
    expect(description.en).toMatch(/^[A-Z\u4e00-\u9fff]/);
    for (const line of [description.zh, description.en]) {
      expect(line).not.toMatch(/undefined|null|\[object|NaN/);
      expect(line).not.toContain('\n');
    }
  });

  it('describes every type the catalogue has a sample for, and nothing else', () => {
    expect(Object.keys(EVENT_DESCRIPTIONS).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it('names a transfer by the member and both branches', () => {
    expect(describeEvent('MemberTransferred', SAMPLES.MemberTransferred, names)).toEqual({
      zh: '党员李全爱的组织关系由永盛社区离退休干部党支部转入永安社区离退休干部党支部',
      en: 'Member 李全爱 transferred from 永盛社区离退休干部党支部 to 永安社区离退休干部党支部',
    });
  });

  it('gives an unknown type a generic line naming the type, and falls back to ids for unknown names', () => {
    expect(describeEvent('ElectionPlanIssued', { campaignId: 'k1' }, names, 'campaign-k1')).toEqual({
      zh: '记录事件 ElectionPlanIssued（campaign-k1）',
      en: 'Event ElectionPlanIssued recorded on campaign-k1',
    });
    expect(describeEvent('MemberConfirmed', { memberId: 'm9', branchId: 'b9' }, names).zh).toBe(
      '预备党员m9转为正式党员',
    );
  });

  it('falls back to the generic line when old data lacks a field a describer needs', () => {
    expect(describeEvent('PostAssigned', { branchId: 'b1' }, names, 'branch-b1')).toEqual(
      genericDescription('PostAssigned', 'branch-b1'),
    );
  });
});
