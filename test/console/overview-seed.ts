import { mintToken, type AppConfig } from '@app/application';

/**
 * The records the 工作台, 审计 and 报表 screens are tested and pictured on, made through the API
 * as a clerk of the bureau would make them, every act with its business date and every command
 * with a fixed Idempotency-Key, so ids, positions and every date shown are the same on each run.
 *
 * Judged on AS_OF (2023-04-15):
 * - 府前: term ends 2023-06-30 (within 3 months); its request (请示) waits for the superior;
 * - 新义: term ends 2023-09-30 (within 3 to 6 months); census taken;
 * - 崇文: term ended 2023-03-31, no assembly held: overdue;
 * - 东关: approval (批复) given 2023-01-20 lapses 2023-04-20, within 30 days;
 * - 高阳镇: its election held and installed in February 2023;
 * - 西关: assigned to a working group, no election begun; 振兴 (two members) proposed to merge into it.
 * Two working groups hold the six branches (包联).
 */
export const AS_OF = '2023-04-15';

export interface Seeded {
  readonly committeeId: string;
  readonly branches: Readonly<Record<BranchKey, string>>;
  readonly elections: {
    readonly fuqian: string;
    readonly xinyi: string;
    readonly chongwen: string;
    readonly dongguan: string;
    readonly gaoyang: string;
  };
  readonly members: Readonly<Record<string, string>>;
  readonly restructuringId: string;
  readonly campaignId: string;
}

type BranchKey = 'fuqian' | 'xinyi' | 'chongwen' | 'dongguan' | 'xiguan' | 'gaoyang' | 'zhenxing';

const BRANCHES: Readonly<Record<BranchKey, string>> = {
  fuqian: '府前社区离退休干部党支部',
  xinyi: '新义社区离退休干部党支部',
  chongwen: '崇文社区离退休干部党支部',
  dongguan: '东关社区离退休干部党支部',
  xiguan: '西关社区离退休干部党支部',
  gaoyang: '高阳镇离退休干部党支部',
  zhenxing: '振兴社区离退休干部党支部',
};

/** Each branch's members (the first is its secretary, elected on the date beside the branch). */
const ROLLS: Readonly<Record<BranchKey, readonly (readonly [string, 'male' | 'female', string])[]>> = {
  fuqian: [
    ['王建国', 'male', '1948-03-08'],
    ['李秀英', 'female', '1952-11-20'],
    ['张志刚', 'male', '1950-06-15'],
    ['赵丽华', 'female', '1956-01-30'],
  ],
  xinyi: [
    ['刘德明', 'male', '1946-09-12'],
    ['陈桂兰', 'female', '1953-04-02'],
    ['杨振华', 'male', '1951-12-24'],
  ],
  chongwen: [
    ['孙玉珍', 'female', '1949-07-19'],
    ['周明远', 'male', '1947-02-11'],
    ['吴淑芬', 'female', '1955-10-05'],
  ],
  dongguan: [
    ['郑国华', 'male', '1950-05-27'],
    ['冯秀兰', 'female', '1954-08-16'],
    ['韩立新', 'male', '1952-03-03'],
  ],
  xiguan: [
    ['马文斌', 'male', '1951-01-21'],
    ['朱玉梅', 'female', '1957-06-09'],
    ['胡永祥', 'male', '1949-11-30'],
  ],
  gaoyang: [
    ['郭守信', 'male', '1953-02-14'],
    ['何翠英', 'female', '1955-09-01'],
    ['罗长青', 'male', '1950-12-12'],
  ],
  zhenxing: [
    ['高凤英', 'female', '1948-04-25'],
    ['林宝山', 'male', '1946-08-08'],
  ],
};

/** When each branch's secretary in office was elected: the term the census finds (3 years then). */
const TERM_STARTS: Partial<Record<BranchKey, string>> = {
  fuqian: '2020-06-30',
  xinyi: '2020-09-30',
  chongwen: '2020-03-31',
  dongguan: '2020-10-31',
  xiguan: '2020-12-31',
};

/** The clerk of the bureau who records everything (the audit log names her). */
export const CLERK = { subject: 'clerk-li-hongmei', name: '李红梅' };

export function clerkToken(config: AppConfig): Promise<string> {
  return mintToken(config.auth, { subject: CLERK.subject, name: CLERK.name, role: 'admin' });
}

export async function seedOverview(base: string, authorization: string): Promise<Seeded> {
  let key = 0;
  /** Sends a command; answers the id it addressed, or the working group, post… it added (`createdId`). */
  const post = async (path: string, body: object): Promise<string> => {
    key += 1;
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'Accept-Language': 'en',
        'Idempotency-Key': `overview-${String(key).padStart(4, '0')}`,
      },
      body: JSON.stringify(body),
    });
    if (![200, 201, 202].includes(response.status)) {
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    }
    const answer = (await response.json()) as { id: string; createdId?: string };
    return answer.createdId ?? answer.id;
  };

  const committeeId = await post('/committees', {
    name: '孝义市离退休干部党委',
    kind: 'committee',
    occurredAt: '2020-01-01',
  });
  const branches = {} as Record<BranchKey, string>;
  for (const [branchKey, name] of Object.entries(BRANCHES) as [BranchKey, string][]) {
    branches[branchKey] = await post('/branches', { name, parentCommitteeId: committeeId, occurredAt: '2020-01-10' });
  }
  const members: Record<string, string> = {};
  for (const [branchKey, roll] of Object.entries(ROLLS) as [BranchKey, (typeof ROLLS)[BranchKey]][]) {
    for (const [name, sex, birthDate] of roll) {
      members[name] = await post('/members', {
        name,
        birthDate,
        sex,
        joinedPartyOn: `${Number(birthDate.slice(0, 4)) + 25}-07-01`,
        formerPostLevel: '科级',
        membership: 'full',
        branchId: branches[branchKey],
        occurredAt: '2020-02-01',
      });
    }
  }
  const person = (name: string) => ({ personId: members[name]!, name });
  for (const [branchKey, start] of Object.entries(TERM_STARTS) as [BranchKey, string][]) {
    const secretary = ROLLS[branchKey][0]![0];
    await post(`/branches/${branches[branchKey]}/posts`, {
      kind: 'secretary',
      source: 'elected',
      holder: person(secretary),
      startDate: start,
      occurredAt: start,
    });
  }

  // 换届工作: the plan, two working groups, six branches 包联.
  const campaignId = await post('/campaigns', {
    title: '关于全市离退休干部党支部换届选举工作方案',
    documentNumber: '孝老干字〔2023〕1号',
    requirements: ['按期换届，应换尽换', '严格程序，严肃纪律'],
    deadline: '2023-06-30',
    occurredAt: '2023-01-03',
  });
  const group = (name: string, leader: string, personId: string) =>
    post(`/campaigns/${campaignId}/working-groups`, {
      name,
      leader: { personId, name: leader },
      occurredAt: '2023-01-04',
    });
  const first = await group('第一换届工作指导组', '张国强', '7d3c1f0e-1a2b-4c3d-8e4f-000000000001');
  const second = await group('第二换届工作指导组', '李文华', '7d3c1f0e-1a2b-4c3d-8e4f-000000000002');
  const assign = (groupId: string, branchKey: BranchKey) =>
    post(`/campaigns/${campaignId}/working-groups/${groupId}/branches`, {
      branchId: branches[branchKey],
      occurredAt: '2023-01-04',
    });
  for (const branchKey of ['fuqian', 'xinyi', 'chongwen'] as const) await assign(first, branchKey);
  for (const branchKey of ['dongguan', 'xiguan', 'gaoyang'] as const) await assign(second, branchKey);

  const census = (branchKey: BranchKey, occurredAt: string) =>
    post('/elections', {
      branchId: branches[branchKey],
      committeeWorking: '未设支委会，由书记主持工作，组织生活正常开展。',
      secretarySituation: '书记身体较好，本人服从组织安排。',
      occurredAt,
    });
  const request = (electionId: string, plannedDate: string, occurredAt: string) =>
    post(`/elections/${electionId}/request`, {
      plannedDate,
      committee: false,
      committeeSeats: 0,
      deputySecretary: false,
      electionMethod: '等额选举，无记名投票',
      nominationMethod: '老干部推荐、党内提名、组织审查',
      occurredAt,
    });
  const approveRequest = (electionId: string, approvalReference: string, approvedOn: string) =>
    post(`/elections/${electionId}/approve-request`, { approvalReference, approvedOn, occurredAt: approvedOn });

  const dongguan = await census('dongguan', '2023-01-10');
  await request(dongguan, '2023-05-10', '2023-01-15');
  await approveRequest(dongguan, '孝离退党字〔2023〕3号', '2023-01-20');
  const chongwen = await census('chongwen', '2023-02-15');
  const fuqian = await census('fuqian', '2023-03-01');
  await request(fuqian, '2023-06-10', '2023-03-10');
  const xinyi = await census('xinyi', '2023-03-20');

  // 撤并: 振兴's two members would join 西关.
  const restructuringId = await post('/restructurings/merge', {
    reason: '振兴社区离退休干部党支部正式党员不足3名，结合社区调整并入西关社区离退休干部党支部。',
    sourceBranchIds: [branches.zhenxing],
    target: { kind: 'existing', branchId: branches.xiguan },
    occurredAt: '2023-03-25',
  });

  // 高阳镇: one election from the census to its installed secretary (the last act, as the
  // installation is carried out by a process manager after the API answers).
  const gaoyang = await census('gaoyang', '2023-01-05');
  await request(gaoyang, '2023-02-20', '2023-01-06');
  await approveRequest(gaoyang, '孝离退党字〔2023〕2号', '2023-01-10');
  const step = (name: string, body: object) => post(`/elections/${gaoyang}/${name}`, body);
  await step('nominations', {
    nominee: person('郭守信'),
    forPost: 'secretary',
    nominatedBy: '孝义市离退休干部党委',
    occurredAt: '2023-01-20',
  });
  await step('slate', {
    committeeCandidates: [],
    secretaryCandidates: [person('郭守信')],
    deputySecretaryCandidates: [],
    occurredAt: '2023-02-01',
  });
  await step('approve-slate', {
    approvalReference: '孝离退党字〔2023〕5号',
    approvedOn: '2023-02-05',
    occurredAt: '2023-02-05',
  });
  const present = ['郭守信', '何翠英', '罗长青'].map(person);
  await step('assembly', {
    exclusions: [],
    presentVoters: present,
    nonVotingAttendees: [],
    scrutineers: [person('何翠英')],
    scrutineersApproval: { for: 3, against: 0, abstain: 0 },
    tellers: [person('罗长青')],
    electionMethodAdoption: { for: 3, against: 0, abstain: 0 },
    occurredAt: '2023-02-20',
  });
  await step('ballots', {
    race: 'secretary',
    issued: 3,
    ballots: present.map(() => ({ marks: { [members['郭守信']!]: 'for' } })),
    occurredAt: '2023-02-20',
  });
  await step('count', { race: 'secretary', occurredAt: '2023-02-20' });
  await step('report', { reportReference: '高阳镇离退休干部党支部〔2023〕1号', occurredAt: '2023-02-22' });
  await step('approve-result', {
    approvalReference: '孝离退党字〔2023〕9号',
    approvedOn: '2023-02-28',
    occurredAt: '2023-02-28',
  });
  await step('request-installation', { occurredAt: '2023-02-28' });
  await settled(base, authorization, gaoyang);

  return {
    committeeId,
    branches,
    elections: { fuqian, xinyi, chongwen, dongguan, gaoyang },
    members,
    restructuringId,
    campaignId,
  };
}

/** Waits until the installation is carried out and nothing more is being appended. */
async function settled(base: string, authorization: string, electionId: string): Promise<void> {
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: { Authorization: authorization } });
    return (await response.json()) as Record<string, unknown>;
  };
  const deadline = Date.now() + 20_000;
  while ((await get(`/elections/${electionId}`)).state !== undefined) {
    const view = await get(`/elections/${electionId}`);
    if ((view.state as { status: string }).status === 'installed') return;
    if (Date.now() > deadline) throw new Error(`the election ${electionId} was not installed within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the election ${electionId} has no state`);
}
