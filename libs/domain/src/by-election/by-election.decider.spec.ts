import { BallotPaper, ElectionRollEntry, Mark, MemberStanding, Person } from '../election/election.commands';
import { Vacancy } from '../organisation/branch/post';
import { CommandMetadata, fold } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { ByElectionCommand, HoldByElection, RequestByElection } from './by-election.commands';
import { byElectionDecider } from './by-election.decider';
import { ByElectionEvent } from './by-election.events';

const metadata = (at: string): CommandMetadata => ({ at, actor: { id: 'u-1', name: '管理员', role: 'admin' } });
const people: Person[] = Array.from({ length: 10 }, (_, i) => ({ personId: `m${i + 1}`, name: `党员${i + 1}` }));
const roll: ElectionRollEntry[] = people.map((p) => ({
  memberId: p.personId,
  name: p.name,
  membership: 'full',
  suspension: null,
}));
const active: MemberStanding = {
  status: 'active',
  branchId: 'b1',
  membership: 'full',
  suspension: null,
  joinedPartyOn: '1970-07-01',
};
const vacancy: Vacancy = {
  postId: 'p-org',
  kind: 'committeeMember',
  duty: '组织委员',
  holder: { personId: 'x1', name: '赵离任' },
  reason: 'transferred',
  endDate: '2024-03-01',
};
const [wang, li] = [people[0]!, people[1]!];

const requestCommand = (overrides: Partial<RequestByElection['data']['context']> = {}): RequestByElection => ({
  type: 'RequestByElection',
  data: {
    byElectionId: 'y1',
    branchId: 'b1',
    vacatedPostId: 'p-org',
    reason: '组织委员调离',
    plannedDate: '2024-04-20',
    candidates: [wang, li],
    context: {
      branchStatus: 'open',
      branchName: '府前支部',
      vacancy,
      currentTerm: { start: '2023-06-30', end: '2028-06-30' },
      candidates: { m1: active, m2: active },
      ...overrides,
    },
  },
  metadata: metadata('2024-03-10'),
});

const mark = (personId: string | null): Record<string, Mark> => (personId === null ? {} : { [personId]: 'for' });
const ballots = (forWang: number, forLi: number, total: number): BallotPaper[] =>
  Array.from({ length: total }, (_, i): BallotPaper => ({
    marks: mark(i < forWang ? 'm1' : i < forWang + forLi ? 'm2' : null),
  }));

const holdCommand = (data: Partial<HoldByElection['data']> = {}): HoldByElection => ({
  type: 'HoldByElection',
  data: {
    byElectionId: 'y1',
    heldBy: 'membersAssembly',
    exclusions: [],
    presentVoters: people.slice(0, 9),
    issued: 9,
    ballots: ballots(6, 3, 9),
    context: { roll, concurrentPostHolders: [] },
    ...data,
  },
  metadata: metadata('2024-04-20'),
});

function run(commands: readonly ByElectionCommand[]): readonly ByElectionEvent[] {
  const events: ByElectionEvent[] = [];
  for (const command of commands) events.push(...byElectionDecider.decide(command, fold(byElectionDecider, events)));
  return events;
}

function refusal(commands: readonly ByElectionCommand[]): string {
  try {
    run(commands);
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  throw new Error('not refused');
}

const consent: ByElectionCommand = {
  type: 'ConsentToByElection',
  data: { byElectionId: 'y1', consentReference: '孝离党字〔2024〕5号', consentedOn: '2024-03-20' },
  metadata: metadata('2024-03-20'),
};
const fileCommand = (vacancyOpen = true): ByElectionCommand => ({
  type: 'FileByElectionResult',
  data: {
    byElectionId: 'y1',
    filingReference: '孝离党字〔2024〕9号',
    filedOn: '2024-04-25',
    context: { vacancyOpen, branchName: '府前支部', elected: active },
  },
  metadata: metadata('2024-04-25'),
});

describe('by-election (补选) decider', () => {
  it('requests, is consented, is held by the assembly and filed: the post is filled from the filing date to the term end', () => {
    const events = run([requestCommand(), consent, holdCommand(), fileCommand()]);
    expect(events.map((event) => event.type)).toEqual([
      'ByElectionRequested',
      'ByElectionConsented',
      'ByElectionHeld',
      'ByElectionFiled',
    ]);
    const held = events[2];
    expect(held?.type === 'ByElectionHeld' && held.data).toMatchObject({
      quorum: { due: 10, present: 9 },
      majorityBase: 'due',
      base: 10,
      elected: { personId: 'm1', votes: 6 },
    });
    expect(events[3]?.data).toMatchObject({
      post: { postId: 'y1-committeeMember-m1', kind: 'committeeMember', duty: '组织委员', holder: wang },
      vacatedPostId: 'p-org',
      filedOn: '2024-04-25',
      termEnd: '2028-06-30',
    });
  });

  it('refuses a post with no vacancy, and a vacancy of a past term', () => {
    expect(refusal([requestCommand({ vacancy: null })])).toBe('NO_VACANCY_FOR_POST');
    expect(refusal([requestCommand({ currentTerm: { start: '2024-03-05', end: '2029-03-05' } })])).toBe(
      'VACANCY_BEFORE_TERM',
    );
  });

  it('refuses the vote before the superior consents, and a vote held by the committee', () => {
    expect(refusal([requestCommand(), holdCommand()])).toBe('BY_ELECTION_NOT_CONSENTED');
    expect(refusal([requestCommand(), consent, holdCommand({ heldBy: 'committee' })])).toBe(
      'BY_ELECTION_HELD_BY_COMMITTEE',
    );
  });

  it('refuses an assembly below the quorum: 7 of 10 is under four fifths, 8 of 10 is exactly enough', () => {
    const present = (n: number) =>
      holdCommand({ presentVoters: people.slice(0, n), issued: n, ballots: ballots(6, 0, n) });
    expect(refusal([requestCommand(), consent, present(7)])).toBe('QUORUM_NOT_MET');
    expect(run([requestCommand(), consent, present(8)])).toHaveLength(3);
  });

  it('refuses a winner without more than half of those due: 5 of 10 is exactly half and fails, 6 passes', () => {
    expect(refusal([requestCommand(), consent, holdCommand({ ballots: ballots(5, 4, 9) })])).toBe(
      'BY_ELECTION_NO_MAJORITY',
    );
    expect(run([requestCommand(), consent, holdCommand({ ballots: ballots(6, 3, 9) })])).toHaveLength(3);
  });

  it('refuses a step dated before the one it follows, naming both dates', () => {
    const early = { ...requestCommand(), metadata: metadata('2024-02-28') };
    expect(refusal([early])).toBe('BY_ELECTION_DATED_BEFORE_STEP');
    const beforeConsent = { ...holdCommand(), metadata: metadata('2024-03-19') };
    expect(refusal([requestCommand(), consent, beforeConsent])).toBe('BY_ELECTION_DATED_BEFORE_STEP');
    const filedEarly = fileCommand();
    const earlier = { ...filedEarly, data: { ...filedEarly.data, filedOn: '2024-04-19' } } as ByElectionCommand;
    expect(refusal([requestCommand(), consent, holdCommand(), earlier])).toBe('BY_ELECTION_DATED_BEFORE_STEP');
  });

  it('refuses filing once the vacancy has been filled meanwhile, and any step out of order', () => {
    expect(refusal([requestCommand(), consent, holdCommand(), fileCommand(false)])).toBe('NO_VACANCY_FOR_POST');
    expect(refusal([requestCommand(), fileCommand()])).toBe('BY_ELECTION_STEP_OUT_OF_ORDER');
    expect(refusal([requestCommand(), consent, consent])).toBe('BY_ELECTION_STEP_OUT_OF_ORDER');
    expect(refusal([requestCommand(), requestCommand()])).toBe('BY_ELECTION_ALREADY_EXISTS');
    expect(refusal([consent])).toBe('BY_ELECTION_NOT_FOUND');
  });
});
