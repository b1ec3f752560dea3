import type {
  BranchEvent,
  MemberEvent,
  PartyCommitteeEvent,
  PostKind,
  PostEndReason,
  RestructuringEvent,
  RestructuringKind,
} from '@app/domain';

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
}

/** Every event type the catalogue must describe: a new type in these unions fails to compile here. */
export type DescribedEvent = PartyCommitteeEvent | BranchEvent | MemberEvent | RestructuringEvent;
export type DescribedEventType = DescribedEvent['type'];

type Describer<E extends DescribedEvent> = (data: E['data'], names: NameLookup) => EventDescription;

/** One describer per known event type. Election and later contexts add their entries here. */
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
const DEPARTURE_ZH: Record<string, string> = { death: '去世', movedOut: '转出本系统', expelled: '被开除党籍' };
const DEPARTURE_EN: Record<string, string> = { death: 'died', movedOut: 'moved out', expelled: 'expelled' };
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
  VotingRightsSuspended: (d, n) => ({
    zh: `党员${n.member(d.memberId)}因${label(SUSPENSION_ZH, d.reason)}暂停行使表决权、选举权和被选举权`,
    en: `Voting rights of member ${n.member(d.memberId)} suspended (${d.reason})`,
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
    return {
      zh: `更正党员${who}的${fields.map((f) => label(FIELD_ZH, f)).join('、')}${renamed ? `（${renamed}）` : ''}`,
      en: `Corrected the ${fields.map((f) => label(FIELD_EN, f)).join(', ')} of member ${who}${renamed ? ` (${renamed})` : ''}`,
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
