/**
 * Test fixtures for the election specs (not exported from the package): a committee branch of
 * ten full members with voting rights, one probationary and one suspended member, and a small
 * branch of five full members without a committee, with a community party secretary serving
 * concurrently (交叉任职) as vice-secretary.
 */
import { CommandMetadata, fold } from '../shared/decider';
import {
  ApproveElectionRequest,
  BallotPaper,
  CancelElection,
  ElectionCommand,
  ElectionRollEntry,
  Mark,
  MemberStanding,
  Person,
  SubmitCandidateSlate,
} from './election.commands';
import { electionDecider } from './election.decider';
import { ElectionEvent } from './election.events';
import { ElectionState } from './election.state';
import { StrokeTable } from './surname-strokes';

export const ELECTION = 'e-fudong-2023';
export const BRANCH = 'b-fudong';
export const SMALL_BRANCH = 'b-yongan';

export const meta = (date: string): CommandMetadata => ({
  at: `${date}T09:00:00+08:00`,
  actor: { id: 'u-1', name: '管理员', role: 'admin' },
});

const NAMES = [
  '',
  '李全爱',
  '武雅君',
  '张建国',
  '王秀英',
  '刘志强',
  '陈玉兰',
  '杨德明',
  '赵淑芬',
  '黄文华',
  '周桂英',
  '吴晓东',
  '孙立平',
];
export const person = (n: number): Person => ({ personId: `m${n}`, name: NAMES[n] ?? `党员${n}` });
export const fullMember = (n: number): ElectionRollEntry => ({
  memberId: `m${n}`,
  name: person(n).name,
  membership: 'full',
  suspension: null,
});

/** The strokes of the characters of the names above (笔顺编号, as cnchar-order gives them), for the ballot order. */
export const STROKES: StrokeTable = {
  李: '1234521',
  全: '341121',
  爱: '3443451354',
  武: '11212154',
  雅: '152332411121',
  君: '5113251',
  张: '5153154',
  建: '51111254',
  国: '25112141',
  王: '1121',
  秀: '3123453',
  英: '12225134',
  刘: '413422',
  志: '1214544',
  强: '515251251214',
  陈: '5215234',
  玉: '11214',
  兰: '43111',
  杨: '1234533',
  德: '332132522114544',
  明: '25113511',
  赵: '121213434',
  淑: '44121123454',
  芬: '1223453',
  黄: '12212512134',
  文: '4134',
  华: '323512',
  周: '35121251',
  桂: '1234121121',
  吴: '2511134',
  晓: '2511153135',
  东: '15234',
  孙: '521234',
  立: '41431',
  平: '14312',
};

/** m1–m10 full with rights, m11 probationary, m12 full but under 留党察看. */
export const ROLL: readonly ElectionRollEntry[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(fullMember),
  { memberId: 'm11', name: person(11).name, membership: 'probationary', suspension: null },
  { memberId: 'm12', name: person(12).name, membership: 'full', suspension: 'probation' },
];

export const COMMUNITY_SECRETARY: Person = { personId: 'x9', name: '王社区' };
export const TELLER: Person = { personId: 't1', name: '计票员' };

export const standing = (overrides: Partial<MemberStanding> = {}): MemberStanding => ({
  status: 'active',
  branchId: BRANCH,
  membership: 'full',
  suspension: null,
  joinedPartyOn: '1975-07-01',
  ...overrides,
});

export const takeCensus = (
  overrides: Partial<Extract<ElectionCommand, { type: 'TakeCensus' }>['data']> = {},
): ElectionCommand => ({
  type: 'TakeCensus',
  data: {
    electionId: ELECTION,
    branchId: BRANCH,
    committeeWorking: '支委会运转正常',
    secretarySituation: '书记年龄偏大，愿意交班',
    context: {
      branchStatus: 'open',
      roll: ROLL,
      currentTerm: { start: '2020-06-30', end: '2023-06-30' },
      established: {},
    },
    ...overrides,
  },
  metadata: meta('2023-03-01'),
});

export const requestElection = (
  overrides: Partial<Extract<ElectionCommand, { type: 'RequestElection' }>['data']> = {},
  date = '2023-03-10',
): ElectionCommand => ({
  type: 'RequestElection',
  data: {
    electionId: ELECTION,
    plannedDate: '2023-05-20',
    committee: true,
    committeeSeats: 3,
    deputySecretary: true,
    electionMethod: '差额选举，无记名投票',
    nominationMethod: '党员推荐，支委会提名',
    ...overrides,
  },
  metadata: meta(date),
});

export const approveRequest = (date = '2023-03-20'): ApproveElectionRequest => ({
  type: 'ApproveElectionRequest',
  data: { electionId: ELECTION, approvalReference: '孝离党字〔2023〕5号', approvedOn: date },
  metadata: meta(date),
});

export const nominate = (
  who: number | Person,
  forPost: 'committee' | 'secretary' | 'deputySecretary' = 'committee',
  nominee = standing(),
): ElectionCommand => ({
  type: 'NominateCandidate',
  data: {
    electionId: ELECTION,
    nominee: typeof who === 'number' ? person(who) : who,
    forPost,
    nominatedBy: '上届支委会',
    context: { nominee },
  },
  metadata: meta('2023-04-01'),
});

export const submitSlate = (
  committee: readonly number[] = [1, 2, 3, 4],
  secretary: readonly number[] = [1],
  deputy: readonly number[] = [2],
): SubmitCandidateSlate => ({
  type: 'SubmitCandidateSlate',
  data: {
    electionId: ELECTION,
    committeeCandidates: committee.map(person),
    secretaryCandidates: secretary.map(person),
    deputySecretaryCandidates: deputy.map(person),
    context: { members: Object.fromEntries([...committee, ...secretary, ...deputy].map((n) => [`m${n}`, standing()])) },
  },
  metadata: meta('2023-04-10'),
});

export const approveSlate = (): ElectionCommand => ({
  type: 'ApproveCandidateSlate',
  data: { electionId: ELECTION, approvalReference: '孝离党字〔2023〕9号', approvedOn: '2023-04-20' },
  metadata: meta('2023-04-20'),
});

type ConveneData = Extract<ElectionCommand, { type: 'ConveneMembersAssembly' }>['data'];
export const convene = (overrides: Partial<ConveneData> = {}, date = '2023-05-20'): ElectionCommand => ({
  type: 'ConveneMembersAssembly',
  data: {
    electionId: ELECTION,
    exclusions: [],
    presentVoters: [1, 2, 3, 4, 5, 6, 7, 8].map(person),
    nonVotingAttendees: [
      { person: person(11), kind: 'probationary' },
      { person: COMMUNITY_SECRETARY, kind: 'crossAppointed' },
    ],
    scrutineers: [person(5)],
    scrutineersApproval: { for: 8, against: 0, abstain: 0 },
    tellers: [TELLER],
    electionMethodAdoption: { for: 8, against: 0, abstain: 0 },
    context: { roll: ROLL, concurrentPostHolders: [COMMUNITY_SECRETARY], strokes: STROKES },
    ...overrides,
  },
  metadata: meta(date),
});

export const ballot = (marks: Readonly<Record<string, Mark>>, extra: Omit<BallotPaper, 'marks'> = {}): BallotPaper => ({
  marks,
  ...extra,
});

/** Eight ballots: m1 8 for, m2 7, m3 6, m4 2 (base 10 → m1, m2, m3 elected). */
export const COMMITTEE_BALLOTS: readonly BallotPaper[] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
  ballot({
    m1: 'for',
    m2: i < 7 ? 'for' : 'against',
    m3: i < 6 ? 'for' : 'against',
    ...(i >= 6 ? { m4: 'for' as const } : {}),
  }),
);

export const recordBallots = (
  race: 'committee' | 'secretary' | 'deputySecretary',
  ballots: readonly BallotPaper[],
  issued = 8,
  date = '2023-05-20',
): ElectionCommand => ({
  type: 'RecordBallots',
  data: { electionId: ELECTION, race, issued, ballots },
  metadata: meta(date),
});

export const countBallots = (
  race: 'committee' | 'secretary' | 'deputySecretary',
  date = '2023-05-20',
): ElectionCommand => ({
  type: 'CountBallots',
  data: { electionId: ELECTION, race },
  metadata: meta(date),
});

type OfficersData = Extract<ElectionCommand, { type: 'ElectOfficers' }>['data'];
export const electOfficers = (overrides: Partial<OfficersData> = {}): ElectionCommand => ({
  type: 'ElectOfficers',
  data: {
    electionId: ELECTION,
    chairMemberId: 'm3',
    secretary: { memberId: 'm1', votes: { for: 3, against: 0, abstain: 0 } },
    deputySecretary: { memberId: 'm2', votes: { for: 2, against: 0, abstain: 1 } },
    scrutineers: [person(3)],
    duties: { m3: '组织委员' },
    ...overrides,
  },
  metadata: meta('2023-05-20'),
});

export const reportResult = (date = '2023-05-25'): ElectionCommand => ({
  type: 'ReportElectionResult',
  data: { electionId: ELECTION, reportReference: '府东支〔2023〕2号' },
  metadata: meta(date),
});

export const approveResult = (
  overrides: Partial<Extract<ElectionCommand, { type: 'ApproveElectionResult' }>['data']> = {},
  date = '2023-06-05',
): ElectionCommand => ({
  type: 'ApproveElectionResult',
  data: {
    electionId: ELECTION,
    approvalReference: '孝离党字〔2023〕20号',
    approvedOn: date,
    filingReference: '孝离党备〔2023〕3号',
    ...overrides,
  },
  metadata: meta(date),
});

export const requestInstallation = (date = '2023-06-06'): ElectionCommand => ({
  type: 'RequestInstallation',
  data: { electionId: ELECTION },
  metadata: meta(date),
});

export const confirmInstallation = (branchPostIds: readonly string[], date = '2023-06-06'): ElectionCommand => ({
  type: 'ConfirmInstallation',
  data: { electionId: ELECTION, context: { branchPostIds } },
  metadata: meta(date),
});

export const cancelElection = (date = '2023-04-01'): CancelElection => ({
  type: 'CancelElection',
  data: { electionId: ELECTION, reason: '支部撤并' },
  metadata: meta(date),
});

/** Runs commands through the decider as the application would, failing on any refusal. */
export function history(commands: readonly ElectionCommand[], decider = electionDecider): ElectionEvent[] {
  const events: ElectionEvent[] = [];
  for (const command of commands) {
    events.push(...decider.decide(command, fold(decider, events)));
  }
  return events;
}

export const stateOf = (events: readonly ElectionEvent[], decider = electionDecider): ElectionState =>
  fold(decider, events);

export const TO_SLATE_APPROVED: readonly ElectionCommand[] = [
  takeCensus(),
  requestElection(),
  approveRequest(),
  nominate(1),
  nominate(2),
  nominate(3),
  nominate(4),
  submitSlate(),
  approveSlate(),
];

export const TO_COMMITTEE_ELECTED: readonly ElectionCommand[] = [
  ...TO_SLATE_APPROVED,
  convene(),
  recordBallots('committee', COMMITTEE_BALLOTS),
  countBallots('committee'),
];

export const TO_RESULT_APPROVED: readonly ElectionCommand[] = [
  ...TO_COMMITTEE_ELECTED,
  electOfficers(),
  reportResult(),
  approveResult(),
];

// The small branch: five full members (s1–s5) and one probationary member (s6), no committee.
export const small = (n: number): Person => ({ personId: `s${n}`, name: `小支部党员${n}` });
export const SMALL_ROLL: readonly ElectionRollEntry[] = [
  ...[1, 2, 3, 4, 5].map((n): ElectionRollEntry => ({
    memberId: `s${n}`,
    name: small(n).name,
    membership: 'full',
    suspension: null,
  })),
  { memberId: 's6', name: small(6).name, membership: 'probationary', suspension: null },
];
const smallStanding = standing({ branchId: SMALL_BRANCH });

export const SMALL_TO_ASSEMBLY: readonly ElectionCommand[] = [
  takeCensus({
    branchId: SMALL_BRANCH,
    context: {
      branchStatus: 'open',
      roll: SMALL_ROLL,
      currentTerm: { start: '2020-06-30', end: '2023-06-30' },
      established: {},
    },
  }),
  requestElection({ committee: false, committeeSeats: 0, deputySecretary: true }),
  approveRequest(),
  nominate(small(1), 'secretary', smallStanding),
  nominate(small(2), 'deputySecretary', smallStanding),
  {
    type: 'SubmitCandidateSlate',
    data: {
      electionId: ELECTION,
      committeeCandidates: [],
      secretaryCandidates: [small(1)],
      deputySecretaryCandidates: [small(2)],
      context: { members: { s1: smallStanding, s2: smallStanding } },
    },
    metadata: meta('2023-04-10'),
  },
  approveSlate(),
];

export const smallConvene = (presentVoters: readonly Person[] = [1, 2, 3, 4].map(small)): ElectionCommand =>
  convene({
    presentVoters,
    nonVotingAttendees: [
      { person: small(6), kind: 'probationary' },
      { person: COMMUNITY_SECRETARY, kind: 'crossAppointed' },
    ],
    scrutineers: [small(3)],
    scrutineersApproval: { for: 4, against: 0, abstain: 0 },
    electionMethodAdoption: { for: 4, against: 0, abstain: 0 },
    context: { roll: SMALL_ROLL, concurrentPostHolders: [COMMUNITY_SECRETARY], strokes: STROKES },
  });

/** The small branch's secretary race counted with nobody elected: its one seat is short. */
export const SMALL_SECRETARY_SHORT: readonly ElectionCommand[] = [
  ...SMALL_TO_ASSEMBLY,
  smallConvene(),
  recordBallots(
    'secretary',
    [1, 2, 3, 4].map(() => ballot({ s1: 'against' })),
    4,
  ),
  countBallots('secretary'),
];
