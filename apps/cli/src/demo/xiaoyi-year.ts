import { uuidV5 } from '@app/application';
import { addDays } from '@app/domain';
import { ageOn } from '@app/read-models';
import { COMMUNITIES, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES, YOUNGER_GIVEN_NAMES } from './names';
import { SeededRandom } from './prng';

/**
 * The Xiaoyi year (../shared/domain/000_aa648f936ed4d3a2.txt) as data, generated from a fixed
 * seed: the organisation when the year begins, the restructurings, the renewal campaign and
 * every branch's election, with the business date of each act. Pure: the same seed gives the
 * same year, ids included, on every machine.
 */
export const DEMO_SEED = 20220628;
export const DEMO_YEAR = 2022;

/** Members on the community branches, the article's figure ("所属离退休干部党员1243名"). */
export const COMMUNITY_MEMBER_TOTAL = 1243;

export type Sex = 'male' | 'female';
export type PostLevel = '处级' | '科级' | '副科级' | '一般干部';

export interface DemoPerson {
  readonly personId: string;
  readonly name: string;
}

export type DemoBranchKind = 'community' | 'association' | 'town';

export interface DemoBranch {
  /** Stable key (pinyin); ids and Idempotency-Keys derive from it. */
  readonly key: string;
  readonly branchId: string;
  /** The community or unit, e.g. 府东. */
  readonly shortName: string;
  readonly name: string;
  readonly kind: DemoBranchKind;
  readonly managementLinks: readonly {
    readonly kind: 'community' | 'formerUnit' | 'association';
    readonly name: string;
  }[];
  /** The community party organisation (社区党委), for community branches. */
  readonly community: string | null;
  /** 社区党组织书记: cross-appointed vice-secretary (交叉任职) after the election. */
  readonly communitySecretary: DemoPerson | null;
  /** 社区年轻干部 assigned as the branch's party-affairs officer (党务干部). */
  readonly partyAffairsOfficer: DemoPerson | null;
  /** False for 永安, which the redraw sets up during the year. */
  readonly existsAtStart: boolean;
}

export interface DemoSuspension {
  readonly reason: 'probation';
  readonly from: string;
  readonly until: string;
  readonly documentReference: string;
}

export interface DemoMember {
  readonly memberId: string;
  /** Sequence number, for Idempotency-Keys. */
  readonly seq: number;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly joinedPartyOn: string;
  readonly formerPostLevel: PostLevel;
  readonly membership: 'full' | 'probationary';
  /** The branch the member belongs to when the year begins. */
  readonly branchKey: string;
  /** Where the member lives: the redraw moves members by address. */
  readonly address: string;
  /** 留党察看 in force during the elections. */
  readonly suspension: DemoSuspension | null;
}

export interface DemoHeldPost {
  readonly key: string;
  readonly postId: string;
  readonly kind: 'secretary' | 'committeeMember';
  readonly duty: string | null;
  readonly memberId: string;
}

/** The committee elected in 2019, whose term ends in 2022. */
export interface DemoPreviousTerm {
  readonly branchKey: string;
  readonly startDate: string;
  readonly posts: readonly DemoHeldPost[];
}

export interface DemoMerge {
  readonly key: string;
  readonly restructuringId: string;
  readonly sourceKey: string;
  readonly targetKey: string;
  readonly proposedOn: string;
  readonly approvedOn: string;
  readonly executedOn: string;
  readonly documentReference: string;
}

export interface DemoRedraw {
  readonly key: string;
  readonly restructuringId: string;
  readonly sourceKeys: readonly string[];
  readonly newBranchKey: string;
  /** Members living in the new community's streets. */
  readonly movers: readonly string[];
  readonly proposedOn: string;
  readonly approvedOn: string;
  readonly executedOn: string;
  readonly documentReference: string;
}

export interface DemoWorkingGroup {
  readonly key: string;
  readonly groupId: string;
  readonly name: string;
  readonly leader: DemoPerson & { readonly title: string };
  readonly branchKeys: readonly string[];
}

export interface DemoCampaign {
  readonly campaignId: string;
  readonly title: string;
  readonly documentNumber: string;
  readonly requirements: readonly string[];
  readonly deadline: string;
  readonly issuedOn: string;
  readonly groupsFormedOn: string;
  readonly assignedOn: string;
  readonly groups: readonly DemoWorkingGroup[];
}

/** The dates of one branch's election steps. */
export interface DemoElectionDates {
  readonly census: string;
  readonly request: string;
  readonly plannedDate: string;
  readonly requestApproved: string;
  readonly recommended: string;
  readonly nominated: string;
  readonly vetted: string;
  readonly consulted: string;
  readonly slateSubmitted: string;
  readonly slateApproved: string;
  readonly assembly: string;
  readonly resultReported: string;
  readonly resultApproved: string;
}

export interface DemoElection {
  readonly key: string;
  readonly electionId: string;
  readonly branchKey: string;
  readonly dates: DemoElectionDates;
  /** Whether the branch elects a committee (≥ 7 full members) or only a secretary. */
  readonly committee: boolean;
  readonly committeeSeats: number;
  /** Ballot order: the elected first (secretary-elect first of all), the runner-up last. */
  readonly candidates: readonly string[];
  readonly secretary: string;
  /** Committee members elected besides the secretary, with their duty. */
  readonly duties: readonly (readonly [memberId: string, duty: string])[];
  /** Not elected in the 差额 ballot. */
  readonly runnerUp: string | null;
  /** Recommended by retired cadres (老干部推荐) before the party nomination. */
  readonly recommended: readonly { readonly memberId: string; readonly by: readonly string[] }[];
  /** Excused by the superior from the number due (frail, bedridden). */
  readonly excused: readonly string[];
  /** Due voters who did not come. */
  readonly absent: readonly string[];
  readonly scrutineers: readonly string[];
  readonly tellers: readonly string[];
  /** Voters who swap one elected candidate for the runner-up on their ballot. */
  readonly dissenters: readonly string[];
  readonly reportReference: string;
  readonly approvalReference: string;
  readonly slateApprovalReference: string;
  readonly requestApprovalReference: string;
  readonly filingReference: string;
}

/** An election started for a branch that is merged away before it is held, and cancelled. */
export interface DemoCancelledElection {
  readonly key: string;
  readonly electionId: string;
  readonly branchKey: string;
  readonly census: string;
  readonly cancelledOn: string;
  readonly reason: string;
}

export interface XiaoyiYear {
  readonly seed: number;
  readonly committee: { readonly committeeId: string; readonly name: string; readonly decisionReference: string };
  readonly registeredOn: string;
  readonly branches: readonly DemoBranch[];
  readonly members: readonly DemoMember[];
  readonly previousTerms: readonly DemoPreviousTerm[];
  readonly campaign: DemoCampaign;
  readonly merges: readonly DemoMerge[];
  readonly redraw: DemoRedraw;
  readonly elections: readonly DemoElection[];
  readonly cancelledElections: readonly DemoCancelledElection[];
  /** The day after which the merges are done and the redraw is complete. */
  readonly restructuringDoneOn: string;
  readonly crossAppointedOn: string;
  readonly officersAssignedOn: string;
  /** The youngest secretary elected, and her age on her election day. */
  readonly youngestSecretary: { readonly memberId: string; readonly name: string; readonly age: number };
}

// ---------------------------------------------------------------- dates

/** The `n`-th working day (Mon–Fri) on or after `from`. */
function workingDay(from: string, n: number): string {
  let day = from;
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
  while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, 1);
  for (let i = 0; i < n; i += 1) {
    day = addDays(day, 1);
    while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, 1);
  }
  return day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// ---------------------------------------------------------------- the story's fixed facts

const COMMITTEE_NAME = '孝义市离退休干部党委';
const REGISTERED_ON = '2022-01-04';
const PREVIOUS_TERM_START = '2019-06-28';

/** 撤并: the four small community branches merged into a neighbour (the article: 永盛、三皇等4个). */
const MERGES: readonly (readonly [source: string, target: string])[] = [
  ['yongsheng', 'liuyi'],
  ['sanhuang', 'fuzhong'],
  ['dongguan', 'chengbei'],
  ['jiujie', 'gucheng'],
];
/** The redraw that sets up 永安 from the parts of 府西 and 振兴 around 永安路. */
const REDRAW_SOURCES = ['fuxi', 'zhenxing'] as const;
const YONGAN_ADDRESSES = ['永安小区', '永安路', '永安东区'];
/** Sizes that make the story: small branches merged away, the two oversized ones redrawn. */
const FIXED_SIZES: Readonly<Record<string, number>> = {
  yongsheng: 21,
  sanhuang: 17,
  dongguan: 24,
  jiujie: 19,
  fuxi: 82,
  zhenxing: 76,
};
const REDRAW_MOVERS: Readonly<Record<string, number>> = { fuxi: 26, zhenxing: 22 };

const ASSOCIATIONS: readonly {
  key: string;
  shortName: string;
  name: string;
  kind: DemoBranchKind;
  link: { kind: 'association' | 'formerUnit'; name: string };
  size: number;
}[] = [
  {
    key: 'laotixie',
    shortName: '老体协',
    name: '孝义市老年人体育协会离退休干部党支部',
    kind: 'association',
    link: { kind: 'association', name: '孝义市老年人体育协会' },
    size: 16,
  },
  {
    key: 'fupinjijinhui',
    shortName: '扶贫基金会',
    name: '孝义市扶贫基金会离退休干部党支部',
    kind: 'association',
    link: { kind: 'association', name: '孝义市扶贫基金会' },
    // Fewer than 7 full members: no committee, the assembly elects the secretary directly.
    size: 6,
  },
  {
    key: 'gaoyang',
    shortName: '高阳镇',
    name: '高阳镇老干部党支部',
    kind: 'town',
    link: { kind: 'formerUnit', name: '中共孝义市高阳镇委员会' },
    size: 38,
  },
];

/** 李全爱, 武雅君 and the youngest secretary, who is 56 on her election day (the article). */
const NAMED_SECRETARIES: readonly {
  branchKey: string;
  name: string;
  sex: Sex;
  birthDate: string;
  joinedPartyOn: string;
  address?: string;
  /** The branch whose secretary they become, when the redraw moves them first. */
  electedIn?: string;
}[] = [
  { branchKey: 'fuzhong', name: '李全爱', sex: 'male', birthDate: '1959-08-16', joinedPartyOn: '1982-07-01' },
  { branchKey: 'liuyi', name: '武雅君', sex: 'female', birthDate: '1962-11-03', joinedPartyOn: '1986-06-20' },
  // Lives on 永安路, so the redraw moves her to 永安, whose first secretary she becomes.
  {
    branchKey: 'fuxi',
    name: '郭晋梅',
    sex: 'female',
    birthDate: '1966-03-12',
    joinedPartyOn: '1990-07-01',
    address: '永安路',
    electedIn: 'yongan',
  },
];

const DUTIES = ['组织委员', '宣传委员', '纪检委员', '文体委员'] as const;

const BUREAU_LEADERS = [
  { name: '张志刚', title: '市委老干部局局长' },
  { name: '郭丽萍', title: '市委老干部局副局长' },
  { name: '任建华', title: '市委老干部局副局长、离退休干部党委书记' },
] as const;

const PLAN_REQUIREMENTS = [
  '换届要求：坚持党的领导，严格按照《中国共产党基层组织选举工作条例》和《中国共产党支部工作条例(试行)》开展换届',
  '程序步骤：摸排研判、换届请示、老干部推荐、党内提名、多方调研、社区参与、审查候选人预备人选、召开党员大会、选举结果报批',
  '书记人选：党性强、威信高、经验丰富、乐于奉献、身体较好、相对年轻',
  '班子结构：吸收社区党组织书记兼任副书记，实行交叉任职；选派社区年轻干部担任党务干部',
  '纪律要求：严肃换届纪律，严禁拉票贿选，确保换届风清气正',
];

// ---------------------------------------------------------------- the generator

export function generateXiaoyiYear(seed: number = DEMO_SEED): XiaoyiYear {
  const random = new SeededRandom(seed);
  const id = (kind: string, key: string) => uuidV5(`branchflow-demo:xiaoyi-${DEMO_YEAR}:${seed}:${kind}:${key}`);
  const usedNames = new Set<string>([...NAMED_SECRETARIES, ...BUREAU_LEADERS].map((person) => person.name));
  const uniqueName = (given: readonly string[]): string => {
    for (let attempt = 0; ; attempt += 1) {
      const name = random.weighted(SURNAMES) + random.pick(given);
      // Namesakes happen in a city; keep them rare so the demo's people are easy to tell apart.
      if (!usedNames.has(name) || attempt > 6) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const youngerPerson = (kind: string, key: string): DemoPerson => ({
    personId: id(kind, key),
    name: uniqueName(YOUNGER_GIVEN_NAMES),
  });

  // Branches -----------------------------------------------------------
  const branches: DemoBranch[] = [];
  for (const [key, shortName, street] of COMMUNITIES) {
    branches.push({
      key,
      branchId: id('branch', key),
      shortName,
      name: `${shortName}社区离退休干部党支部`,
      kind: 'community',
      managementLinks: [{ kind: 'community', name: `${street}${shortName}社区党委` }],
      community: `${street}${shortName}社区党委`,
      communitySecretary: youngerPerson('community-secretary', key),
      partyAffairsOfficer: youngerPerson('party-affairs-officer', key),
      existsAtStart: true,
    });
  }
  for (const association of ASSOCIATIONS) {
    branches.push({
      key: association.key,
      branchId: id('branch', association.key),
      shortName: association.shortName,
      name: association.name,
      kind: association.kind,
      managementLinks: [association.link],
      community: null,
      communitySecretary: null,
      partyAffairsOfficer: null,
      existsAtStart: true,
    });
  }
  const yongan: DemoBranch = {
    key: 'yongan',
    branchId: id('branch', 'yongan'),
    shortName: '永安',
    name: '永安社区离退休干部党支部',
    kind: 'community',
    managementLinks: [{ kind: 'community', name: '中阳楼街道永安社区党委' }],
    community: '中阳楼街道永安社区党委',
    communitySecretary: youngerPerson('community-secretary', 'yongan'),
    partyAffairsOfficer: youngerPerson('party-affairs-officer', 'yongan'),
    existsAtStart: false,
  };
  branches.push(yongan);
  const branchOf = (key: string): DemoBranch => {
    const found = branches.find((branch) => branch.key === key);
    if (!found) throw new Error(`no demo branch ${key}`);
    return found;
  };

  // Members ------------------------------------------------------------
  const sizes = communitySizes(random);
  const members: DemoMember[] = [];
  let seq = 0;
  const addressesOf = (branch: DemoBranch): string[] => [
    `${branch.shortName}小区`,
    `${branch.shortName}街`,
    `${branch.shortName}新村`,
  ];
  const newMember = (branch: DemoBranch, address: string, fixed?: (typeof NAMED_SECRETARIES)[number]): DemoMember => {
    seq += 1;
    const sex: Sex = fixed?.sex ?? (random.chance(0.62) ? 'male' : 'female');
    // Men retired at 60, women cadres at 55: everyone here had retired by 2021.
    const birthYear = triangular(random, 1936, sex === 'male' ? 1961 : 1966, 1951);
    const birthDate = fixed?.birthDate ?? `${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const joinYear = Math.min(Number(birthDate.slice(0, 4)) + random.int(20, 36), 2012);
    return {
      memberId: id('member', pad(seq, 4)),
      seq,
      name: fixed?.name ?? uniqueName(sex === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES),
      sex,
      birthDate,
      joinedPartyOn: fixed?.joinedPartyOn ?? `${joinYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
      formerPostLevel: fixed
        ? '科级'
        : random.weighted<PostLevel>([
            ['一般干部', 34],
            ['副科级', 28],
            ['科级', 28],
            ['处级', 10],
          ]),
      membership: 'full',
      branchKey: branch.key,
      address,
      suspension: null,
    };
  };
  for (const [index, [key]] of COMMUNITIES.entries()) {
    const branch = branchOf(key);
    const size = sizes[index] as number;
    const movers = REDRAW_MOVERS[key] ?? 0;
    const named = NAMED_SECRETARIES.filter((person) => person.branchKey === key);
    for (const person of named) members.push(newMember(branch, person.address ?? `${branch.shortName}小区`, person));
    const namedMovers = named.filter((person) => person.address !== undefined).length;
    for (let i = named.length; i < size; i += 1) {
      const moving = i - named.length < movers - namedMovers;
      members.push(newMember(branch, moving ? random.pick(YONGAN_ADDRESSES) : random.pick(addressesOf(branch))));
    }
  }
  for (const association of ASSOCIATIONS) {
    const branch = branchOf(association.key);
    for (let i = 0; i < association.size; i += 1) members.push(newMember(branch, `${branch.shortName}家属院`));
  }

  // A few probationary members (预备党员) and suspended rights (留党察看), never among the officers.
  const namedIds = new Set(members.filter((m) => usedNamedSecretary(m.name)).map((m) => m.memberId));
  const ordinary = members.filter((m) => !namedIds.has(m.memberId));
  const pickOrdinary = (count: number, filter: (m: DemoMember) => boolean) =>
    random.shuffle(ordinary.filter(filter)).slice(0, count);
  const probationary = new Set(
    pickOrdinary(6, (m) => COMMUNITIES.some(([key]) => key === m.branchKey) && m.branchKey !== 'fuxi').map(
      (m) => m.memberId,
    ),
  );
  const suspended = new Set(
    pickOrdinary(3, (m) => !probationary.has(m.memberId) && m.branchKey !== 'fupinjijinhui').map((m) => m.memberId),
  );
  let suspensionNumber = 0;
  for (const [index, member] of members.entries()) {
    if (probationary.has(member.memberId)) {
      members[index] = {
        ...member,
        membership: 'probationary',
        joinedPartyOn: `2021-${pad(random.int(7, 11))}-${pad(random.int(1, 28))}`,
      };
    } else if (suspended.has(member.memberId)) {
      suspensionNumber += 1;
      const from = `2021-${pad(random.int(8, 11))}-${pad(random.int(1, 28))}`;
      members[index] = {
        ...member,
        suspension: {
          reason: 'probation',
          from,
          until: `2022-${from.slice(5)}`,
          documentReference: `孝纪发〔2021〕${30 + suspensionNumber * 7}号`,
        },
      };
    }
  }
  const memberById = new Map(members.map((member) => [member.memberId, member]));
  const member = (memberId: string): DemoMember => memberById.get(memberId) as DemoMember;

  // Restructurings -----------------------------------------------------
  const merges: DemoMerge[] = MERGES.map(([sourceKey, targetKey], index) => ({
    key: `merge-${sourceKey}`,
    restructuringId: id('restructuring', `merge-${sourceKey}`),
    sourceKey,
    targetKey,
    proposedOn: '2022-03-01',
    approvedOn: '2022-03-08',
    executedOn: '2022-03-15',
    documentReference: `孝离退党发〔2022〕${5 + index}号`,
  }));
  const redraw: DemoRedraw = {
    key: 'redraw-yongan',
    restructuringId: id('restructuring', 'redraw-yongan'),
    sourceKeys: REDRAW_SOURCES,
    newBranchKey: 'yongan',
    movers: members
      .filter(
        (m) => (REDRAW_SOURCES as readonly string[]).includes(m.branchKey) && YONGAN_ADDRESSES.includes(m.address),
      )
      .map((m) => m.memberId),
    proposedOn: '2022-03-21',
    approvedOn: '2022-03-28',
    executedOn: '2022-04-01',
    documentReference: '孝离退党发〔2022〕9号',
  };
  const movers = new Set(redraw.movers);
  const finalBranchOf = (m: DemoMember): string =>
    movers.has(m.memberId) ? 'yongan' : (MERGES.find(([source]) => source === m.branchKey)?.[1] ?? m.branchKey);

  // The previous term (2019–2022) -------------------------------------
  const eligible = (m: DemoMember) => m.membership === 'full' && m.suspension === null;
  const previousTerms: DemoPreviousTerm[] = [];
  for (const branch of branches.filter((b) => b.existsAtStart)) {
    const roll = members.filter((m) => m.branchKey === branch.key && eligible(m) && !movers.has(m.memberId));
    const seats = roll.length >= 7 ? committeeSeatsFor(roll.length) : 1;
    const seniors = random.shuffle(
      roll.filter((m) => !namedIds.has(m.memberId) && m.formerPostLevel !== '一般干部' && m.birthDate < '1960'),
    );
    const chosen = seniors.slice(0, Math.max(seats, 1));
    const posts: DemoHeldPost[] = chosen.map((m, index) => ({
      key: `${branch.key}-2019-${index}`,
      postId: id('post', `${branch.key}-2019-${index}`),
      kind: index === 0 ? 'secretary' : 'committeeMember',
      duty: index === 0 ? null : (DUTIES[(index - 1) % DUTIES.length] as string),
      memberId: m.memberId,
    }));
    previousTerms.push({ branchKey: branch.key, startDate: PREVIOUS_TERM_START, posts });
  }

  // The campaign -------------------------------------------------------
  const surviving = branches.filter((b) => !MERGES.some(([source]) => source === b.key));
  const groups: DemoWorkingGroup[] = BUREAU_LEADERS.map((leader, index) => ({
    key: `group-${index + 1}`,
    groupId: id('working-group', String(index + 1)),
    name: `第${['一', '二', '三'][index]}换届工作领导小组`,
    leader: { personId: id('bureau-leader', String(index + 1)), name: leader.name, title: leader.title },
    branchKeys: surviving.filter((_, i) => i % 3 === index).map((b) => b.key),
  }));
  const campaign: DemoCampaign = {
    campaignId: id('campaign', String(DEMO_YEAR)),
    title: '关于离退休干部党支部换届选举工作方案',
    documentNumber: `孝老干发〔${DEMO_YEAR}〕2号`,
    requirements: PLAN_REQUIREMENTS,
    deadline: '2022-06-30',
    issuedOn: '2022-02-15',
    groupsFormedOn: '2022-02-16',
    assignedOn: '2022-02-17',
    groups,
  };

  // Elections ----------------------------------------------------------
  const elections: DemoElection[] = [];
  const censusDay = (index: number) => workingDay('2022-01-10', index % 14);
  for (const [index, branch] of surviving.entries()) {
    const roll = members.filter((m) => finalBranchOf(m) === branch.key);
    const voters = roll.filter(eligible);
    const committee = voters.length >= 7;
    const seats = committee ? committeeSeatsFor(voters.length) : 0;
    const named = NAMED_SECRETARIES.find((person) => (person.electedIn ?? person.branchKey) === branch.key);
    const namedMember = named ? roll.find((m) => m.name === named.name) : undefined;
    // 相对年轻 but experienced: a former section-level cadre under 66, born before 1964.
    const suitable = random.shuffle(
      voters.filter(
        (m) =>
          !namedIds.has(m.memberId) &&
          m.formerPostLevel !== '一般干部' &&
          m.birthDate >= '1956-07-01' &&
          m.birthDate < '1964-01-01',
      ),
    );
    const secretary =
      namedMember ??
      suitable[0] ??
      random.pick(voters.filter((m) => !namedIds.has(m.memberId) && m.birthDate < '1964-01-01'));
    const others = random.shuffle(
      voters.filter((m) => m.memberId !== secretary.memberId && !namedIds.has(m.memberId) && m.birthDate >= '1945'),
    );
    const elected = committee ? [secretary, ...others.slice(0, seats - 1)] : [secretary];
    const runnerUp = committee ? (others[seats - 1] as DemoMember) : null;
    const candidates = [...elected, ...(runnerUp ? [runnerUp] : [])].map((m) => m.memberId);
    const notCandidates = random.shuffle(voters.filter((m) => !candidates.includes(m.memberId)));
    const excused = voters.length > 30 ? notCandidates.slice(0, 1).map((m) => m.memberId) : [];
    const due = voters.length - excused.length;
    // 4/5 of those due must attend; a few stay away.
    const absentCount = Math.min(Math.floor(due * 0.12), Math.max(due - Math.ceil(due * 0.8) - 1, 0));
    const absent = notCandidates.slice(excused.length, excused.length + absentCount).map((m) => m.memberId);
    const helpers = notCandidates.slice(excused.length + absentCount);
    const scrutineers = helpers.slice(0, 2).map((m) => m.memberId);
    const tellers = helpers.slice(2, 4).map((m) => m.memberId);
    const present = voters.filter((m) => !excused.includes(m.memberId) && !absent.includes(m.memberId));
    const dissenters = committee
      ? random
          .shuffle(present)
          .slice(0, Math.floor(present.length * 0.15))
          .map((m) => m.memberId)
      : [];
    const assembly = workingDay('2022-06-01', index % 17);
    const requested = workingDay('2022-04-11', index % 5);
    const electionNumber = index + 1;
    const recommenders = random
      .shuffle(voters.filter((m) => !candidates.includes(m.memberId)))
      .slice(0, 3)
      .map((m) => m.name);
    elections.push({
      key: branch.key,
      electionId: id('election', `${branch.key}-${DEMO_YEAR}`),
      branchKey: branch.key,
      committee,
      committeeSeats: seats,
      candidates,
      secretary: secretary.memberId,
      duties: elected.slice(1).map((m, i) => [m.memberId, DUTIES[i % DUTIES.length] as string] as const),
      runnerUp: runnerUp?.memberId ?? null,
      recommended: [{ memberId: secretary.memberId, by: recommenders }],
      excused,
      absent,
      scrutineers,
      tellers,
      dissenters,
      dates: {
        census: branch.existsAtStart ? censusDay(index) : '2022-04-06',
        request: requested,
        plannedDate: assembly,
        requestApproved: workingDay('2022-04-20', index % 3),
        recommended: workingDay('2022-04-25', index % 4),
        nominated: workingDay('2022-04-29', index % 4),
        vetted: workingDay('2022-05-06', index % 5),
        consulted: workingDay('2022-05-13', index % 3),
        slateSubmitted: workingDay('2022-05-18', index % 3),
        slateApproved: workingDay('2022-05-24', index % 3),
        assembly,
        resultReported: workingDay(assembly, 2),
        resultApproved: workingDay(assembly, 5),
      },
      reportReference: `${branch.shortName}支字〔${DEMO_YEAR}〕${pad(3)}号`,
      requestApprovalReference: `孝离退党字〔${DEMO_YEAR}〕${10 + electionNumber}号`,
      slateApprovalReference: `孝离退党字〔${DEMO_YEAR}〕${40 + electionNumber}号`,
      approvalReference: `孝离退党字〔${DEMO_YEAR}〕${70 + electionNumber}号`,
      filingReference: `孝离退党备〔${DEMO_YEAR}〕${electionNumber}号`,
    });
  }
  const cancelledElections: DemoCancelledElection[] = merges.map((merge, index) => ({
    key: merge.sourceKey,
    electionId: id('election', `${merge.sourceKey}-${DEMO_YEAR}`),
    branchKey: merge.sourceKey,
    census: censusDay(surviving.length + index),
    cancelledOn: merge.approvedOn,
    reason: `${branchOf(merge.sourceKey).name}撤并至${branchOf(merge.targetKey).name}，不再单独换届`,
  }));

  const youngest = elections
    .map((election) => ({ election, secretary: member(election.secretary) }))
    .map(({ election, secretary }) => ({
      memberId: secretary.memberId,
      name: secretary.name,
      age: ageOn(secretary.birthDate, election.dates.assembly),
    }))
    .sort((a, b) => a.age - b.age)[0] as XiaoyiYear['youngestSecretary'];

  return {
    seed,
    committee: {
      committeeId: id('committee', 'xiaoyi'),
      name: COMMITTEE_NAME,
      decisionReference: '孝组字〔2019〕18号',
    },
    registeredOn: REGISTERED_ON,
    branches,
    members,
    previousTerms,
    campaign,
    merges,
    redraw,
    elections,
    cancelledElections,
    restructuringDoneOn: '2022-04-02',
    crossAppointedOn: '2022-07-05',
    officersAssignedOn: '2022-07-08',
    youngestSecretary: youngest,
  };

  function usedNamedSecretary(name: string): boolean {
    return NAMED_SECRETARIES.some((person) => person.name === name);
  }
}

/** Committee seats (secretary included): 5 for a large branch, 3 for a small one. */
function committeeSeatsFor(voters: number): number {
  return voters >= 30 ? 5 : 3;
}

/** Years between `min` and `max` peaking at `mode`. */
function triangular(random: SeededRandom, min: number, max: number, mode: number): number {
  const u = random.float();
  const split = (mode - min) / (max - min);
  const x =
    u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  return Math.round(x);
}

/** The 25 community branches' sizes, summing to the article's 1,243. */
function communitySizes(random: SeededRandom): number[] {
  const fixedTotal = Object.values(FIXED_SIZES).reduce((sum, n) => sum + n, 0);
  const free = COMMUNITIES.filter(([key]) => FIXED_SIZES[key] === undefined);
  const draws = free.map(() => random.int(40, 64));
  let remaining = COMMUNITY_MEMBER_TOTAL - fixedTotal - draws.reduce((sum, n) => sum + n, 0);
  // Spread the difference one member at a time, round-robin, so sizes stay plausible.
  for (let i = 0; remaining !== 0; i = (i + 1) % draws.length) {
    const step = remaining > 0 ? 1 : -1;
    draws[i] = (draws[i] as number) + step;
    remaining -= step;
  }
  let next = 0;
  return COMMUNITIES.map(([key]) => FIXED_SIZES[key] ?? (draws[next++] as number));
}
