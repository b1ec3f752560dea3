import { uuidV5 } from '@app/application';
import { DEMONSTRATION_STANDARDS, VOLUNTEER_KIND_LISTS } from '@app/domain';
import { DEMO_YEAR, type DemoBranch, type XiaoyiYear } from './xiaoyi-year';

/**
 * The other half of the Xiaoyi year (source article part 四) as data: the ten branches chosen for
 * 示范党支部创建 (府中, 留义 and seven other community branches, and 高阳镇), each with evidence for
 * the 13 items of 一场所八个有四清楚, the 六好, the bureau's approval, a brand and funding; the
 * secretaries' exchange visits; and the 支部引领型 volunteer teams whose activities add up to more
 * than the 600 person-times the article reports. Pure and derived from the year, so ids and
 * Idempotency-Keys are the same on every run.
 */
export const DEMONSTRATION_BRANCH_KEYS = [
  'fuzhong',
  'liuyi',
  'fudong',
  'chengbei',
  'chongwen',
  'xinyi',
  'shengxi',
  'gucheng',
  'liliu',
  'gaoyang',
] as const;

/** The article: “老同志们积极参与……各类志愿服务活动600余人次”. */
export const ARTICLE_PERSON_TIMES = 600;

const BRANDS: Readonly<Record<(typeof DEMONSTRATION_BRANCH_KEYS)[number], readonly [string, string]>> = {
  fuzhong: ['银龄先锋', '老书记带头讲党课，党员中心户联系邻里'],
  liuyi: ['红色留声机', '老党员口述党史，录音进社区广播'],
  fudong: ['夕阳红宣讲团', '红色宣讲进楼院、进学校'],
  chengbei: ['城北议事会', '老干部参与小区议事协商'],
  chongwen: ['崇文书香', '读书会与书报角，学习活动常态化'],
  xinyi: ['银发护绿', '守护绿色生态，认领绿地'],
  shengxi: ['文明劝导队', '全国文明城市创建劝导志愿服务'],
  gucheng: ['古城记忆', '整理古城老街史料，讲好身边故事'],
  liliu: ['银龄调解室', '老干部参与矛盾纠纷调解'],
  gaoyang: ['高阳老干讲堂', '镇村两级宣讲，服务乡村振兴'],
};

const KIND_TITLES: Readonly<Record<string, readonly [title: string, month: string]>> = {
  redLecture: ['红色宣讲进社区', '07'],
  greenEcology: ['守护绿色生态', '08'],
  advice: ['建言二十大', '08'],
  cultureSports: ['喜迎二十大 银龄心向党', '09'],
  civilisedCity: ['全国文明城市创建志愿服务', '10'],
  epidemicControl: ['疫情防控志愿服务', '11'],
  communityGovernance: ['基层社会治理', '12'],
};

export interface DemoEvidence {
  readonly itemId: string;
  readonly kind: 'document' | 'photo';
  readonly reference: string;
  readonly checkedOn: string;
  readonly checkedBy: string;
}

export interface DemoDemonstrationBranch {
  readonly branch: DemoBranch;
  readonly evidence: readonly DemoEvidence[];
  readonly scores: readonly (readonly [criterionId: string, score: number])[];
  readonly brand: { readonly name: string; readonly feature: string; readonly story: string };
  readonly grantId: string;
  readonly amountYuan: number;
}

export interface DemoVisit {
  readonly visitId: string;
  readonly host: DemoBranch;
  readonly visiting: readonly DemoBranch[];
  readonly visitors: readonly string[];
  readonly learned: string;
  readonly on: string;
}

export interface DemoActivity {
  readonly activityId: string;
  readonly on: string;
  readonly kind: string;
  readonly title: string;
  readonly place: string;
  readonly organiser: string;
  readonly participantIds: readonly string[];
  readonly proposals: readonly { readonly memberId: string; readonly text: string }[];
}

export interface DemoVolunteerTeam {
  readonly teamId: string;
  readonly name: string;
  readonly branch: DemoBranch;
  readonly leaderId: string;
  /** Members who join besides the leader: of the leading branch and of a neighbouring one. */
  readonly memberIds: readonly string[];
  readonly activities: readonly DemoActivity[];
}

export interface XiaoyiService {
  readonly demonstrationId: string;
  readonly title: string;
  readonly launchedOn: string;
  readonly designatedOn: string;
  readonly approvedOn: string;
  readonly approvedBy: string;
  readonly documentNumber: string;
  readonly branches: readonly DemoDemonstrationBranch[];
  readonly visits: readonly DemoVisit[];
  readonly teamsFormedOn: string;
  readonly teams: readonly DemoVolunteerTeam[];
  readonly personTimes: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function generateXiaoyiService(year: XiaoyiYear): XiaoyiService {
  const id = (kind: string, key: string) => uuidV5(`branchflow-demo:xiaoyi-${DEMO_YEAR}:${year.seed}:${kind}:${key}`);
  const standard = DEMONSTRATION_STANDARDS[0]!;
  const kinds = VOLUNTEER_KIND_LISTS[0]!.kinds.map((kind) => kind.id);
  const branchOf = (key: string): DemoBranch => {
    const branch = year.branches.find((candidate) => candidate.key === key);
    if (!branch) throw new Error(`no demo branch ${key}`);
    return branch;
  };
  // Where each member belongs once the merges and the redraw are done (March).
  const movers = new Set(year.redraw.movers);
  const finalBranch = (memberId: string, branchKey: string): string =>
    movers.has(memberId)
      ? year.redraw.newBranchKey
      : (year.merges.find((merge) => merge.sourceKey === branchKey)?.targetKey ?? branchKey);
  const rolls = new Map<string, string[]>();
  for (const member of year.members) {
    const key = finalBranch(member.memberId, member.branchKey);
    rolls.set(key, [...(rolls.get(key) ?? []), member.memberId]);
  }
  const secretaryOf = (key: string): string => {
    const election = year.elections.find((candidate) => candidate.branchKey === key);
    return election?.secretary ?? (rolls.get(key) ?? [])[0]!;
  };
  const nameOf = new Map(year.members.map((member) => [member.memberId, member.name]));

  const branches = DEMONSTRATION_BRANCH_KEYS.map((key, index): DemoDemonstrationBranch => {
    const branch = branchOf(key);
    const [name, feature] = BRANDS[key];
    return {
      branch,
      evidence: standard.checklist.map((item, itemIndex) => ({
        itemId: item.id,
        kind: item.group === 'clear' || item.id === 'rules' || item.id === 'ledger' ? 'document' : 'photo',
        reference: `${branch.shortName}-${pad(itemIndex + 1)}-${item.zh}`,
        checkedOn: `2022-09-${pad(5 + index)}`,
        checkedBy: '郭丽萍',
      })),
      scores: standard.criteria.map((criterion, c) => [criterion.id, 85 + ((index * 7 + c * 3) % 14)] as const),
      brand: { name, feature, story: `${branch.name}立足${feature.split('，')[0]}，形成“${name}”品牌。` },
      grantId: id('demonstration-grant', key),
      amountYuan: 5000,
    };
  });

  const visitsOf: readonly (readonly [host: string, visiting: readonly string[], on: string, learned: string])[] = [
    ['fuzhong', ['fudong', 'chengbei', 'chongwen'], '2022-08-18', '党员中心户联系邻里、活动阵地布置'],
    ['liuyi', ['xinyi', 'shengxi', 'gucheng'], '2022-08-25', '台账分类归档、微信平台日常维护'],
    ['gaoyang', ['liliu', 'fuzhong', 'liuyi'], '2022-09-01', '镇村两级宣讲、党费收缴公示'],
  ];
  const visits = visitsOf.map(([host, visiting, on, learned]): DemoVisit => ({
    visitId: id('demonstration-visit', host),
    host: branchOf(host),
    visiting: visiting.map(branchOf),
    visitors: visiting.map((key) => `${nameOf.get(secretaryOf(key)) ?? key}（${branchOf(key).shortName}支部书记）`),
    learned,
    on,
  }));

  const teams = DEMONSTRATION_BRANCH_KEYS.map((key, t): DemoVolunteerTeam => {
    const branch = branchOf(key);
    const leaderId = secretaryOf(key);
    const own = (rolls.get(key) ?? []).filter((memberId) => memberId !== leaderId);
    const neighbour = rolls.get(DEMONSTRATION_BRANCH_KEYS[(t + 1) % DEMONSTRATION_BRANCH_KEYS.length]!) ?? [];
    // Twelve of the branch's own members and two of the next branch's: 支部引领, open to others.
    const memberIds = [...own.slice(0, 12), ...neighbour.slice(-2)];
    const pool = [leaderId, ...memberIds];
    const activities = kinds.map((kind, k): DemoActivity => {
      const [title, month] = KIND_TITLES[kind] ?? [kind, '07'];
      const size = Math.min(pool.length, 7 + ((t * 3 + k * 5) % 6));
      const participantIds = Array.from({ length: size }, (_, i) => pool[(k * 3 + i) % pool.length]!);
      return {
        activityId: id('volunteer-activity', `${key}:${kind}`),
        on: `${DEMO_YEAR}-${month}-${pad(10 + t)}`,
        kind,
        title,
        place: key === 'gaoyang' ? '高阳镇党群服务中心' : `${branch.shortName}社区党群服务中心`,
        organiser: nameOf.get(leaderId) ?? '',
        participantIds: [...new Set(participantIds)],
        proposals:
          kind === 'advice'
            ? participantIds.slice(0, 2).map((memberId, p) => ({
                memberId,
                text: p === 0 ? '建议加强社区老年活动场所建设' : '建议推进老旧小区加装电梯',
              }))
            : [],
      };
    });
    return {
      teamId: id('volunteer-team', key),
      name: `${branch.shortName}老干部志愿服务队`,
      branch,
      leaderId,
      memberIds,
      activities,
    };
  });

  return {
    demonstrationId: id('demonstration', String(DEMO_YEAR)),
    title: `${DEMO_YEAR}年离退休干部示范党支部创建`,
    launchedOn: '2022-07-15',
    designatedOn: '2022-07-15',
    approvedOn: '2022-11-25',
    approvedBy: '中共孝义市委老干部局',
    documentNumber: '孝老干字〔2022〕28号',
    branches,
    visits,
    teamsFormedOn: '2022-06-28',
    teams,
    personTimes: teams.reduce(
      (total, team) => total + team.activities.reduce((sum, activity) => sum + activity.participantIds.length, 0),
      0,
    ),
  };
}
