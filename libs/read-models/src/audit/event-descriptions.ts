import type { Person, PostKind, PostEndReason, Race, RestructuringKind, VettingMethod } from '@app/domain';
import { DEMONSTRATION_STANDARDS, volunteerKindList, zhDate } from '@app/domain';
import type { KnownEvent } from '../projection/event-handlers';

/** A one-line description of an event, for people: Chinese for users, English for operators. */
export interface EventDescription {
  readonly zh: string;
  readonly en: string;
}

/**
 * Names as they stood when the event was recorded, kept by the audit projection itself (ids →
 * names from Established/Admitted/Renamed/Corrected events), so describing never replays events.
 * Each lookup falls back to the id when the name is unknown.
 */
export interface NameLookup {
  readonly committee: (id: string) => string;
  readonly branch: (id: string) => string;
  readonly member: (id: string) => string;
  /** The restructuring's kind (merge, redraw, dissolution), or null when unknown. */
  readonly restructuringKind: (id: string) => RestructuringKind | null;
  /** A campaign's plan title. */
  readonly campaign: (id: string) => string;
  /** A working group's name within its campaign. */
  readonly workingGroup: (campaignId: string, groupId: string) => string;
  /** The branch an election belongs to (from its census), or null when unknown. */
  readonly electionBranch: (electionId: string) => string | null;
  /** A demonstration campaign's title. */
  readonly demonstration: (campaignId: string) => string;
  /** A volunteer team's name. */
  readonly volunteerTeam: (teamId: string) => string;
}

/** Every event type the catalogue must describe: a new type in these unions fails to compile here. */
export type DescribedEvent = KnownEvent;
export type DescribedEventType = DescribedEvent['type'];

type Describer<E extends DescribedEvent> = (data: E['data'], names: NameLookup) => EventDescription;

/** One describer per known event type: a type without one fails to compile. */
export type EventDescriptionCatalogue = { readonly [E in DescribedEvent as E['type']]: Describer<E> };

const POST_ZH: Record<PostKind, string> = {
  secretary: '书记',
  deputySecretary: '副书记',
  committeeMember: '支部委员',
  partyAffairsOfficer: '党务干部',
};
const POST_EN: Record<PostKind, string> = {
  secretary: 'secretary',
  deputySecretary: 'deputy secretary',
  committeeMember: 'committee member',
  partyAffairsOfficer: 'party affairs officer',
};
const POST_END_ZH: Record<PostEndReason, string> = {
  termEnded: '任期届满',
  resigned: '辞职',
  removed: '免职',
  deceased: '去世',
  transferred: '调离',
  branchDissolved: '支部撤销',
  other: '其他原因',
};
const POST_END_EN: Record<PostEndReason, string> = {
  termEnded: 'term ended',
  resigned: 'resigned',
  removed: 'removed',
  deceased: 'deceased',
  transferred: 'transferred',
  branchDissolved: 'branch dissolved',
  other: 'other reason',
};
const SUSPENSION_ZH: Record<string, string> = { probation: '留党察看', detention: '留置', arrest: '逮捕' };
// `other` is what reporting jobs see for moving out and expulsion alike (reporter-fields.ts).
const DEPARTURE_ZH: Record<string, string> = {
  death: '去世',
  movedOut: '转出本系统',
  expelled: '被开除党籍',
  other: '因其他原因离开',
};
const DEPARTURE_EN: Record<string, string> = {
  death: 'died',
  movedOut: 'moved out',
  expelled: 'expelled',
  other: 'other reason',
};
const MEMBERSHIP_ZH: Record<string, string> = { full: '正式党员', probationary: '预备党员' };
const MEMBERSHIP_EN: Record<string, string> = { full: 'Full', probationary: 'Probationary' };
const LINK_ZH: Record<string, string> = { community: '社区', formerUnit: '原单位', association: '协会' };
const LINK_EN: Record<string, string> = {
  community: 'community',
  formerUnit: 'former unit',
  association: 'association',
};
const FIELD_ZH: Record<string, string> = {
  name: '姓名',
  sex: '性别',
  birthDate: '出生日期',
  joinedPartyOn: '入党时间',
  formerPostLevel: '原职级',
};
const FIELD_EN: Record<string, string> = {
  name: 'name',
  sex: 'sex',
  birthDate: 'birth date',
  joinedPartyOn: 'date of joining the Party',
  formerPostLevel: 'former post level',
};
const RESTRUCTURING_ZH: Record<RestructuringKind, string> = {
  merge: '撤并',
  redraw: '结合城市社区调整',
  dissolution: '撤销支部',
};
const RESTRUCTURING_EN: Record<RestructuringKind, string> = {
  merge: 'merge',
  redraw: 'boundary redraw',
  dissolution: 'dissolution',
};

const label = (table: Record<string, string>, key: string | null | undefined): string =>
  key === null || key === undefined ? '' : (table[key] ?? key);
const postZh = (kind: PostKind, duty: string | null | undefined): string =>
  kind === 'committeeMember' && duty ? `${POST_ZH[kind]}（${duty}）` : label(POST_ZH, kind);
const postEn = (kind: PostKind, duty: string | null | undefined): string =>
  kind === 'committeeMember' && duty ? `${POST_EN[kind]} (${duty})` : label(POST_EN, kind);
const restructuringZh = (names: NameLookup, id: string): string => {
  const kind = names.restructuringKind(id);
  return kind ? `${RESTRUCTURING_ZH[kind]}方案` : `调整方案${id}`;
};
const restructuringEn = (names: NameLookup, id: string): string => {
  const kind = names.restructuringKind(id);
  return kind ? `Restructuring (${RESTRUCTURING_EN[kind]}) ${id}` : `Restructuring ${id}`;
};
const list = (ids: readonly string[] | undefined, name: (id: string) => string, separator: string): string =>
  (ids ?? []).map(name).join(separator);

/** The parts with a non-zero count, or the first part when all are zero, so a line never ends in a colon. */
const steps = (parts: readonly (readonly [number, string])[], separator: string): string => {
  const nonZero = parts.filter(([n]) => n > 0).map(([, text]) => text);
  return (nonZero.length > 0 ? nonZero : parts.slice(0, 1).map(([, text]) => text)).join(separator);
};
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const RACE_ZH: Record<Race, string> = { committee: '支部委员会委员', secretary: '书记', deputySecretary: '副书记' };
const RACE_EN: Record<Race, string> = {
  committee: 'committee member',
  secretary: 'secretary',
  deputySecretary: 'deputy secretary',
};
const VETTING_ZH: Record<VettingMethod, string> = {
  talk: '谈心谈话',
  visit: '走访了解',
  survey: '多方调研',
  mobilisation: '思想动员',
};
const VETTING_EN: Record<VettingMethod, string> = {
  talk: 'talk',
  visit: 'visit',
  survey: 'survey',
  mobilisation: 'mobilisation talk',
};
const ROUND_ZH: Record<string, string> = { regular: '', runoff: '（再次投票）', supplementary: '（另行选举）' };
const ROUND_EN: Record<string, string> = { regular: '', runoff: ' (runoff)', supplementary: ' (supplementary ballot)' };

/** The election by its branch: the branch's name when the census named it, else the election id. */
const electionZh = (names: NameLookup, electionId: string): string => {
  const branchId = names.electionBranch(electionId);
  return branchId ? names.branch(branchId) : `选举${electionId}`;
};
const electionEn = (names: NameLookup, electionId: string): string => {
  const branchId = names.electionBranch(electionId);
  return branchId ? `Election of ${names.branch(branchId)}` : `Election ${electionId}`;
};
/** A checklist item or 六好 criterion by id: ids keep their meaning across the standard's versions. */
function standardEntry(part: 'checklist' | 'criteria', id: string): { zh: string; en: string } {
  const entry = DEMONSTRATION_STANDARDS.flatMap((standard) => standard[part]).find((candidate) => candidate.id === id);
  return entry ?? { zh: id, en: id };
}

const people = (persons: readonly Person[] | undefined, separator: string): string =>
  (persons ?? []).map((p) => p.name).join(separator);

/** A free-text reason, which a reporting job does not see (reporter-fields.ts): then no clause at all. */
const reasonZh = (reason: string | undefined): string => (reason ? `（原因：${reason}）` : '');
const reasonEn = (reason: string | undefined, separator: string): string =>
  reason ? `${separator}reason: ${reason}` : '';

const committeeLabelZh = (kind: string | undefined): string => (kind === 'general_branch' ? '党总支' : '党委');

export const EVENT_DESCRIPTIONS: EventDescriptionCatalogue = {
  PartyCommitteeEstablished: (d) => ({
    zh: `成立${d.name}${d.name.endsWith(committeeLabelZh(d.kind)) ? '' : `（${committeeLabelZh(d.kind)}）`}`,
    en: `${d.kind === 'general_branch' ? 'General branch' : 'Party committee'} ${d.name} established`,
  }),
  PartyCommitteeRenamed: (d) => ({
    zh: `${d.previousName}更名为${d.name}`,
    en: `Committee ${d.previousName} renamed to ${d.name}`,
  }),
  PartyCommitteeDissolved: (d, n) => ({
    zh: `撤销${n.committee(d.committeeId)}（原因：${d.reason}）`,
    en: `Committee ${n.committee(d.committeeId)} dissolved (reason: ${d.reason})`,
  }),

  BranchEstablished: (d, n) => ({
    zh: `新设立${d.name}${d.joint ? '（联合党支部）' : ''}，隶属${n.committee(d.parentCommitteeId)}`,
    en: `Branch ${d.name}${d.joint ? ' (joint branch)' : ''} established under ${n.committee(d.parentCommitteeId)}`,
  }),
  BranchRenamed: (d) => ({
    zh: `${d.previousName}更名为${d.name}`,
    en: `Branch ${d.previousName} renamed to ${d.name}`,
  }),
  BranchReaffiliated: (d, n) => ({
    zh: `${n.branch(d.branchId)}的隶属关系由${n.committee(d.fromCommitteeId)}调整为${n.committee(d.toCommitteeId)}`,
    en: `Branch ${n.branch(d.branchId)} reaffiliated from ${n.committee(d.fromCommitteeId)} to ${n.committee(d.toCommitteeId)}`,
  }),
  ManagementLinkAdded: (d, n) => ({
    zh: `${n.branch(d.branchId)}增加${label(LINK_ZH, d.link?.kind)}管理关系：${d.link?.name ?? ''}`,
    en: `Branch ${n.branch(d.branchId)} now also managed by ${label(LINK_EN, d.link?.kind)} ${d.link?.name ?? ''}`,
  }),
  ManagementLinkRemoved: (d, n) => ({
    zh: `${n.branch(d.branchId)}解除${label(LINK_ZH, d.link?.kind)}管理关系：${d.link?.name ?? ''}`,
    en: `Branch ${n.branch(d.branchId)} no longer managed by ${label(LINK_EN, d.link?.kind)} ${d.link?.name ?? ''}`,
  }),
  PostAssigned: (d, n) => {
    if (d.vacancyPostId !== undefined) {
      return {
        zh: `${d.post.holder.name}经补选任${n.branch(d.branchId)}${postZh(d.post.kind, d.post.duty)}，自${zhDate(d.post.startDate)}起任职至本届任期届满`,
        en: `${d.post.holder.name} by-elected ${postEn(d.post.kind, d.post.duty)} of ${n.branch(d.branchId)} from ${d.post.startDate} for the rest of the term`,
      };
    }
    const verbZh = d.post.source === 'concurrent' ? '兼任' : d.post.source === 'appointed' ? '被指派为' : '当选';
    const verbEn =
      d.post.source === 'concurrent'
        ? 'serves concurrently as'
        : d.post.source === 'appointed'
          ? 'appointed'
          : 'elected';
    return {
      zh: `${d.post.holder.name}${verbZh}${n.branch(d.branchId)}${postZh(d.post.kind, d.post.duty)}`,
      en: `${d.post.holder.name} ${verbEn} ${postEn(d.post.kind, d.post.duty)} of ${n.branch(d.branchId)}`,
    };
  },
  OfficerAppointed: (d, n) => ({
    zh: `指派${d.post.holder.name}任${n.branch(d.branchId)}${postZh(d.post.kind, d.post.duty)}`,
    en: `${d.post.holder.name} appointed ${postEn(d.post.kind, d.post.duty)} of ${n.branch(d.branchId)}`,
  }),
  ViceSecretaryCrossAppointed: (d, n) => ({
    zh: `${d.post.holder.name}交叉任职，兼任${n.branch(d.branchId)}${postZh(d.post.kind, d.post.duty)}`,
    en: `${d.post.holder.name} cross-appointed ${postEn(d.post.kind, d.post.duty)} of ${n.branch(d.branchId)}`,
  }),
  PartyAffairsOfficerAssigned: (d, n) => ({
    zh: `安排${d.post.holder.name}任${n.branch(d.branchId)}党务干部`,
    en: `${d.post.holder.name} assigned as party affairs officer of ${n.branch(d.branchId)}`,
  }),
  PostVacated: (d, n) => ({
    zh: `${d.holder.name}不再担任${n.branch(d.branchId)}${label(POST_ZH, d.kind)}（${label(POST_END_ZH, d.reason)}）`,
    en: `${d.holder.name} left the post of ${label(POST_EN, d.kind)} of ${n.branch(d.branchId)} (${label(POST_END_EN, d.reason)})`,
  }),
  BranchShapeAssessed: (d, n) => ({
    zh: `${n.branch(d.branchId)}组织设置评估：正式党员${d.counts?.full ?? 0}名、预备党员${d.counts?.probationary ?? 0}名，${
      d.hasCommittee ? '已设支部委员会' : '未设支部委员会'
    }${d.shape?.belowMinimum ? '，正式党员人数不足' : ''}${d.shape?.electionRequired ? '，需换届选举' : ''}`,
    en: `Branch ${n.branch(d.branchId)} assessed: ${d.counts?.full ?? 0} full and ${d.counts?.probationary ?? 0} probationary members, ${
      d.hasCommittee ? 'with' : 'without'
    } a committee${d.shape?.belowMinimum ? ', below the minimum' : ''}${d.shape?.electionRequired ? ', election required' : ''}`,
  }),
  BranchDissolved: (d, n) => ({
    zh: `撤销${n.branch(d.branchId)}（原因：${d.reason}）`,
    en: `Branch ${n.branch(d.branchId)} dissolved (reason: ${d.reason})`,
  }),

  MemberAdmitted: (d, n) => ({
    zh: `${label(MEMBERSHIP_ZH, d.membership)}${d.name}编入${n.branch(d.branchId)}`,
    en: `${label(MEMBERSHIP_EN, d.membership)} member ${d.name} admitted to ${n.branch(d.branchId)}`,
  }),
  MemberConfirmed: (d, n) => ({
    zh: `预备党员${n.member(d.memberId)}转为正式党员`,
    en: `Probationary member ${n.member(d.memberId)} confirmed as a full member`,
  }),
  // The reason is absent from what a reporting job sees (reporter-fields.ts): the line then omits it.
  VotingRightsSuspended: (d, n) => ({
    zh: `党员${n.member(d.memberId)}${d.reason ? `因${label(SUSPENSION_ZH, d.reason)}` : ''}暂停行使表决权、选举权和被选举权`,
    en: `Voting rights of member ${n.member(d.memberId)} suspended${d.reason ? ` (${d.reason})` : ''}`,
  }),
  VotingRightsRestored: (d, n) => ({
    zh: `党员${n.member(d.memberId)}恢复表决权、选举权和被选举权`,
    en: `Voting rights of member ${n.member(d.memberId)} restored`,
  }),
  MemberTransferred: (d, n) => ({
    zh: `党员${n.member(d.memberId)}的组织关系由${n.branch(d.fromBranchId)}转入${n.branch(d.toBranchId)}`,
    en: `Member ${n.member(d.memberId)} transferred from ${n.branch(d.fromBranchId)} to ${n.branch(d.toBranchId)}`,
  }),
  MemberLeft: (d, n) => ({
    zh: `党员${n.member(d.memberId)}${label(DEPARTURE_ZH, d.reason)}，不再隶属${n.branch(d.branchId)}`,
    en: `Member ${n.member(d.memberId)} left ${n.branch(d.branchId)} (${label(DEPARTURE_EN, d.reason)})`,
  }),
  MemberDataCorrected: (d, n) => {
    const fields = Object.keys(d.corrections ?? {});
    const who = d.previous?.name ?? n.member(d.memberId);
    const renamed = d.corrections?.name ? `${who}→${d.corrections.name}` : '';
    // No field left when a reporting job may see none of those corrected (a birth date alone).
    const zhFields = fields.length > 0 ? fields.map((f) => label(FIELD_ZH, f)).join('、') : '信息';
    const enFields = fields.length > 0 ? fields.map((f) => label(FIELD_EN, f)).join(', ') : 'data';
    return {
      zh: `更正党员${who}的${zhFields}${renamed ? `（${renamed}）` : ''}`,
      en: `Corrected the ${enFields} of member ${who}${renamed ? ` (${renamed})` : ''}`,
    };
  },

  RestructuringProposed: (d, n) => {
    const plan = d.plan;
    switch (plan.kind) {
      case 'merge': {
        const target = plan.target.kind === 'existing' ? n.branch(plan.target.branchId) : plan.target.branch.name;
        return {
          zh: `提出撤并方案：${list(plan.sourceBranchIds, n.branch, '、')}并入${target}`,
          en: `Merge proposed: ${list(plan.sourceBranchIds, n.branch, ', ')} into ${target}`,
        };
      }
      case 'redraw':
        return {
          zh: `提出结合城市社区调整方案：${plan.assignments.length}名党员调整组织关系，新设立${plan.newBranches.length}个支部`,
          en: `Boundary redraw proposed: ${plan.assignments.length} members to move, ${plan.newBranches.length} new branches`,
        };
      case 'dissolution':
        return {
          zh: `提出撤销${n.branch(plan.branchId)}的方案，党员转入${n.branch(plan.destinationBranchId)}`,
          en: `Dissolution of ${n.branch(plan.branchId)} proposed, members to ${n.branch(plan.destinationBranchId)}`,
        };
      default:
        return genericDescription('RestructuringProposed');
    }
  },
  RestructuringApproved: (d, n) => ({
    zh: `${restructuringZh(n, d.restructuringId)}获批准（批准单位：${d.approvedBy}，文号：${d.documentReference}）`,
    en: `${restructuringEn(n, d.restructuringId)} approved by ${d.approvedBy} (${d.documentReference})`,
  }),
  RestructuringAbandoned: (d, n) => ({
    zh: `${restructuringZh(n, d.restructuringId)}终止（原因：${d.reason}）`,
    en: `${restructuringEn(n, d.restructuringId)} abandoned (reason: ${d.reason})`,
  }),
  RestructuringExecutionStarted: (d, n) => {
    const e = d.execution;
    const established = e?.branchesToEstablish?.length ?? 0;
    const transferred = e?.transfers?.length ?? 0;
    const closed = e?.branchesToClose?.length ?? 0;
    return {
      zh: `开始执行${restructuringZh(n, d.restructuringId)}：${steps(
        [
          [established, `新设立${established}个支部`],
          [transferred, `转接${transferred}名党员`],
          [closed, `撤销${closed}个支部`],
        ],
        '，',
      )}`,
      en: `${restructuringEn(n, d.restructuringId)} execution started: ${steps(
        [
          [established, `${count(established, 'branch', 'branches')} to establish`],
          [transferred, `${count(transferred, 'member', 'members')} to transfer`],
          [closed, `${count(closed, 'branch', 'branches')} to close`],
        ],
        ', ',
      )}`,
    };
  },
  BranchesMerged: (d, n) => ({
    zh: `${list(d.sourceBranchIds, n.branch, '、')}并入${n.branch(d.targetBranchId)}`,
    en: `${list(d.sourceBranchIds, n.branch, ', ')} merged into ${n.branch(d.targetBranchId)}`,
  }),
  RestructuringCompleted: (d, n) => {
    const c = d.counts;
    const transferred = c?.membersTransferred ?? 0;
    const established = c?.branchesEstablished ?? 0;
    const closed = c?.branchesClosed ?? 0;
    return {
      zh: `${restructuringZh(n, d.restructuringId)}执行完毕：${steps(
        [
          [established, `新设立${established}个支部`],
          [transferred, `转接${transferred}名党员`],
          [closed, `撤销${closed}个支部`],
        ],
        '，',
      )}`,
      en: `${restructuringEn(n, d.restructuringId)} completed: ${steps(
        [
          [established, `${count(established, 'branch', 'branches')} established`],
          [transferred, `${count(transferred, 'member', 'members')} transferred`],
          [closed, `${count(closed, 'branch', 'branches')} closed`],
        ],
        ', ',
      )}`,
    };
  },

  ElectionPlanIssued: (d) => ({
    zh: `印发《${d.title}》（${d.documentNumber}），要求${zhDate(d.deadline)}前完成换届选举`,
    en: `Election plan "${d.title}" (${d.documentNumber}) issued; elections due by ${d.deadline}`,
  }),
  WorkingGroupFormed: (d) => ({
    zh: `成立换届工作${d.name}，由${d.leader.name}任组长`,
    en: `Working group ${d.name} formed, led by ${d.leader.name}`,
  }),
  BranchAssignedToWorkingGroup: (d, n) => {
    const group = n.workingGroup(d.campaignId, d.groupId);
    const previous = d.previousGroupId === null ? null : n.workingGroup(d.campaignId, d.previousGroupId);
    return previous === null
      ? {
          zh: `${n.branch(d.branchId)}由${group}包联`,
          en: `Branch ${n.branch(d.branchId)} assigned to working group ${group}`,
        }
      : {
          zh: `${n.branch(d.branchId)}由${previous}调整为${group}包联`,
          en: `Branch ${n.branch(d.branchId)} reassigned from working group ${previous} to ${group}`,
        };
  },

  DemonstrationCampaignLaunched: (d) => ({
    zh: `启动${d.year}年示范党支部创建活动《${d.title}》，按“六好”和“一场所八个有四清楚”标准（${d.standardVersion}）创建`,
    en: `Demonstration campaign "${d.title}" (${d.year}) launched under standard ${d.standardVersion}`,
  }),
  DemonstrationBranchDesignated: (d, n) => ({
    zh: `确定${n.branch(d.branchId)}为${n.demonstration(d.campaignId)}示范创建支部`,
    en: `${n.branch(d.branchId)} chosen for demonstration in ${n.demonstration(d.campaignId)}`,
  }),
  ChecklistEvidenceRecorded: (d, n) => {
    const item = standardEntry('checklist', d.itemId);
    return {
      zh: `${n.branch(d.branchId)}“${item.zh}”创建材料登记：${d.evidence.kind === 'photo' ? '照片' : '文件'}${d.evidence.reference}，${d.evidence.checkedBy}于${zhDate(d.evidence.checkedOn)}核查`,
      en: `${n.branch(d.branchId)}: evidence for "${item.en}" recorded (${d.evidence.kind} ${d.evidence.reference}, checked by ${d.evidence.checkedBy} on ${d.evidence.checkedOn})`,
    };
  },
  DemonstrationCriterionAssessed: (d, n) => {
    const criterion = standardEntry('criteria', d.criterionId);
    return {
      zh: `${n.branch(d.branchId)}“${criterion.zh}”评定为${d.passed ? '达标' : '未达标'}${d.score === null ? '' : `（${d.score}分）`}`,
      en: `${n.branch(d.branchId)}: "${criterion.en}" assessed as ${d.passed ? 'met' : 'not met'}${d.score === null ? '' : ` (${d.score})`}`,
    };
  },
  DemonstrationBranchApproved: (d, n) => ({
    zh: `${d.approvedBy}命名${n.branch(d.branchId)}为${d.year}年度${d.level === 'city' ? '市级' : '县级'}示范党支部（${d.documentNumber}）`,
    en: `${n.branch(d.branchId)} approved as a ${d.level}-level demonstration branch for ${d.year} by ${d.approvedBy} (${d.documentNumber})`,
  }),
  BranchBrandRegistered: (d, n) => ({
    zh: `${n.branch(d.branchId)}${d.previousName === null ? '创建' : `将品牌“${d.previousName}”调整为`}“一支部一品牌”品牌“${d.name}”：${d.feature}`,
    en: `${n.branch(d.branchId)}: brand "${d.name}" ${d.previousName === null ? 'registered' : `registered in place of "${d.previousName}"`} (${d.feature})`,
  }),
  DemonstrationFundingGranted: (d, n) => ({
    zh: `为${n.branch(d.branchId)}拨付示范创建经费${d.amountYuan}元，用于${d.purpose}`,
    en: `Funding of ${d.amountYuan} yuan granted to ${n.branch(d.branchId)} for ${d.purpose}`,
  }),
  ExchangeVisitRecorded: (d, n) => ({
    zh: `${d.visitingBranchIds.map((id) => n.branch(id)).join('、')}${d.visitors.length > 0 ? `（${d.visitors.join('、')}）` : ''}到${n.branch(d.hostBranchId)}交流学习：${d.learned}`,
    en: `Exchange visit to ${n.branch(d.hostBranchId)} by ${d.visitingBranchIds.map((id) => n.branch(id)).join(', ')}: ${d.learned}`,
  }),
  VolunteerTeamFormed: (d, n) => ({
    zh: `${n.branch(d.leadBranchId)}牵头组建${d.name}，由${d.leader.name}任队长`,
    en: `Volunteer team ${d.name} formed, led by ${n.branch(d.leadBranchId)} with ${d.leader.name} as leader`,
  }),
  VolunteerJoinedTeam: (d, n) => ({
    zh: `${d.name}（${n.branch(d.branchId)}）加入${n.volunteerTeam(d.teamId)}`,
    en: `${d.name} (${n.branch(d.branchId)}) joined volunteer team ${n.volunteerTeam(d.teamId)}`,
  }),
  VolunteerActivityRecorded: (d, n) => {
    const kind = volunteerKindList(d.kindsVersion)?.kinds.find((candidate) => candidate.id === d.kind);
    return {
      zh: `${n.volunteerTeam(d.teamId)}于${zhDate(d.on)}在${d.place}开展${kind?.zh ?? d.kind}志愿服务“${d.title}”，${d.participants.length}人次参加${
        d.proposals.length > 0 ? `，收集建议${d.proposals.length}条` : ''
      }`,
      en: `Volunteer team ${n.volunteerTeam(d.teamId)}: ${kind?.en ?? d.kind} activity "${d.title}" at ${d.place} on ${d.on}, ${count(d.participants.length, 'person-time', 'person-times')}${
        d.proposals.length > 0 ? `, ${count(d.proposals.length, 'proposal', 'proposals')}` : ''
      }`,
    };
  },

  RulePolicyPublished: (d) => {
    const p = d.policy;
    return {
      zh: `发布规则版本${p.version}，自${p.effectiveFrom}起施行：任期${p.termYears}年，到会不少于应到会${p.quorumNumerator}/${p.quorumDenominator}，差额不少于${p.differentialSharePercent}%，批复${p.approvalLapseDays}天失效`,
      en: `Rule policy ${p.version} published, in force from ${p.effectiveFrom}: ${p.termYears}-year terms, quorum ${p.quorumNumerator}/${p.quorumDenominator}, differential ${p.differentialSharePercent}%, approvals lapse after ${p.approvalLapseDays} days`,
    };
  },

  CensusTaken: (d, n) => ({
    zh: `${n.branch(d.branchId)}换届摸排：正式党员${d.fullMembers}名${
      d.suspendedMembers > 0 ? `（其中停止党员权利${d.suspendedMembers}名）` : ''
    }、预备党员${d.probationaryMembers}名${d.committeeRequired ? '，应设支部委员会' : '，不设支部委员会'}${
      d.currentTerm ? `，本届任期至${zhDate(d.currentTerm.end)}` : ''
    }`,
    en: `Census of ${n.branch(d.branchId)}: ${count(d.fullMembers, 'full member', 'full members')}${
      d.suspendedMembers > 0 ? ` (${d.suspendedMembers} with rights suspended)` : ''
    }, ${d.probationaryMembers} probationary; ${d.committeeRequired ? 'committee required' : 'no committee'}${
      d.currentTerm ? `; term ends ${d.currentTerm.end}` : ''
    }`,
  }),
  ElectionRequested: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}提交换届请示：拟于${zhDate(d.plannedDate)}召开党员大会，${
      d.committee ? `选举支部委员会委员${d.committeeSeats}名` : '直接选举书记'
    }`,
    en: `${electionEn(n, d.electionId)}: request submitted for an assembly on ${d.plannedDate}, ${
      d.committee ? `${count(d.committeeSeats, 'committee seat', 'committee seats')}` : 'secretary elected directly'
    }`,
  }),
  ElectionRequestApproved: (d, n) => ({
    zh: `上级党组织批复${electionZh(n, d.electionId)}换届请示（${d.approvalReference}），批复于${zhDate(d.lapsesOn)}失效`,
    en: `${electionEn(n, d.electionId)}: request approved (${d.approvalReference}), approval lapses on ${d.lapsesOn}`,
  }),
  ApprovalLapsed: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}换届批复（${d.approvalReference}）于${zhDate(d.lapsesOn)}失效`,
    en: `${electionEn(n, d.electionId)}: approval ${d.approvalReference} lapsed on ${d.lapsesOn}`,
  }),
  ElectionPostponed: (d, n) => ({
    zh: `经上级党组织批准（${d.approvalReference}），${electionZh(n, d.electionId)}换届由${zhDate(d.fromDate)}推迟至${zhDate(d.newDate)}${reasonZh(d.reason)}`,
    en: `${electionEn(n, d.electionId)} postponed from ${d.fromDate} to ${d.newDate} (${d.approvalReference}${reasonEn(d.reason, '; ')})`,
  }),
  ElectionBroughtForward: (d, n) => ({
    zh: `经上级党组织批准（${d.approvalReference}），${electionZh(n, d.electionId)}换届由${zhDate(d.fromDate)}提前至${zhDate(d.newDate)}${reasonZh(d.reason)}`,
    en: `${electionEn(n, d.electionId)} brought forward from ${d.fromDate} to ${d.newDate} (${d.approvalReference}${reasonEn(d.reason, '; ')})`,
  }),
  CandidateRecommended: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}：${people(d.recommendedBy, '、')}推荐${d.nominee.name}为${RACE_ZH[d.forPost]}人选`,
    en: `${electionEn(n, d.electionId)}: ${d.nominee.name} recommended for ${RACE_EN[d.forPost]} by ${people(d.recommendedBy, ', ')}`,
  }),
  CandidateNominated: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}：${d.nominatedBy}提名${d.nominee.name}为${RACE_ZH[d.forPost]}候选人`,
    en: `${electionEn(n, d.electionId)}: ${d.nominee.name} nominated for ${RACE_EN[d.forPost]} by ${d.nominatedBy}`,
  }),
  CandidateVetted: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}：${d.by}于${zhDate(d.on)}对${d.nominee.name}进行考察（${label(VETTING_ZH, d.method)}）`,
    en: `${electionEn(n, d.electionId)}: ${d.nominee.name} vetted by ${d.by} on ${d.on} (${label(VETTING_EN, d.method)})`,
  }),
  CommunityConsulted: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}：${zhDate(d.on)}征求${d.community}意见${d.nominee ? `（${d.nominee.name}）` : ''}`,
    en: `${electionEn(n, d.electionId)}: ${d.community} consulted on ${d.on}${d.nominee ? ` about ${d.nominee.name}` : ''}`,
  }),
  CandidateSlateSubmitted: (d, n) => {
    const committee = d.committeeCandidates.length;
    const secretary = d.secretaryCandidates.length;
    const deputy = d.deputySecretaryCandidates.length;
    return {
      zh: `${electionZh(n, d.electionId)}上报候选人预备人选：${steps(
        [
          [committee, `委员候选人${committee}名`],
          [secretary, `书记候选人${secretary}名`],
          [deputy, `副书记候选人${deputy}名`],
        ],
        '，',
      )}`,
      en: `${electionEn(n, d.electionId)}: slate submitted, ${steps(
        [
          [committee, count(committee, 'committee candidate', 'committee candidates')],
          [secretary, count(secretary, 'secretary candidate', 'secretary candidates')],
          [deputy, count(deputy, 'deputy candidate', 'deputy candidates')],
        ],
        ', ',
      )}`,
    };
  },
  CandidateSlateApproved: (d, n) => ({
    zh: `上级党组织同意${electionZh(n, d.electionId)}候选人预备人选（${d.approvalReference}）`,
    en: `${electionEn(n, d.electionId)}: slate approved by the superior (${d.approvalReference})`,
  }),
  MembersAssemblyConvened: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}召开党员大会：应到会${d.quorum.due}名，实到会${d.quorum.present}名`,
    en: `${electionEn(n, d.electionId)}: members' assembly convened, ${d.quorum.present} of ${d.quorum.due} voters present`,
  }),
  BallotsRecorded: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}${RACE_ZH[d.race]}第${d.roundNo}轮投票${label(ROUND_ZH, d.roundKind)}：发出选票${d.issued}张，收回${d.returned}张，有效${d.valid}张`,
    en: `${electionEn(n, d.electionId)}: ${RACE_EN[d.race]} round ${d.roundNo}${label(ROUND_EN, d.roundKind)}, ${d.issued} ballots issued, ${d.returned} returned, ${d.valid} valid`,
  }),
  BallotRoundVoided: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}${RACE_ZH[d.race]}第${d.roundNo}轮收回选票${d.returned}张多于发出${d.issued}张，选举无效，重新投票`,
    en: `${electionEn(n, d.electionId)}: ${RACE_EN[d.race]} round ${d.roundNo} void, ${d.returned} ballots returned for ${d.issued} issued`,
  }),
  BallotsCounted: (d, n) => {
    const elected = d.elected.map((p) => p.name);
    const outcomeZh =
      d.outcome === 'runoff' ? '，得票相等须再次投票' : d.outcome === 'shortfall' ? `，尚缺${d.remainingSeats}名` : '';
    const outcomeEn =
      d.outcome === 'runoff'
        ? '; a tie needs a runoff'
        : d.outcome === 'shortfall'
          ? `; ${d.remainingSeats} seats unfilled`
          : '';
    return {
      zh: `${electionZh(n, d.electionId)}${RACE_ZH[d.race]}第${d.roundNo}轮计票：${
        elected.length > 0 ? `${elected.join('、')}当选` : '无人当选'
      }${outcomeZh}`,
      en: `${electionEn(n, d.electionId)}: ${RACE_EN[d.race]} round ${d.roundNo} counted, ${
        elected.length > 0 ? `${elected.join(', ')} elected` : 'nobody elected'
      }${outcomeEn}`,
    };
  },
  SupplementaryBallotHeld: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}${RACE_ZH[d.race]}另行选举（第${d.roundNo}轮），候选人${people(d.candidates, '、')}，名额${d.seats}名`,
    en: `${electionEn(n, d.electionId)}: supplementary ${RACE_EN[d.race]} ballot (round ${d.roundNo}) for ${count(d.seats, 'seat', 'seats')} among ${people(d.candidates, ', ')}`,
  }),
  SeatsReduced: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}经过半数选举人同意，${RACE_ZH[d.race]}名额由${d.fromSeats}名减为${d.toSeats}名`,
    en: `${electionEn(n, d.electionId)}: ${RACE_EN[d.race]} seats reduced from ${d.fromSeats} to ${d.toSeats} with the electors' consent`,
  }),
  OfficersElected: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}${d.electedBy === 'committeeFirstMeeting' ? '支委会第一次会议' : '党员大会'}选举${
      d.secretary.name
    }为书记${d.deputySecretary ? `、${d.deputySecretary.name}为副书记` : ''}`,
    en: `${electionEn(n, d.electionId)}: ${d.secretary.name} elected secretary${
      d.deputySecretary ? ` and ${d.deputySecretary.name} deputy secretary` : ''
    } by the ${d.electedBy === 'committeeFirstMeeting' ? "committee's first meeting" : "members' assembly"}`,
  }),
  ElectionResultReported: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}向上级党组织报告选举结果（${d.reportReference}）${
      d.deviations.length > 0 ? `，与候选人预备人选有${d.deviations.length}处变化` : ''
    }`,
    en: `${electionEn(n, d.electionId)}: result reported (${d.reportReference})${
      d.deviations.length > 0 ? `, ${count(d.deviations.length, 'deviation', 'deviations')} from the slate` : ''
    }`,
  }),
  ElectionResultApproved: (d, n) => ({
    zh: `上级党组织批复${electionZh(n, d.electionId)}选举结果（${d.approvalReference}）：批准${people(d.approvedOfficers, '、')}${
      d.filedCommitteeMembers.length > 0 ? `，委员${d.filedCommitteeMembers.length}名备案` : ''
    }`,
    en: `${electionEn(n, d.electionId)}: result approved (${d.approvalReference}) for ${people(d.approvedOfficers, ', ')}${
      d.filedCommitteeMembers.length > 0
        ? `, ${count(d.filedCommitteeMembers.length, 'committee member', 'committee members')} filed`
        : ''
    }`,
  }),
  InstallationRequested: (d, n) => ({
    zh: `${n.branch(d.branchId)}新一届任期${zhDate(d.termStart)}至${zhDate(d.termEnd)}（${d.termYears}年），办理${d.posts.length}个职务任职`,
    en: `${n.branch(d.branchId)}: installing ${count(d.posts.length, 'post', 'posts')} for the term ${d.termStart} to ${d.termEnd} (${d.termYears} years)`,
  }),
  ResultInstalled: (d, n) => ({
    zh: `${n.branch(d.branchId)}选举结果任职生效，任期至${zhDate(d.termEnd)}`,
    en: `${n.branch(d.branchId)}: elected posts installed, term ends ${d.termEnd}`,
  }),
  ElectionReminderSent: (d, n) => ({
    zh:
      d.kind === 'beforeTermEnd'
        ? `提醒上级党组织：${n.branch(d.branchId)}本届任期将于${zhDate(d.termEnd ?? '')}届满（提前${d.monthsBefore ?? ''}个月），请及时启动换届`
        : d.kind === 'overdue'
          ? `提醒上级党组织：${n.branch(d.branchId)}任期已于${zhDate(d.termEnd ?? '')}届满，尚未完成换届`
          : `提醒上级党组织：${n.branch(d.branchId)}未登记任期届满日期，请核实换届情况`,
    en:
      d.kind === 'beforeTermEnd'
        ? `Superior reminded: ${n.branch(d.branchId)}'s term ends on ${d.termEnd ?? ''} (${d.monthsBefore ?? ''} months ahead)`
        : d.kind === 'overdue'
          ? `Superior reminded: ${n.branch(d.branchId)}'s term ended on ${d.termEnd ?? ''} and no new one is installed`
          : `Superior reminded: ${n.branch(d.branchId)} has no recorded term end`,
  }),
  TermEndReminderDue: (d, n) => ({
    zh: `${n.branch(d.branchId)}本届任期将于${zhDate(d.termEnd)}届满（提前${d.daysBefore}天提醒），请及时启动换届`,
    en: `${n.branch(d.branchId)}: term ends on ${d.termEnd}, reminder ${d.daysBefore} days before`,
  }),
  ElectionCancelled: (d, n) => ({
    zh: `${electionZh(n, d.electionId)}取消换届选举${reasonZh(d.reason)}`,
    en: `${electionEn(n, d.electionId)} cancelled${d.reason ? ` (${reasonEn(d.reason, '')})` : ''}`,
  }),

  ByElectionRequested: (d, n) => ({
    zh: `${n.branch(d.branchId)}请示补选${postZh(d.vacancy.kind, d.vacancy.duty)}（${d.vacancy.holder.name}${label(POST_END_ZH, d.vacancy.reason)}出缺），拟于${zhDate(d.plannedDate)}召开党员大会，人选：${people(d.candidates, '、')}`,
    en: `${n.branch(d.branchId)} requests a by-election for ${postEn(d.vacancy.kind, d.vacancy.duty)} (vacated by ${d.vacancy.holder.name}, ${label(POST_END_EN, d.vacancy.reason)}), planned for ${d.plannedDate}; candidates: ${people(d.candidates, ', ')}`,
  }),
  ByElectionConsented: (d, n) => ({
    zh: `上级党组织同意${n.branch(d.branchId)}补选并审查人选（${d.consentReference}，${zhDate(d.consentedOn)}）`,
    en: `The superior consented to ${n.branch(d.branchId)}'s by-election and reviewed its candidates (${d.consentReference}, ${d.consentedOn})`,
  }),
  ByElectionHeld: (d, n) => ({
    zh: `${n.branch(d.branchId)}召开党员大会补选：应到${d.quorum.due}名、实到${d.quorum.present}名，${d.elected.name}得${d.elected.votes}票当选`,
    en: `${n.branch(d.branchId)}'s members' assembly by-elected ${d.elected.name} with ${d.elected.votes} votes (${d.quorum.present} of ${d.quorum.due} due present)`,
  }),
  ByElectionFiled: (d, n) => ({
    zh: `${n.branch(d.branchId)}补选结果报备（${d.filingReference}）：${d.post.holder.name}自${zhDate(d.filedOn)}起任${postZh(d.post.kind, d.post.duty)}${d.termEnd === null ? '' : `，任期至${zhDate(d.termEnd)}`}`,
    en: `${n.branch(d.branchId)}'s by-election result filed (${d.filingReference}): ${d.post.holder.name} serves as ${postEn(d.post.kind, d.post.duty)} from ${d.filedOn}${d.termEnd === null ? '' : ` to ${d.termEnd}`}`,
  }),
};

/** The line for a type the catalogue does not know yet (e.g. an election event before its entry). */
export function genericDescription(type: string, stream?: string): EventDescription {
  return {
    zh: `记录事件 ${type}${stream ? `（${stream}）` : ''}`,
    en: `Event ${type} recorded${stream ? ` on ${stream}` : ''}`,
  };
}

export function isDescribed(type: string): type is DescribedEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_DESCRIPTIONS, type);
}

/**
 * Describes any event. Data comes from the store and may predate a field, so a describer that
 * throws on an odd shape falls back to the generic line rather than stopping the audit log.
 */
export function describeEvent(
  type: string,
  data: Record<string, unknown>,
  names: NameLookup,
  stream?: string,
): EventDescription {
  if (!isDescribed(type)) return genericDescription(type, stream);
  const describe = EVENT_DESCRIPTIONS[type] as (data: unknown, names: NameLookup) => EventDescription;
  try {
    return describe(data, names);
  } catch {
    return genericDescription(type, stream);
  }
}
