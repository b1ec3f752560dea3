/**
 * What the 换届 browser test starts from, made through the API: the committee, one branch with
 * eight full members, and the secretary they elected in 2020 (whose term the census finds). Every
 * command carries a fixed Idempotency-Key and business date, so every name and date the screens
 * show is the same on each run; the election itself is driven through the console alone.
 */
export const BRANCH = '文昌社区离退休干部党支部';

export const MEMBERS = ['王志远', '李淑珍', '张建华', '刘桂芳', '陈国栋', '杨秀兰', '赵德胜', '黄玉梅'] as const;
export type MemberName = (typeof MEMBERS)[number];

/** A second branch, whose election reaches its assembly through the API, for the runoff. */
export const SECOND_BRANCH = '新华社区离退休干部党支部';
export const SECOND_MEMBERS = ['孙立新', '周慧敏', '吴振国', '郑秀云', '冯德明', '何丽娟', '许建军', '曹玉兰'] as const;
export type SecondMemberName = (typeof SECOND_MEMBERS)[number];

export interface ElectionSeed {
  readonly committeeId: string;
  readonly branchId: string;
  readonly members: Readonly<Record<MemberName, string>>;
  readonly second: {
    readonly branchId: string;
    readonly electionId: string;
    readonly members: Readonly<Record<SecondMemberName, string>>;
  };
}

export async function seedElectionBranch(base: string, authorization: string): Promise<ElectionSeed> {
  let key = 0;
  const post = async (path: string, body: object): Promise<string> => {
    key += 1;
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'Idempotency-Key': `election-seed-${String(key).padStart(3, '0')}`,
      },
      body: JSON.stringify(body),
    });
    if (![200, 201, 202].includes(response.status))
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    const answer = (await response.json()) as { id: string; createdId?: string };
    return answer.createdId ?? answer.id;
  };
  const committeeId = await post('/committees', {
    name: '孝义市离退休干部党委',
    kind: 'committee',
    occurredAt: '2020-01-01',
  });
  const branchId = await post('/branches', { name: BRANCH, parentCommitteeId: committeeId, occurredAt: '2020-01-10' });
  const admit = async <N extends string>(names: readonly N[], branch: string): Promise<Record<N, string>> => {
    const ids = {} as Record<N, string>;
    for (const [index, name] of names.entries()) {
      const year = 1946 + index;
      ids[name] = await post('/members', {
        name,
        birthDate: `${year}-0${(index % 9) + 1}-15`,
        sex: index % 2 === 0 ? 'male' : 'female',
        joinedPartyOn: `${year + 25}-07-01`,
        formerPostLevel: '科级',
        membership: 'full',
        branchId: branch,
        occurredAt: '2020-02-01',
      });
    }
    return ids;
  };
  const members = await admit(MEMBERS, branchId);
  await post(`/branches/${branchId}/posts`, {
    kind: 'secretary',
    source: 'elected',
    holder: { personId: members['王志远'], name: '王志远' },
    startDate: '2020-06-30',
    occurredAt: '2020-06-30',
  });

  // The second branch's election, up to the slate approved (so its assembly is the console's).
  const secondBranchId = await post('/branches', {
    name: SECOND_BRANCH,
    parentCommitteeId: committeeId,
    occurredAt: '2020-01-10',
  });
  const second = await admit(SECOND_MEMBERS, secondBranchId);
  const person = (name: SecondMemberName) => ({ personId: second[name], name });
  const electionId = await post('/elections', {
    branchId: secondBranchId,
    committeeWorking: '支委会能正常开展工作。',
    secretarySituation: '书记身体较好，本人服从组织安排。',
    occurredAt: '2023-03-02',
  });
  const step = (name: string, body: object) => post(`/elections/${electionId}/${name}`, body);
  await step('request', {
    plannedDate: '2023-05-21',
    committee: true,
    committeeSeats: 3,
    deputySecretary: false,
    electionMethod: '差额选举，无记名投票',
    nominationMethod: '老干部推荐、党内提名、组织审查',
    occurredAt: '2023-03-10',
  });
  await step('approve-request', {
    approvalReference: '孝老干党字〔2023〕13号',
    approvedOn: '2023-03-20',
    occurredAt: '2023-03-20',
  });
  const candidates = (['孙立新', '周慧敏', '吴振国', '郑秀云'] as const).map(person);
  for (const nominee of candidates) {
    await step('nominations', {
      nominee,
      forPost: 'committee',
      nominatedBy: '上届支部委员会',
      occurredAt: '2023-03-25',
    });
  }
  await step('slate', {
    committeeCandidates: candidates,
    secretaryCandidates: [person('孙立新')],
    deputySecretaryCandidates: [],
    occurredAt: '2023-04-01',
  });
  await step('approve-slate', {
    approvalReference: '孝老干党字〔2023〕16号',
    approvedOn: '2023-04-12',
    occurredAt: '2023-04-12',
  });
  return { committeeId, branchId, members, second: { branchId: secondBranchId, electionId, members: second } };
}
