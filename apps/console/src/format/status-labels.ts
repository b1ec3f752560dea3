import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** An election's status as the API's board answers it (the schema's `ElectionStatus` enum). */
export type ElectionStatus = Schemas['ElectionBoardEntryDto']['state'];
/** A campaign board row's state: an election status, or `notStarted` before the census. */
export type BoardState = Schemas['CampaignBoardRowDto']['state'];
export type OverdueReason = Schemas['ElectionBoardEntryDto']['overdueReasons'][number];
export type RestructuringStatus = Schemas['RestructuringViewDto']['status'];
export type HistoryBreakKind = Schemas['HistoryBreakDto']['kind'];
export type Membership = Schemas['AffiliationDto']['membership'];
export type PostKind = Schemas['PostHeldDto']['kind'];
export type PostSource = Schemas['PostHeldDto']['source'];

/**
 * Each table is typed over the schema's enum: a status the API adds fails to compile here until
 * it has its Chinese words (`npm run console:api` regenerates the schema).
 */
export const BOARD_STATE_LABELS: Readonly<Record<BoardState, string>> = {
  notStarted: '未启动',
  censusTaken: '已摸排',
  requested: '已请示，待批复',
  requestApproved: '已批复',
  slateSubmitted: '候选人预备人选已上报，待审查',
  slateApproved: '候选人预备人选已同意',
  approvalLapsed: '批复已失效',
  assemblyOpen: '党员大会进行中',
  committeeElected: '已选出支部委员会',
  officersElected: '已选出书记、副书记',
  resultReported: '结果已上报，待批准',
  resultApproved: '结果已批准',
  installing: '正在办理任职',
  installed: '已完成换届',
  cancelled: '已取消',
};

export const ELECTION_STATUS_LABELS: Readonly<Record<ElectionStatus, string>> = {
  ...BOARD_STATE_LABELS,
  none: '未开始',
};

/** The colour of a status tag: where in its course an election stands. */
export function electionStatusColor(status: BoardState | ElectionStatus): string {
  switch (status) {
    case 'installed':
      return 'green';
    case 'cancelled':
    case 'approvalLapsed':
      return 'default';
    case 'requested':
    case 'slateSubmitted':
    case 'resultReported':
      return 'gold';
    case 'notStarted':
    case 'none':
      return 'default';
    default:
      return 'blue';
  }
}

export const OVERDUE_REASON_LABELS: Readonly<Record<OverdueReason, string>> = {
  approvalLapse: '批复已到失效日期，仍未召开党员大会',
  dueDate: '已过应换届日期，仍未召开党员大会',
  campaignDeadline: '已过换届工作截止日期，选举结果尚未批准',
};

export const RESTRUCTURING_STATUS_LABELS: Readonly<Record<RestructuringStatus, string>> = {
  none: '未提出',
  proposed: '已提出，待批准',
  approved: '已批准，待执行',
  executing: '执行中',
  completed: '已完成',
  abandoned: '已放弃',
};

export const HISTORY_BREAK_LABELS: Readonly<Record<HistoryBreakKind, string>> = {
  altered: '内容被改动',
  missing: '记录缺失',
  reordered: '顺序被调换',
};

export const MEMBERSHIP_LABELS: Readonly<Record<Membership, string>> = {
  full: '正式党员',
  probationary: '预备党员',
};

export const POST_KIND_LABELS: Readonly<Record<PostKind, string>> = {
  secretary: '书记',
  deputySecretary: '副书记',
  committeeMember: '支部委员',
  partyAffairsOfficer: '党务干部',
};

export const POST_SOURCE_LABELS: Readonly<Record<PostSource, string>> = {
  elected: '选举产生',
  appointed: '指派',
  concurrent: '兼任',
};

/** Who recorded an event: the token's role (free text in the API, so unknown roles show as sent). */
const ACTOR_ROLE_LABELS: Readonly<Record<string, string>> = {
  admin: '管理员',
  auditor: '审计员',
  reporter: '报表',
  system: '系统',
};
export const actorRoleLabel = (role: string): string => ACTOR_ROLE_LABELS[role] ?? role;

/** The system's own actors carry English names in the log; a clerk reads them in Chinese. */
const SYSTEM_ACTOR_NAMES: Readonly<Record<string, string>> = {
  'system:digest': '历史摘要定时任务',
  'system:election-timers': '换届期限定时任务',
};
export const actorName = (actorId: string, name: string): string => SYSTEM_ACTOR_NAMES[actorId] ?? name;

/** What began or ended a row of a member's affiliation history (free text in the API). */
const AFFILIATION_CHANGE_LABELS: Readonly<Record<string, string>> = {
  admitted: '编入',
  confirmed: '转为正式党员',
  votingSuspended: '表决权中止',
  votingRestored: '表决权恢复',
  transferred: '组织关系转接',
  left: '离开',
  'left:death': '去世',
  'left:movedOut': '迁出',
  'left:expelled': '开除党籍',
  'left:other': '离开',
};
export const affiliationChangeLabel = (change: string | null): string =>
  change === null ? '—' : (AFFILIATION_CHANGE_LABELS[change] ?? change);

const POST_END_LABELS: Readonly<Record<string, string>> = {
  termEnded: '任期届满',
  resigned: '辞职',
  removed: '免职',
  deceased: '去世',
  transferred: '调离',
  branchDissolved: '支部撤销',
  other: '其他原因',
};
export const postEndLabel = (reason: string | null): string =>
  reason === null ? '—' : (POST_END_LABELS[reason] ?? reason);
