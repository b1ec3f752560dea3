import { zhDate } from '../zh-date';
import { citeEn, citeZh, rules } from './citations';
import { collision, malformed, RefusalCatalogue, rule, unknown } from './refusal';

/** Refusals of the renewal campaign (换届工作): its plan, working groups and 包联. */
export const CAMPAIGN_REFUSALS = {
  CAMPAIGN_NOT_FOUND: unknown<{ readonly campaignId: string }>({
    en: (d) =>
      `Campaign ${d.campaignId} has no election plan yet; a renewal campaign begins when its election plan is issued.`,
    zh: (d) => `换届工作 ${d.campaignId} 尚未印发换届选举工作方案：换届工作自印发工作方案开始。`,
    examples: [{ campaignId: 'k-9' }],
  }),
  CAMPAIGN_ALREADY_EXISTS: collision<{ readonly campaignId: string; readonly documentNumber: string }>({
    en: (d) => `Campaign ${d.campaignId} already has the plan ${d.documentNumber}; a campaign is opened by one plan.`,
    zh: (d) => `换届工作 ${d.campaignId} 已印发工作方案（${d.documentNumber}）：一项换届工作只印发一个方案。`,
    examples: [{ campaignId: 'k-1', documentNumber: '孝老干发〔2022〕3号' }],
  }),
  DEADLINE_BEFORE_PLAN: malformed<{ readonly deadline: string; readonly issuedOn: string }>({
    en: (d) =>
      `The campaign deadline ${d.deadline} is before the plan is issued on ${d.issuedOn}; branches need time after the plan to hold their elections.`,
    zh: (d) =>
      `换届工作截止日期${zhDate(d.deadline)}早于工作方案印发日期${zhDate(d.issuedOn)}：各支部须在方案印发之后才有时间组织选举。`,
    examples: [{ deadline: '2022-01-01', issuedOn: '2022-03-01' }],
  }),
  WORKING_GROUP_ALREADY_EXISTS: collision<{ readonly groupId: string; readonly name: string }>({
    en: (d) => `Working group ${d.groupId} already exists as ${d.name}; a group is formed once under its id.`,
    zh: (d) => `领导小组 ${d.groupId} 已经成立（${d.name}）：同一编号只能成立一次。`,
    examples: [{ groupId: 'g-1', name: '第一换届工作领导小组' }],
  }),
  WORKING_GROUP_NOT_FOUND: unknown<{ readonly campaignId: string; readonly groupId: string }>({
    en: (d) =>
      `Campaign ${d.campaignId} has no working group ${d.groupId}; a branch is assigned to a group that has been formed.`,
    zh: (d) => `换届工作 ${d.campaignId} 没有领导小组 ${d.groupId}：支部只能包联到已成立的领导小组。`,
    examples: [{ campaignId: 'k-1', groupId: 'g-9' }],
  }),
  LEADER_ALREADY_LEADS_GROUP: rule<{
    readonly groupId: string;
    readonly leaderId: string;
    readonly leaderName: string;
    readonly ledGroupId: string;
    readonly ledGroupName: string;
  }>({
    en: (d) =>
      `${d.leaderName} already leads working group ${d.ledGroupName}; each renewal working group is led by its own bureau leader ${citeEn(rules('8'))}.`,
    zh: (d) =>
      `${d.leaderName}已担任${d.ledGroupName}组长：每个换届工作领导小组由一名局领导单独带领${citeZh(rules('8'))}。`,
    examples: [
      {
        groupId: 'g-2',
        leaderId: 'p-1',
        leaderName: '张局长',
        ledGroupId: 'g-1',
        ledGroupName: '第一换届工作领导小组',
      },
    ],
  }),
  BRANCH_ALREADY_ASSIGNED: collision<{
    readonly branchId: string;
    readonly groupId: string;
    readonly groupName: string;
  }>({
    en: (d) =>
      `Branch ${d.branchId} is already assigned to working group ${d.groupName}; a branch is assigned to one group per campaign, so moving it must be an explicit reassignment ${citeEn(rules('8'))}.`,
    zh: (d) =>
      `支部 ${d.branchId} 已包联至${d.groupName}：在一项换届工作中，一个支部只包联一个领导小组，改派须明确作为调整提出${citeZh(rules('8'))}。`,
    examples: [{ branchId: 'b-fd', groupId: 'g-1', groupName: '第一换届工作领导小组' }],
  }),
} as const satisfies RefusalCatalogue;
