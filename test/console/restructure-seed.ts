/**
 * The records the 调整 wizard and 组织架构 are tested and pictured on, made through the API as the
 * bureau's clerk would make them, every act on its business date and every command with a fixed
 * Idempotency-Key, so ids and every date shown are the same on each run: one committee, five
 * community branches with their members, 西关's secretary, and 西关's election begun (its census).
 * 振兴 (2 members) and 永盛 (3) are the branches the test merges into 西关 through the wizard;
 * 新义's dissolution into 府东 is proposed and waits for approval.
 */
export interface RestructureSeed {
  readonly committeeId: string;
  readonly branches: Readonly<Record<BranchKey, string>>;
  readonly xiguanElection: string;
  /** 新义 into 府东, proposed and left waiting for approval: the 409 case. */
  readonly waitingDissolution: string;
}

type BranchKey = 'zhenxing' | 'yongsheng' | 'xiguan' | 'fudong' | 'xinyi';

export const BRANCH_NAMES: Readonly<Record<BranchKey, string>> = {
  zhenxing: '振兴社区离退休干部党支部',
  yongsheng: '永盛社区离退休干部党支部',
  xiguan: '西关社区离退休干部党支部',
  fudong: '府东社区离退休干部党支部',
  xinyi: '新义社区离退休干部党支部',
};

/** Each branch's members: name, sex, birth date, full or probationary. */
export const ROLLS: Readonly<Record<BranchKey, readonly (readonly [string, 'male' | 'female', string, boolean?])[]>> = {
  zhenxing: [
    ['高凤英', 'female', '1948-04-25'],
    ['林宝山', 'male', '1946-08-08'],
  ],
  yongsheng: [
    ['宋建华', 'male', '1950-02-17'],
    ['曹秀琴', 'female', '1953-07-03'],
    ['许国栋', 'male', '1955-11-21', true],
  ],
  xiguan: [
    ['马文斌', 'male', '1951-01-21'],
    ['朱玉梅', 'female', '1957-06-09'],
    ['胡永祥', 'male', '1949-11-30'],
    ['田淑珍', 'female', '1952-05-14'],
  ],
  fudong: [
    ['郑国华', 'male', '1950-05-27'],
    ['冯秀兰', 'female', '1954-08-16'],
    ['韩立新', 'male', '1952-03-03'],
  ],
  xinyi: [
    ['刘德明', 'male', '1946-09-12'],
    ['陈桂兰', 'female', '1953-04-02'],
    ['杨振华', 'male', '1951-12-24'],
  ],
};

export async function seedRestructure(base: string, authorization: string): Promise<RestructureSeed> {
  let key = 0;
  const post = async (path: string, body: object): Promise<string> => {
    key += 1;
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/json',
        'Accept-Language': 'en',
        'Idempotency-Key': `restructure-${String(key).padStart(4, '0')}`,
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
  for (const [branchKey, name] of Object.entries(BRANCH_NAMES) as [BranchKey, string][]) {
    branches[branchKey] = await post('/branches', {
      name,
      parentCommitteeId: committeeId,
      managementLinks: [{ kind: 'community', name: `${name.slice(0, 2)}社区党委` }],
      occurredAt: '2020-01-10',
    });
  }
  const members: Record<string, string> = {};
  for (const [branchKey, roll] of Object.entries(ROLLS) as [BranchKey, (typeof ROLLS)[BranchKey]][]) {
    for (const [name, sex, birthDate, probationary] of roll) {
      members[name] = await post('/members', {
        name,
        birthDate,
        sex,
        joinedPartyOn: `${Number(birthDate.slice(0, 4)) + 25}-07-01`,
        formerPostLevel: '科级',
        membership: probationary ? 'probationary' : 'full',
        branchId: branches[branchKey],
        occurredAt: '2020-02-01',
      });
    }
  }
  await post(`/branches/${branches.xiguan}/posts`, {
    kind: 'secretary',
    source: 'elected',
    holder: { personId: members['马文斌'], name: '马文斌' },
    startDate: '2020-12-31',
    occurredAt: '2020-12-31',
  });
  const xiguanElection = await post('/elections', {
    branchId: branches.xiguan,
    committeeWorking: '未设支委会，由书记主持工作，组织生活正常开展。',
    secretarySituation: '书记身体较好，本人服从组织安排。',
    occurredAt: '2023-03-01',
  });
  const waitingDissolution = await post('/restructurings/dissolution', {
    branchId: branches.xinyi,
    destinationBranchId: branches.fudong,
    reason: '新义社区撤销，党员转入府东社区离退休干部党支部。',
    occurredAt: '2023-04-20',
  });
  return { committeeId, branches, xiguanElection, waitingDissolution };
}
