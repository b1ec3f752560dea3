import { randomUUID } from 'node:crypto';
import type { ScopedWorld } from './scoped-world';

/**
 * What a committee-scoped administrator must get when a request names something of another
 * committee: `hidden` — exactly the answer the same request gets with those ids replaced by ids
 * that exist nowhere (so nothing of the other committee is revealed); `refused` — 403 with the
 * given code (acts on the bureau's own streams, or creating something outside the committee).
 */
export type ScopedExpectation =
  { readonly kind: 'hidden' } | { readonly kind: 'refused'; readonly status: 403 | 409; readonly code: string };

/**
 * How an unscoped administrator's identical request shows the case is not vacuous: `exists` —
 * the addressed stream exists (a command with a stale If-Match answers 409 with its revision, a
 * read answers 200); `accepted` — the request succeeds (sent last, since it changes the world).
 */
export type ScopedControl = 'exists' | 'accepted' | 'none';

export interface ScopedCase {
  /** `METHOD /path/:param` exactly as the route table names the route. */
  readonly route: string;
  readonly label: string;
  readonly params: Readonly<Record<string, string>>;
  readonly body?: object;
  /** The other committee's ids in params and body, replaced for the phantom request. */
  readonly foreign: readonly string[];
  readonly expect: ScopedExpectation;
  readonly control: ScopedControl;
}

const day = '2023-03-02';
const hidden: ScopedExpectation = { kind: 'hidden' };
const bureau: ScopedExpectation = { kind: 'refused', status: 403, code: 'BUREAU_WIDE_ACT' };
const outside: ScopedExpectation = { kind: 'refused', status: 403, code: 'OUTSIDE_COMMITTEE_SCOPE' };
/** Another committee's id given to something new: taken, and nothing more is said (no revision). */
const taken: ScopedExpectation = { kind: 'refused', status: 409, code: 'ID_IN_USE' };
const motion = { for: 1, against: 0, abstain: 0 };

/** One or more cases for every route an administrator may call, built on `world`. */
export function scopedCases(world: ScopedWorld, policy: object): ScopedCase[] {
  const { x, y } = world;
  const person = (personId: string) => ({ personId, name: '某党员' });
  const cases: ScopedCase[] = [];
  const add = (
    route: string,
    label: string,
    params: Record<string, string>,
    body: object | undefined,
    foreign: readonly string[],
    control: ScopedControl,
    expectation: ScopedExpectation = hidden,
  ) => cases.push({ route, label, params, body, foreign, expect: expectation, control });
  /** The other committee's thing addressed by path: hidden, and an unscoped control finds it. */
  const byPath = (route: string, params: Record<string, string>, body?: object) =>
    add(route, 'path', params, body, Object.values(params), 'exists');

  // Committees: the other committee by path; a new committee under it or at the top.
  byPath('POST /committees/:committeeId/rename', { committeeId: y.committee }, { name: '改名', occurredAt: day });
  byPath('POST /committees/:committeeId/dissolve', { committeeId: y.committee }, { reason: '撤销', occurredAt: day });
  byPath('GET /committees/:committeeId', { committeeId: y.committee });
  add(
    'POST /committees',
    'parentCommitteeId',
    {},
    { name: '汾阳某党总支', kind: 'general_branch', parentCommitteeId: y.committee, occurredAt: day },
    [y.committee],
    'accepted',
  );
  add(
    'POST /committees',
    'a new committee at the top',
    {},
    { committeeId: randomUUID(), name: '另一个离退休干部党委', kind: 'committee', occurredAt: day },
    [],
    'none',
    outside,
  );

  // Branches: the other committee's branch by path, and nested ids from one's own branch.
  const branchPath = (route: string, body: object) => byPath(route, { branchId: y.branch }, body);
  branchPath('POST /branches/:branchId/rename', { name: '改名', occurredAt: day });
  branchPath('POST /branches/:branchId/reaffiliate', { parentCommitteeId: x.committee, occurredAt: day });
  branchPath('POST /branches/:branchId/management-links', { kind: 'community', name: '某社区', occurredAt: day });
  branchPath('POST /branches/:branchId/posts', {
    kind: 'committeeMember',
    duty: '组织委员',
    source: 'elected',
    holder: person(y.member),
    startDate: day,
    occurredAt: day,
  });
  branchPath('POST /branches/:branchId/assess-shape', { occurredAt: day });
  branchPath('POST /branches/:branchId/dissolve', { reason: '撤销', occurredAt: day });
  byPath(
    'POST /branches/:branchId/management-links/:linkId/remove',
    { branchId: y.branch, linkId: y.link },
    { occurredAt: day },
  );
  byPath(
    'POST /branches/:branchId/posts/:postId/vacate',
    { branchId: y.branch, postId: y.post },
    { reason: 'resigned', endDate: day, occurredAt: day },
  );
  for (const route of [
    'GET /branches/:branchId',
    'GET /branches/:branchId/members',
    'GET /branches/:branchId/elections',
  ]) {
    byPath(route, { branchId: y.branch });
  }
  add(
    'POST /branches',
    'parentCommitteeId',
    {},
    { name: '新支部', parentCommitteeId: y.committee, occurredAt: day },
    [y.committee],
    'accepted',
  );
  add(
    'POST /branches/:branchId/reaffiliate',
    'parentCommitteeId',
    { branchId: x.spare },
    { parentCommitteeId: y.committee, occurredAt: day },
    [y.committee],
    'accepted',
  );

  // Members: the other committee's member by path; one's own member into another's branch.
  const memberPath = (route: string, body: object) => byPath(route, { memberId: y.member }, body);
  memberPath('POST /members/:memberId/confirm', { confirmedOn: day, occurredAt: day });
  memberPath('POST /members/:memberId/suspend-voting-rights', { reason: 'probation', from: day, occurredAt: day });
  memberPath('POST /members/:memberId/restore-voting-rights', { restoredOn: day, occurredAt: day });
  memberPath('POST /members/:memberId/transfer', { toBranchId: x.branch, occurredAt: day });
  memberPath('POST /members/:memberId/leave', { reason: 'movedOut', leftOn: day, occurredAt: day });
  memberPath('POST /members/:memberId/correct', {
    corrections: { name: '更正名' },
    reason: '登记有误',
    occurredAt: day,
  });
  byPath('GET /members/:memberId', { memberId: y.member });
  add(
    'POST /members',
    'branchId',
    {},
    {
      name: '新党员',
      birthDate: '1950-03-08',
      sex: 'male',
      joinedPartyOn: '1975-07-01',
      formerPostLevel: '科级',
      membership: 'full',
      branchId: y.branch,
      occurredAt: day,
    },
    [y.branch],
    'accepted',
  );
  add(
    'POST /members/:memberId/transfer',
    'toBranchId',
    { memberId: x.member },
    { toBranchId: y.branch, occurredAt: day },
    [y.branch],
    'accepted',
  );

  // Restructurings: the other committee's by path; every id a plan can name, nested.
  const approval = {
    approvedBy: '汾阳市离退休干部党委',
    documentReference: '汾老干党字〔2023〕2号',
    approvedOn: day,
    occurredAt: day,
  };
  byPath('POST /restructurings/:restructuringId/approve', { restructuringId: y.restructuring }, approval);
  byPath(
    'POST /restructurings/:restructuringId/abandon',
    { restructuringId: y.restructuring },
    { reason: '不再撤并', occurredAt: day },
  );
  byPath('POST /restructurings/:restructuringId/execute', { restructuringId: y.restructuring }, { occurredAt: day });
  byPath('GET /restructurings/:restructuringId', { restructuringId: y.restructuring });
  const merge = (label: string, sourceBranchIds: string[], target: object, foreign: string[]) =>
    add(
      'POST /restructurings/merge',
      label,
      {},
      { reason: '撤并', sourceBranchIds, target, occurredAt: day },
      foreign,
      'accepted',
    );
  merge('sourceBranchIds', [x.spare, y.branch], { kind: 'existing', branchId: x.branch }, [y.branch]);
  merge('target.branchId', [x.spare], { kind: 'existing', branchId: y.branch }, [y.branch]);
  merge(
    'target.branch.parentCommitteeId',
    [x.spare],
    { kind: 'new', branch: { name: '合并后支部', parentCommitteeId: y.committee } },
    [y.committee],
  );
  const redraw = (
    label: string,
    assignments: object[],
    newBranches: object[],
    foreign: string[],
    expectation: ScopedExpectation = hidden,
  ) =>
    cases.push({
      route: 'POST /restructurings/redraw',
      label,
      params: {},
      body: { reason: '社区调整', assignments, newBranches, occurredAt: day },
      foreign,
      expect: expectation,
      control: 'accepted',
    });
  redraw('assignments[].memberId', [{ memberId: y.member, toBranchId: x.branch }], [], [y.member], outside);
  redraw('assignments[].toBranchId', [{ memberId: x.member, toBranchId: y.branch }], [], [y.branch]);
  const newBranchId = randomUUID();
  redraw(
    'newBranches[].parentCommitteeId',
    [{ memberId: x.member, toBranchId: newBranchId }],
    [{ branchId: newBranchId, name: '新设支部', parentCommitteeId: y.committee }],
    [y.committee],
  );
  const dissolution = (label: string, branchId: string, destinationBranchId: string, foreign: string[]) =>
    add(
      'POST /restructurings/dissolution',
      label,
      {},
      { reason: '撤销', branchId, destinationBranchId, occurredAt: day },
      foreign,
      'accepted',
    );
  dissolution('destinationBranchId', x.spare, y.branch, [y.branch]);
  dissolution('branchId', y.spare, x.spare, [y.spare]);

  // Elections: every step on the other committee's election by path; people of it, nested.
  const step = (name: string, body: object) =>
    byPath(`POST /elections/:electionId/${name}`, { electionId: y.election }, { ...body, occurredAt: day });
  const p = person(y.member);
  const approvalOf = { approvalReference: '汾老干党字〔2023〕3号', approvedOn: day };
  step('request', {
    plannedDate: '2023-05-20',
    committee: true,
    committeeSeats: 3,
    deputySecretary: true,
    electionMethod: '差额选举、无记名投票',
    nominationMethod: '党内提名',
  });
  step('approve-request', approvalOf);
  step('postpone', { newDate: '2023-07-20', reason: '天气原因', approvalReference: '汾老干党字〔2023〕4号' });
  step('bring-forward', { newDate: '2023-04-20', reason: '工作需要', approvalReference: '汾老干党字〔2023〕5号' });
  step('recommendations', { nominee: p, forPost: 'committee', recommendedBy: [person(y.holder)] });
  step('nominations', { nominee: p, forPost: 'committee', nominatedBy: '上届支部委员会' });
  step('vetting', { memberId: y.member, method: 'talk', by: '第一工作组', notes: '身体状况良好', on: day });
  step('community-consultation', { community: '汾阳某社区党委', opinion: '同意', on: day });
  step('slate', { committeeCandidates: [p], secretaryCandidates: [p], deputySecretaryCandidates: [p] });
  step('approve-slate', approvalOf);
  step('assembly', {
    exclusions: [],
    presentVoters: [p],
    nonVotingAttendees: [],
    scrutineers: [p],
    scrutineersApproval: motion,
    tellers: [p],
    electionMethodAdoption: motion,
  });
  step('ballots', { race: 'committee', issued: 1, ballots: [{ marks: { [y.member]: 'for' } }] });
  step('count', { race: 'committee' });
  step('supplementary-ballot', { race: 'committee', candidates: [p] });
  step('reduce-seats', { race: 'committee', consent: motion });
  step('officers', {
    chairMemberId: y.member,
    secretary: { memberId: y.member, votes: motion },
    scrutineers: [p],
    duties: {},
  });
  step('report', { reportReference: '汾阳支部〔2023〕1号' });
  step('approve-result', { ...approvalOf, filingReference: '汾老干党备〔2023〕1号' });
  step('request-installation', {});
  step('cancel', { reason: '误操作' });
  byPath('GET /elections/:electionId', { electionId: y.election });
  // Its documents: hidden like the election itself. The other committee's election has only its
  // census, so an unscoped caller is told 422 (the step not taken), not 200: no `exists` control.
  for (const name of ['request.docx', 'approval.docx', 'result-report.docx', 'result.xlsx']) {
    add(
      `GET /elections/:electionId/documents/${name}`,
      'path',
      { electionId: y.election },
      undefined,
      [y.election],
      'none',
    );
  }
  add(
    'POST /elections',
    'branchId',
    {},
    { branchId: y.branch, committeeWorking: '正常', secretarySituation: '正常', occurredAt: day },
    [y.branch],
    'accepted',
  );

  // By-elections: every step on the other committee's by-election by path; a request for its branch.
  const byElectionStep = (name: string, body: object) =>
    byPath(`POST /by-elections/:byElectionId/${name}`, { byElectionId: y.byElection }, { ...body, occurredAt: day });
  byElectionStep('consent', { consentReference: '汾老干党字〔2023〕6号', consentedOn: day });
  byElectionStep('assembly', {
    heldBy: 'membersAssembly',
    exclusions: [],
    presentVoters: [p],
    issued: 1,
    ballots: [{ marks: { [y.member]: 'for' } }],
  });
  byElectionStep('file', { filingReference: '汾老干党备〔2023〕2号', filedOn: day });
  byPath('GET /by-elections/:byElectionId', { byElectionId: y.byElection });
  add(
    'POST /by-elections',
    'branchId',
    {},
    {
      branchId: y.branch,
      vacatedPostId: y.vacancy,
      reason: '组织委员辞职',
      plannedDate: '2023-04-20',
      candidates: [p],
      occurredAt: day,
    },
    [y.branch],
    'accepted',
  );

  // Another committee's existing id as the id of something new: the stream reads as absent, so
  // the handler would create it; the id is taken, and the answer says no more than that.
  const collision = (route: string, body: object) => add(route, 'an existing id', {}, body, [], 'none', taken);
  collision('POST /committees', {
    committeeId: y.committee,
    name: '新党总支',
    kind: 'general_branch',
    parentCommitteeId: x.committee,
    occurredAt: day,
  });
  collision('POST /branches', { branchId: y.branch, name: '新支部', parentCommitteeId: x.committee, occurredAt: day });
  collision('POST /members', {
    memberId: y.member,
    name: '新党员',
    birthDate: '1950-03-08',
    sex: 'male',
    joinedPartyOn: '1975-07-01',
    formerPostLevel: '科级',
    membership: 'full',
    branchId: x.branch,
    occurredAt: day,
  });
  collision('POST /restructurings/dissolution', {
    restructuringId: y.restructuring,
    reason: '撤销',
    branchId: x.spare,
    destinationBranchId: x.branch,
    occurredAt: day,
  });

  // The bureau's own streams: a committee-scoped administrator reads them but changes none.
  add(
    'POST /campaigns',
    'the bureau',
    {},
    {
      title: '换届方案',
      documentNumber: '老干字〔2023〕9号',
      requirements: ['按期换届'],
      deadline: '2023-12-31',
      occurredAt: day,
    },
    [],
    'accepted',
    bureau,
  );
  add(
    'POST /campaigns/:campaignId/working-groups',
    'the bureau',
    { campaignId: world.campaign },
    { name: '第二工作组', leader: { personId: randomUUID(), name: '李局长' }, occurredAt: day },
    [],
    'none',
    bureau,
  );
  add(
    'POST /campaigns/:campaignId/working-groups/:groupId/branches',
    'the bureau, even for an own branch',
    { campaignId: world.campaign, groupId: world.group },
    { branchId: x.spare, occurredAt: day },
    [],
    'none',
    bureau,
  );
  add('POST /policies', 'the bureau', {}, policy, [], 'none', bureau);

  // 示范党支部创建 and the volunteer teams are the bureau's too, even for an own branch and member.
  const demonstration = { demonstrationId: world.demonstration };
  const ownBranch = { ...demonstration, branchId: x.branch };
  add(
    'POST /demonstrations',
    'the bureau',
    {},
    { title: '示范创建', year: 2023, occurredAt: day },
    [],
    'accepted',
    bureau,
  );
  add(
    'POST /demonstrations/:demonstrationId/branches',
    'the bureau',
    demonstration,
    { branchId: x.spare, occurredAt: day },
    [],
    'none',
    bureau,
  );
  const evidence = {
    itemId: 'flag',
    kind: 'photo',
    reference: 'IMG-1',
    checkedOn: day,
    checkedBy: '王组织',
    occurredAt: day,
  };
  add(
    'POST /demonstrations/:demonstrationId/branches/:branchId/evidence',
    'the bureau',
    ownBranch,
    evidence,
    [],
    'none',
    bureau,
  );
  const assessment = { criterionId: 'rulesKept', passed: true, assessedBy: '考评组', occurredAt: day };
  add(
    'POST /demonstrations/:demonstrationId/branches/:branchId/assessments',
    'the bureau',
    ownBranch,
    assessment,
    [],
    'none',
    bureau,
  );
  // X's branch is ready (scoped-world.ts): the approval would be appended, but not by X's administrator.
  const namedDemonstration = {
    approvedBy: '老干部局',
    documentNumber: '老干字〔2023〕2号',
    level: 'county',
    occurredAt: day,
  };
  add(
    'POST /demonstrations/:demonstrationId/branches/:branchId/approval',
    'the bureau',
    ownBranch,
    namedDemonstration,
    [],
    'none',
    bureau,
  );
  const brand = { name: '银龄先锋', feature: '红色宣讲', story: '老书记讲党课', occurredAt: day };
  add(
    'POST /demonstrations/:demonstrationId/branches/:branchId/brand',
    'the bureau',
    ownBranch,
    brand,
    [],
    'none',
    bureau,
  );
  const funding = { amountYuan: 5000, purpose: '版面', occurredAt: day };
  add(
    'POST /demonstrations/:demonstrationId/branches/:branchId/funding',
    'the bureau',
    ownBranch,
    funding,
    [],
    'none',
    bureau,
  );
  add(
    'POST /demonstrations/:demonstrationId/visits',
    'the bureau',
    demonstration,
    { hostBranchId: x.branch, visitingBranchIds: [x.spare], visitors: ['书记'], learned: '台账', occurredAt: day },
    [],
    'none',
    bureau,
  );
  add(
    'POST /volunteer-teams',
    'the bureau',
    {},
    { name: '另一服务队', leadBranchId: x.branch, leaderMemberId: x.member, occurredAt: day },
    [],
    'accepted',
    bureau,
  );
  add(
    'POST /volunteer-teams/:teamId/members',
    'the bureau',
    { teamId: world.team },
    { memberId: world.volunteer, occurredAt: day },
    [],
    'none',
    bureau,
  );
  const activity = {
    on: day,
    kind: 'redLecture',
    title: '红色宣讲',
    place: '社区',
    organiser: '队长',
    participantIds: [x.member],
    occurredAt: day,
  };
  add('POST /volunteer-teams/:teamId/activities', 'the bureau', { teamId: world.team }, activity, [], 'none', bureau);
  // Another committee's member's service history: as a member that exists nowhere.
  byPath('GET /volunteer-service/members/:memberId', { memberId: y.member });
  return cases;
}
