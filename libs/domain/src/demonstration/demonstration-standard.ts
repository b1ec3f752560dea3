/**
 * The standard a 示范党支部 is judged on, as versioned policy data with its source: the 六好
 * criteria, assessed with a pass or a score, and the 一场所八个有四清楚 checklist, each item
 * needing evidence before the superior may approve. A campaign records the version it was
 * launched under, so a later standard never changes how an earlier campaign is judged.
 */
export interface DemonstrationCriterion {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

export type ChecklistGroup = 'venue' | 'haves' | 'clear';

export interface ChecklistItem extends DemonstrationCriterion {
  /** 一场所, 八个有 or 四清楚. */
  readonly group: ChecklistGroup;
}

export interface DemonstrationStandard {
  readonly version: string;
  readonly description: string;
  /** Where the criteria and the checklist are written. */
  readonly source: string;
  /** A score, when given, passes from this mark (out of 100). */
  readonly passingScore: number;
  readonly criteria: readonly DemonstrationCriterion[];
  readonly checklist: readonly ChecklistItem[];
}

const item = (group: ChecklistGroup, id: string, zh: string, en: string): ChecklistItem => ({ group, id, zh, en });

/**
 * 孝义 2022 (吕梁 checklist). Every item below is written out in the source article, part 四:
 * “围绕‘六好’（组织设置好、班子建设好、党员队伍好、学习活动好、作用发挥好、制度坚持好）‘一场所八个有四清楚’
 * （一个活动场所，有标志、有党旗、有设施、有制度、有书报、有台账、有微信平台、有宣传专栏，党支部基本情况清楚、
 * 党员信息清楚、党费收缴清楚、工作开展状况清楚）创建标准”. The passing score of 60 is not in the
 * article: it is the usual pass mark, kept here so a deployment can change it by a new version.
 */
export const DEMONSTRATION_STANDARDS: readonly DemonstrationStandard[] = [
  {
    version: 'xiaoyi-2022',
    description: '六好 and 一场所八个有四清楚, as the 孝义 retired cadres bureau applied them in 2022.',
    source:
      '《【孝义】坚持“四加”并举 推动离退休干部党组织建设提质增效》 part 四 (docs/rules.md §13); 六好 also in the 2022 中办意见 (RULES.md).',
    passingScore: 60,
    criteria: [
      { id: 'organisationSetUp', zh: '组织设置好', en: 'organisation well set up' },
      { id: 'leadershipTeam', zh: '班子建设好', en: 'leadership team well built' },
      { id: 'memberBody', zh: '党员队伍好', en: 'members well managed' },
      { id: 'studyActivities', zh: '学习活动好', en: 'study and activities well held' },
      { id: 'roleFulfilled', zh: '作用发挥好', en: 'role well played' },
      { id: 'rulesKept', zh: '制度坚持好', en: 'rules well kept' },
    ],
    checklist: [
      item('venue', 'venue', '一个活动场所', 'an activity venue'),
      item('haves', 'sign', '有标志', 'a sign'),
      item('haves', 'flag', '有党旗', 'a Party flag'),
      item('haves', 'facilities', '有设施', 'facilities'),
      item('haves', 'rules', '有制度', 'written rules'),
      item('haves', 'reading', '有书报', 'books and papers'),
      item('haves', 'ledger', '有台账', 'a ledger'),
      item('haves', 'wechat', '有微信平台', 'a WeChat platform'),
      item('haves', 'noticeBoard', '有宣传专栏', 'a notice board'),
      item('clear', 'branchBasics', '党支部基本情况清楚', "the branch's basic facts clear"),
      item('clear', 'memberRecords', '党员信息清楚', "members' records clear"),
      item('clear', 'duesRecords', '党费收缴清楚', 'dues collection clear'),
      item('clear', 'workRecords', '工作开展状况清楚', 'the state of its work clear'),
    ],
  },
];

export const CURRENT_DEMONSTRATION_STANDARD = 'xiaoyi-2022';

export function demonstrationStandard(version: string): DemonstrationStandard | undefined {
  return DEMONSTRATION_STANDARDS.find((standard) => standard.version === version);
}
