import { zhDate } from '../zh-date';
import type { DepartureReason } from '../../organisation/member/member.commands';
import { citeEn, citeZh, policy, rules } from './citations';
import { DEPARTURE_LABELS, listEn, listZh } from './labels';
import { collision, malformed, RefusalCatalogue, rule, unknown } from './refusal';

/** A criterion or checklist item as a refusal names it. */
export interface NamedItem {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

/** What a branch that is not open was asked to do. */
export type OpenBranchPurpose = 'designation' | 'visit' | 'volunteerTeam';

const PURPOSE: Readonly<Record<OpenBranchPurpose, { readonly zh: string; readonly en: string }>> = {
  designation: { zh: '确定为示范创建支部', en: 'be chosen for demonstration' },
  visit: { zh: '参加交流学习', en: 'take part in an exchange visit' },
  volunteerTeam: { zh: '牵头组建志愿服务队', en: 'lead a volunteer team' },
};

const zhItems = (items: readonly NamedItem[]): string => listZh(items.map((item) => `“${item.zh}”`));
const enItems = (items: readonly NamedItem[]): string => listEn(items.map((item) => `"${item.en}" (${item.zh})`));

/** Refusals of 示范党支部创建 (docs/rules.md §13) and 志愿服务 (§14). */
export const DEMONSTRATION_REFUSALS = {
  DEMONSTRATION_CAMPAIGN_NOT_FOUND: unknown<{ readonly campaignId: string }>({
    en: (d) =>
      `Demonstration campaign ${d.campaignId} has not been launched; branches are chosen and judged within one.`,
    zh: (d) => `示范创建活动 ${d.campaignId} 尚未启动：示范创建支部须在启动的创建活动中确定和评定。`,
    examples: [{ campaignId: 'd-9' }],
  }),
  DEMONSTRATION_CAMPAIGN_ALREADY_EXISTS: collision<{ readonly campaignId: string; readonly title: string }>({
    en: (d) =>
      `Demonstration campaign ${d.campaignId} was already launched as "${d.title}"; a campaign is launched once.`,
    zh: (d) => `示范创建活动 ${d.campaignId} 已经启动（${d.title}）：同一创建活动只能启动一次。`,
    examples: [{ campaignId: 'd-1', title: '2022年示范党支部创建' }],
  }),
  DEMONSTRATION_STANDARD_UNKNOWN: malformed<{ readonly version: string; readonly known: readonly string[] }>({
    en: (d) =>
      `There is no demonstration standard ${d.version}; the standards published are ${listEn(d.known)} ${citeEn(rules('13'))}.`,
    zh: (d) => `没有版本为 ${d.version} 的示范创建标准：已有的标准为 ${listZh(d.known)}${citeZh(rules('13'))}。`,
    examples: [{ version: 'x', known: ['xiaoyi-2022'] }],
  }),
  DEMONSTRATION_BRANCH_NOT_OPEN: rule<{
    readonly branchId: string;
    readonly branchStatus: 'dissolved' | 'notFound';
    readonly purpose: OpenBranchPurpose;
  }>({
    en: (d) =>
      `Branch ${d.branchId} is ${d.branchStatus === 'dissolved' ? 'dissolved' : 'not on record'}; only an open branch can ${PURPOSE[d.purpose].en} ${citeEn(rules(d.purpose === 'volunteerTeam' ? '14' : '13'))}.`,
    zh: (d) =>
      `支部 ${d.branchId} ${d.branchStatus === 'dissolved' ? '已撤销' : '不存在'}：只有存续的支部才能${PURPOSE[d.purpose].zh}${citeZh(rules(d.purpose === 'volunteerTeam' ? '14' : '13'))}。`,
    examples: [
      { branchId: 'b-ys', branchStatus: 'dissolved', purpose: 'designation' },
      { branchId: 'b-9', branchStatus: 'notFound', purpose: 'volunteerTeam' },
    ],
  }),
  DEMONSTRATION_BRANCH_NOT_DESIGNATED: rule<{ readonly campaignId: string; readonly branchId: string }>({
    en: (d) =>
      `Branch ${d.branchId} was not chosen for demonstration campaign ${d.campaignId}; evidence, assessments, approval, brand, funding and visits are recorded for a chosen branch ${citeEn(rules('13'))}.`,
    zh: (d) =>
      `支部 ${d.branchId} 不是示范创建活动 ${d.campaignId} 确定的示范创建支部：创建材料、评定、命名、品牌、经费和交流学习只记在确定的示范创建支部名下${citeZh(rules('13'))}。`,
    examples: [{ campaignId: 'd-1', branchId: 'b-9' }],
  }),
  DEMONSTRATION_ITEM_UNKNOWN: malformed<{
    readonly itemId: string;
    readonly standardVersion: string;
    readonly known: readonly string[];
  }>({
    en: (d) =>
      `The checklist of standard ${d.standardVersion} has no item ${d.itemId}; its items are ${listEn(d.known)}.`,
    zh: (d) =>
      `示范创建标准 ${d.standardVersion} 的“一场所八个有四清楚”中没有 ${d.itemId} 这一项：各项为 ${listZh(d.known)}。`,
    examples: [{ itemId: 'x', standardVersion: 'xiaoyi-2022', known: ['venue', 'sign'] }],
  }),
  DEMONSTRATION_CRITERION_UNKNOWN: malformed<{
    readonly criterionId: string;
    readonly standardVersion: string;
    readonly known: readonly string[];
  }>({
    en: (d) =>
      `Standard ${d.standardVersion} has no criterion ${d.criterionId}; its six-good criteria are ${listEn(d.known)}.`,
    zh: (d) => `示范创建标准 ${d.standardVersion} 的“六好”中没有 ${d.criterionId}：六好为 ${listZh(d.known)}。`,
    examples: [{ criterionId: 'x', standardVersion: 'xiaoyi-2022', known: ['organisationSetUp'] }],
  }),
  DEMONSTRATION_EVIDENCE_CHECKED_LATER: rule<{ readonly checkedOn: string; readonly recordedOn: string }>({
    en: (d) =>
      `The evidence is dated as checked on ${d.checkedOn}, after it is recorded on ${d.recordedOn}; what is recorded has been checked already.`,
    zh: (d) => `创建材料的核查日期${zhDate(d.checkedOn)}晚于登记日期${zhDate(d.recordedOn)}：只能登记已经核查的材料。`,
    examples: [{ checkedOn: '2022-09-01', recordedOn: '2022-08-01' }],
  }),
  DEMONSTRATION_ASSESSMENT_INVALID: malformed<{
    readonly criterionId: string;
    readonly score: number | null;
    readonly passed: boolean | null;
    readonly passingScore: number;
  }>({
    en: (d) =>
      d.score === null && d.passed === null
        ? `The assessment of ${d.criterionId} gives neither a score nor pass/fail; it needs one.`
        : d.score !== null && (d.score < 0 || d.score > 100 || !Number.isFinite(d.score))
          ? `The score ${d.score} for ${d.criterionId} is not between 0 and 100.`
          : `The score ${String(d.score)} for ${d.criterionId} ${d.passed === true ? 'fails' : 'passes'} (the pass mark is ${d.passingScore}), but the assessment says ${d.passed === true ? 'passed' : 'failed'}.`,
    zh: (d) =>
      d.score === null && d.passed === null
        ? `对 ${d.criterionId} 的评定既无分数也无是否达标：须给出其一。`
        : d.score !== null && (d.score < 0 || d.score > 100 || !Number.isFinite(d.score))
          ? `对 ${d.criterionId} 的评分 ${d.score} 不在 0 至 100 之间。`
          : `对 ${d.criterionId} 的评分 ${String(d.score)} 与“${d.passed === true ? '达标' : '未达标'}”不符：达标分数为 ${d.passingScore} 分。`,
    examples: [
      { criterionId: 'rulesKept', score: null, passed: null, passingScore: 60 },
      { criterionId: 'rulesKept', score: 120, passed: null, passingScore: 60 },
      { criterionId: 'rulesKept', score: 50, passed: true, passingScore: 60 },
    ],
  }),
  DEMONSTRATION_CHECKLIST_INCOMPLETE: rule<{
    readonly branchId: string;
    readonly missing: readonly NamedItem[];
    readonly standardVersion: string;
  }>({
    en: (d) =>
      `Branch ${d.branchId} cannot be approved as a demonstration branch: ${d.missing.length} of the checklist items (one venue, eight haves, four clears) ${d.missing.length === 1 ? 'has' : 'have'} no evidence yet: ${enItems(d.missing)} ${citeEn(rules('13'), policy(d.standardVersion))}.`,
    zh: (d) =>
      `支部 ${d.branchId} 尚不能命名为示范党支部：“一场所八个有四清楚”中${zhItems(d.missing)}共 ${d.missing.length} 项尚无创建材料${citeZh(rules('13'), policy(d.standardVersion))}。`,
    examples: [
      {
        branchId: 'b-fz',
        missing: [{ id: 'wechat', zh: '有微信平台', en: 'a WeChat platform' }],
        standardVersion: 'xiaoyi-2022',
      },
    ],
  }),
  DEMONSTRATION_CRITERIA_NOT_MET: rule<{
    readonly branchId: string;
    readonly unmet: readonly NamedItem[];
    readonly standardVersion: string;
  }>({
    en: (d) =>
      `Branch ${d.branchId} cannot be approved as a demonstration branch: the six-good criteria ${enItems(d.unmet)} are not yet assessed as met ${citeEn(rules('13'), policy(d.standardVersion))}.`,
    zh: (d) =>
      `支部 ${d.branchId} 尚不能命名为示范党支部：“六好”中${zhItems(d.unmet)}尚未评定为达标${citeZh(rules('13'), policy(d.standardVersion))}。`,
    examples: [
      {
        branchId: 'b-fz',
        unmet: [{ id: 'rulesKept', zh: '制度坚持好', en: 'rules well kept' }],
        standardVersion: 'xiaoyi-2022',
      },
    ],
  }),
  DEMONSTRATION_ALREADY_APPROVED: collision<{ readonly branchId: string; readonly documentNumber: string }>({
    en: (d) =>
      `Branch ${d.branchId} was already approved as a demonstration branch by ${d.documentNumber}; it is approved once per campaign.`,
    zh: (d) => `支部 ${d.branchId} 已经命名为示范党支部（${d.documentNumber}）：每次创建活动只命名一次。`,
    examples: [{ branchId: 'b-fz', documentNumber: '孝老干字〔2022〕9号' }],
  }),
  DEMONSTRATION_FUNDING_INVALID: malformed<{ readonly amountYuan: number }>({
    en: (d) => `The funding amount ${d.amountYuan} is not a positive whole number of yuan.`,
    zh: (d) => `经费金额 ${d.amountYuan} 无效：须为正整数（元）。`,
    examples: [{ amountYuan: 0 }],
  }),
  DEMONSTRATION_GRANT_ALREADY_RECORDED: collision<{ readonly grantId: string }>({
    en: (d) => `Funding grant ${d.grantId} is already recorded with other figures; a grant is recorded once.`,
    zh: (d) => `经费拨付 ${d.grantId} 已按其他金额或用途登记：同一笔经费只登记一次。`,
    examples: [{ grantId: 'f-1' }],
  }),
  EXCHANGE_VISIT_TO_ITSELF: rule<{ readonly branchId: string }>({
    en: (d) =>
      `Branch ${d.branchId} is named as both host and visitor; an exchange visit is between branches ${citeEn(rules('13'))}.`,
    zh: (d) => `支部 ${d.branchId} 既是被学习的支部又是来访支部：交流学习须在不同支部之间进行${citeZh(rules('13'))}。`,
    examples: [{ branchId: 'b-fz' }],
  }),
  EXCHANGE_VISIT_ALREADY_RECORDED: collision<{ readonly visitId: string }>({
    en: (d) => `Exchange visit ${d.visitId} is already recorded differently; a visit is recorded once.`,
    zh: (d) => `交流学习 ${d.visitId} 已按其他内容登记：同一次交流学习只登记一次。`,
    examples: [{ visitId: 'v-1' }],
  }),

  VOLUNTEER_TEAM_NOT_FOUND: unknown<{ readonly teamId: string }>({
    en: (d) => `Volunteer team ${d.teamId} has not been formed.`,
    zh: (d) => `志愿服务队 ${d.teamId} 尚未组建。`,
    examples: [{ teamId: 't-9' }],
  }),
  VOLUNTEER_TEAM_ALREADY_EXISTS: collision<{ readonly teamId: string; readonly name: string }>({
    en: (d) => `Volunteer team ${d.teamId} was already formed as ${d.name}; a team is formed once.`,
    zh: (d) => `志愿服务队 ${d.teamId} 已经组建（${d.name}）：同一服务队只组建一次。`,
    examples: [{ teamId: 't-1', name: '府中社区老干部志愿服务队' }],
  }),
  VOLUNTEER_MEMBER_LEFT: rule<{
    readonly memberId: string;
    readonly name: string;
    readonly leftOn: string;
    readonly reason: DepartureReason;
    readonly on: string;
  }>({
    en: (d) =>
      `${d.name} left the Party organisation on ${d.leftOn} (${DEPARTURE_LABELS[d.reason].en}), so cannot serve as a volunteer on ${d.on}; only a member on the roll joins a team or an activity ${citeEn(rules('14'))}.`,
    zh: (d) =>
      `${d.name}已于${zhDate(d.leftOn)}离开党组织（${DEPARTURE_LABELS[d.reason].zh}），不能作为${zhDate(d.on)}的志愿服务参与人：只有在册党员才能加入服务队或参加志愿服务活动${citeZh(rules('14'))}。`,
    examples: [{ memberId: 'm-1', name: '李全爱', leftOn: '2022-03-01', reason: 'death', on: '2022-05-01' }],
  }),
  VOLUNTEER_KIND_UNKNOWN: rule<{ readonly kind: string; readonly version: string; readonly kinds: readonly string[] }>({
    en: (d) =>
      `"${d.kind}" is not a kind of volunteer service in list ${d.version}; the kinds are ${listEn(d.kinds)} ${citeEn(rules('14'), policy(d.version))}.`,
    zh: (d) =>
      `“${d.kind}”不在志愿服务类别清单 ${d.version} 中：类别为 ${listZh(d.kinds)}${citeZh(rules('14'), policy(d.version))}。`,
    examples: [{ kind: 'x', version: 'xiaoyi-2022', kinds: ['redLecture（红色宣讲）'] }],
  }),
  VOLUNTEER_PROPOSALS_OUTSIDE_ADVICE: rule<{ readonly kind: string }>({
    en: (d) => `Proposals are collected in advice activities only, not in a ${d.kind} activity ${citeEn(rules('14'))}.`,
    zh: (d) => `建议只在“建言献策”活动中收集，${d.kind}活动不收集建议${citeZh(rules('14'))}。`,
    examples: [{ kind: '红色宣讲' }],
  }),
  VOLUNTEER_ACTIVITY_INVALID: malformed<{
    readonly problem: 'noParticipants' | 'duplicateParticipant';
    readonly memberId: string | null;
  }>({
    en: (d) =>
      d.problem === 'noParticipants'
        ? 'A volunteer activity is recorded with its participants; none were given.'
        : `Participant ${String(d.memberId)} is listed twice; each member takes part once in an activity.`,
    zh: (d) =>
      d.problem === 'noParticipants'
        ? '志愿服务活动须登记参与人：未提供参与人。'
        : `参与人 ${String(d.memberId)} 重复列出：同一活动每人只计一人次。`,
    examples: [
      { problem: 'noParticipants', memberId: null },
      { problem: 'duplicateParticipant', memberId: 'm-1' },
    ],
  }),
  VOLUNTEER_ACTIVITY_LATER: rule<{ readonly on: string; readonly recordedOn: string }>({
    en: (d) =>
      `The activity is dated ${d.on}, after it is recorded on ${d.recordedOn}; an activity is recorded once it has taken place.`,
    zh: (d) => `活动日期${zhDate(d.on)}晚于登记日期${zhDate(d.recordedOn)}：志愿服务活动须在开展之后登记。`,
    examples: [{ on: '2022-09-01', recordedOn: '2022-08-01' }],
  }),
  VOLUNTEER_ACTIVITY_ALREADY_RECORDED: collision<{ readonly activityId: string }>({
    en: (d) => `Volunteer activity ${d.activityId} is already recorded differently; an activity is recorded once.`,
    zh: (d) => `志愿服务活动 ${d.activityId} 已按其他内容登记：同一活动只登记一次。`,
    examples: [{ activityId: 'a-1' }],
  }),
} as const satisfies RefusalCatalogue;
