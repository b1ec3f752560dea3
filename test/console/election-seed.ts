/**
 * What the 换届 browser test starts from, made through the API: the committee, one branch with
 * eight full members, and the secretary they elected in 2020 (whose term the census finds). Every
 * command carries a fixed Idempotency-Key and business date, so every name and date the screens
 * show is the same on each run; the election itself is driven through the console alone.
 */
export const BRANCH = '文昌社区离退休干部党支部';

export const MEMBERS = ['王志远', '李淑珍', '张建华', '刘桂芳', '陈国栋', '杨秀兰', '赵德胜', '黄玉梅'] as const;
export type MemberName = (typeof MEMBERS)[number];

export interface ElectionSeed {
  readonly committeeId: string;
  readonly branchId: string;
  readonly members: Readonly<Record<MemberName, string>>;
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
  const members = {} as Record<MemberName, string>;
  for (const [index, name] of MEMBERS.entries()) {
    const year = 1946 + index;
    members[name] = await post('/members', {
      name,
      birthDate: `${year}-0${(index % 9) + 1}-15`,
      sex: index % 2 === 0 ? 'male' : 'female',
      joinedPartyOn: `${year + 25}-07-01`,
      formerPostLevel: '科级',
      membership: 'full',
      branchId,
      occurredAt: '2020-02-01',
    });
  }
  await post(`/branches/${branchId}/posts`, {
    kind: 'secretary',
    source: 'elected',
    holder: { personId: members['王志远'], name: '王志远' },
    startDate: '2020-06-30',
    occurredAt: '2020-06-30',
  });
  return { committeeId, branchId, members };
}
