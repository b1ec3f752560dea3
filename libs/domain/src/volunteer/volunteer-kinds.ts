/**
 * The kinds of volunteer service an activity is recorded under, as versioned policy data with its
 * source. `advice` (建言献策) is the kind whose activities collect proposals.
 */
export interface VolunteerKind {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

export interface VolunteerKindList {
  readonly version: string;
  readonly source: string;
  readonly kinds: readonly VolunteerKind[];
  /** The kind whose activities collect proposals. */
  readonly adviceKind: string;
}

/**
 * 孝义 2022: “组织开展‘建言二十大’和‘我看中国特色社会主义新时代’等活动，引导他们积极建言献策……举办‘喜迎二十大
 * 银龄心向党’系列文体活动……积极参与红色宣讲、守护绿色生态、全国文明城市创建、疫情防控、基层社会治理等各类志愿服务活动”
 * (source article, part 四; docs/rules.md §14).
 */
export const VOLUNTEER_KIND_LISTS: readonly VolunteerKindList[] = [
  {
    version: 'xiaoyi-2022',
    source: '《【孝义】坚持“四加”并举 推动离退休干部党组织建设提质增效》 part 四',
    adviceKind: 'advice',
    kinds: [
      { id: 'redLecture', zh: '红色宣讲', en: 'red lectures' },
      { id: 'greenEcology', zh: '绿色生态', en: 'green ecology' },
      { id: 'civilisedCity', zh: '文明城市创建', en: 'civilised city' },
      { id: 'epidemicControl', zh: '疫情防控', en: 'epidemic control' },
      { id: 'communityGovernance', zh: '基层社会治理', en: 'community governance' },
      { id: 'advice', zh: '建言献策', en: 'advice and proposals' },
      { id: 'cultureSports', zh: '文体活动', en: 'culture and sports' },
    ],
  },
];

export const CURRENT_VOLUNTEER_KINDS = 'xiaoyi-2022';

export function volunteerKindList(version: string): VolunteerKindList | undefined {
  return VOLUNTEER_KIND_LISTS.find((list) => list.version === version);
}
