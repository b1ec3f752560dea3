import { DEFAULT_RULE_POLICIES, type Person, type PostKind, type PostSource } from '@app/domain';
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
  campaign: (id) => (id === 'k1' ? '关于离退休干部党支部换届选举工作方案' : id),
  workingGroup: (_campaignId, groupId) => (groupId === 'g1' ? '第一包联组' : groupId === 'g2' ? '第二包联组' : groupId),
  electionBranch: (id) => (id === 'e1' ? 'b1' : null),
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

const p = (n: number): Person => ({
  personId: `m${n}`,
  name: ['', '李全爱', '武雅君', '张建国', '王秀英'][n] ?? `党员${n}`,
});
const e = { electionId: 'e1', policyVersion: '2022-10-22', at } as const;
const motion = { for: 8, against: 0, abstain: 0 };
const officer = (n: number) => ({ ...p(n), votes: { for: 3, against: 0, abstain: 0 } });
const shift = {
  fromDate: '2023-06-30',
  newDate: '2023-09-30',
  shiftDays: 92,
  approvalReference: '孝离党字〔2023〕7号',
};

/**
 * One sample per event type of every context (organisation, restructuring, campaign, rule
 * policy, election). The mapped type
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

  ElectionPlanIssued: {
    campaignId: 'k1',
    title: '关于离退休干部党支部换届选举工作方案',
    documentNumber: '孝老干字〔2023〕1号',
    requirements: ['按期换届'],
    deadline: '2023-06-30',
    at,
  },
  WorkingGroupFormed: {
    campaignId: 'k1',
    groupId: 'g1',
    name: '第一包联组',
    leader: { personId: 'l1', name: '张局长' },
    at,
  },
  BranchAssignedToWorkingGroup: { campaignId: 'k1', branchId: 'b1', groupId: 'g2', previousGroupId: 'g1', at },

  RulePolicyPublished: {
    registryId: 'bureau',
    policy: { ...DEFAULT_RULE_POLICIES[1]!, version: '2025-01-01', effectiveFrom: '2025-01-01' },
    at,
  },

  CensusTaken: {
    ...e,
    branchId: 'b1',
    fullMembers: 10,
    probationaryMembers: 1,
    suspendedMembers: 1,
    committeeRequired: true,
    overSize: false,
    currentTerm: { start: '2020-06-30', end: '2023-06-30' },
    committeeWorking: '支委会运转正常',
    secretarySituation: '书记年龄偏大',
    notes: null,
  },
  ElectionRequested: {
    ...e,
    plannedDate: '2023-05-20',
    committee: true,
    committeeSeats: 3,
    deputySecretary: true,
    electionMethod: '差额选举',
    nominationMethod: '党员推荐',
    agenda: ['选举支部委员会'],
    minimumCommitteeCandidates: 4,
    seatsAboveUsual: false,
  },
  ElectionRequestApproved: {
    ...e,
    approvalReference: '孝离党字〔2023〕5号',
    approvedOn: '2023-03-20',
    lapsesOn: '2023-06-18',
  },
  ApprovalLapsed: { ...e, approvalReference: '孝离党字〔2023〕5号', lapsesOn: '2023-06-18' },
  ElectionPostponed: { ...e, ...shift, reason: '党员外出较多', shiftLimitOverridden: false },
  ElectionBroughtForward: {
    ...e,
    ...shift,
    newDate: '2023-05-30',
    shiftDays: 31,
    reason: '书记病重',
    shiftLimitOverridden: false,
  },
  CandidateRecommended: { ...e, nominee: p(1), forPost: 'secretary', recommendedBy: [p(3), p(4)] },
  CandidateNominated: { ...e, nominee: p(2), forPost: 'committee', nominatedBy: '上届支委会' },
  CandidateVetted: { ...e, nominee: p(2), method: 'talk', by: '第一包联组', notes: '群众评价好', on: '2023-04-02' },
  CommunityConsulted: { ...e, nominee: null, community: '府东社区党委', opinion: '同意', on: '2023-04-03' },
  CandidateSlateSubmitted: {
    ...e,
    committeeCandidates: [p(1), p(2), p(3), p(4)],
    secretaryCandidates: [p(1)],
    deputySecretaryCandidates: [],
    minimumCommitteeCandidates: 4,
  },
  CandidateSlateApproved: { ...e, approvalReference: '孝离党字〔2023〕9号', approvedOn: '2023-04-20' },
  MembersAssemblyConvened: {
    ...e,
    roll: [{ memberId: 'm1', name: '李全爱', membership: 'full', suspension: null }],
    exclusions: [],
    dueVoters: [p(1), p(2)],
    presentVoters: [p(1), p(2)],
    nonVotingAttendees: [{ person: { personId: 'x9', name: '王社区' }, kind: 'crossAppointed' }],
    concurrentPostHolders: [{ personId: 'x9', name: '王社区' }],
    scrutineers: [p(3)],
    scrutineersApproval: motion,
    tellers: [{ personId: 't1', name: '计票员' }],
    electionMethodAdoption: motion,
    quorum: { due: 10, present: 8, numerator: 4, denominator: 5, inclusive: true },
    races: [{ race: 'committee', seats: 3, candidates: [p(1), p(2), p(3), p(4)] }],
  },
  BallotsRecorded: {
    ...e,
    race: 'committee',
    roundNo: 1,
    roundKind: 'regular',
    seats: 3,
    candidates: [p(1), p(2)],
    issued: 8,
    returned: 8,
    valid: 7,
    invalid: 1,
    invalidByReason: { spoiled: 1, tooManyNames: 0, writeInWithoutAgainst: 0, writeInIsCandidate: 0, duplicateName: 0 },
    tallies: [{ ...p(1), for: 7, against: 0, abstain: 0 }],
    writeIns: [],
  },
  BallotRoundVoided: { ...e, race: 'committee', roundNo: 1, issued: 8, returned: 9 },
  BallotsCounted: {
    ...e,
    race: 'committee',
    roundNo: 1,
    roundKind: 'regular',
    majorityBase: 'due',
    base: 10,
    dueVoters: 10,
    presentVoters: 8,
    elected: [{ ...p(1), votes: 8, roundNo: 1 }],
    notElected: [],
    outcome: 'shortfall',
    runoff: null,
    remainingSeats: 2,
  },
  SupplementaryBallotHeld: { ...e, race: 'committee', roundNo: 2, candidates: [p(2), p(3)], seats: 2 },
  SeatsReduced: { ...e, race: 'committee', fromSeats: 4, toSeats: 3, consent: motion, dueVoters: 10 },
  OfficersElected: {
    ...e,
    electedBy: 'committeeFirstMeeting',
    chair: p(3),
    secretary: officer(1),
    deputySecretary: null,
    scrutineers: [p(3)],
    duties: { m3: '组织委员' },
  },
  ElectionResultReported: {
    ...e,
    reportReference: '府东支〔2023〕2号',
    committeeMembers: [{ ...p(1), votes: 8, roundNo: 1 }],
    secretary: officer(1),
    deputySecretary: officer(2),
    deviations: [{ kind: 'deputyNotElected' }],
  },
  ElectionResultApproved: {
    ...e,
    approvalReference: '孝离党字〔2023〕20号',
    approvedOn: '2023-06-05',
    approvedOfficers: [p(1), p(2)],
    filedCommitteeMembers: [p(3)],
    filingReference: '孝离党备〔2023〕3号',
    superiorDecision: null,
  },
  InstallationRequested: {
    ...e,
    branchId: 'b1',
    posts: [{ postId: 'p1', kind: 'secretary', duty: null, holder: p(1) }],
    termStart: '2023-06-06',
    termEnd: '2028-06-05',
    termYears: 5,
    termPolicyVersion: '2022-10-22',
  },
  ResultInstalled: {
    ...e,
    branchId: 'b1',
    posts: [{ postId: 'p1', kind: 'secretary', duty: null, holder: p(1) }],
    termStart: '2023-06-06',
    termEnd: '2028-06-05',
  },
  ElectionCancelled: { ...e, reason: '支部撤并', cancelledInStatus: 'requested' },
  TermEndReminderDue: { ...e, branchId: 'b1', termEnd: '2028-06-05', daysBefore: 60, dueOn: '2028-04-06' },
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
    expect(describeEvent('VisitRecorded', { electionId: 'e1' }, names, 'visit-e1')).toEqual({
      zh: '记录事件 VisitRecorded（visit-e1）',
      en: 'Event VisitRecorded recorded on visit-e1',
    });
    expect(describeEvent('MemberConfirmed', { memberId: 'm9', branchId: 'b9' }, names).zh).toBe(
      '预备党员m9转为正式党员',
    );
  });

  it('names an election by its branch, and a reassignment by both working groups', () => {
    expect(describeEvent('ElectionRequestApproved', SAMPLES.ElectionRequestApproved, names)).toEqual({
      zh: '上级党组织批复永盛社区离退休干部党支部换届请示（孝离党字〔2023〕5号），批复于2023-06-18失效',
      en: 'Election of 永盛社区离退休干部党支部: request approved (孝离党字〔2023〕5号), approval lapses on 2023-06-18',
    });
    expect(describeEvent('ElectionCancelled', { ...SAMPLES.ElectionCancelled, electionId: 'e9' }, names).zh).toBe(
      '选举e9取消换届选举（原因：支部撤并）',
    );
    expect(describeEvent('BranchAssignedToWorkingGroup', SAMPLES.BranchAssignedToWorkingGroup, names)).toEqual({
      zh: '永盛社区离退休干部党支部由第一包联组调整为第二包联组包联',
      en: 'Branch 永盛社区离退休干部党支部 reassigned from working group 第一包联组 to 第二包联组',
    });
  });

  it('falls back to the generic line when old data lacks a field a describer needs', () => {
    expect(describeEvent('PostAssigned', { branchId: 'b1' }, names, 'branch-b1')).toEqual(
      genericDescription('PostAssigned', 'branch-b1'),
    );
  });
});
