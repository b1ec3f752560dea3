import type { ElectionStatus } from '@app/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { CsvColumn } from '../export/csv';
import { inList } from '../database/in-list';

/** Why a board row is overdue: a deadline passed without the step it asks for. */
export type OverdueReason =
  /** The approval (批复) reached its lapse date unused. */
  | 'approvalLapse'
  /** The election was due (term end, or the date a postponement or advance set) and no assembly was held. */
  | 'dueDate'
  /** The campaign's deadline passed and the result is not approved. */
  | 'campaignDeadline';

/** One election on the board, as JSON and CSV give it (flat, so both share the columns). */
export interface ElectionBoardEntry {
  readonly electionId: string;
  readonly branchId: string;
  readonly branchName: string | null;
  /** The campaign the branch is assigned in (the filtered one, else the latest that assigned it). */
  readonly campaignId: string | null;
  readonly campaignTitle: string | null;
  readonly campaignDeadline: string | null;
  readonly groupId: string | null;
  readonly groupName: string | null;
  readonly groupLeaderName: string | null;
  readonly state: string;
  readonly startedOn: string;
  /** The event type of the last step, and when it happened (business instant and date). */
  readonly lastStep: string;
  readonly lastStepAt: string;
  readonly lastStepOn: string;
  readonly plannedDate: string | null;
  readonly dueDate: string | null;
  readonly approvalReference: string | null;
  readonly approvalLapsesOn: string | null;
  readonly currentTermEnd: string | null;
  readonly newTermStart: string | null;
  readonly newTermEnd: string | null;
  readonly nextStep: string | null;
  readonly nextStepZh: string;
  readonly nextStepEn: string;
  readonly policyVersion: string | null;
  readonly overdue: boolean;
  readonly overdueReasons: readonly OverdueReason[];
}

/** A reminder sent to the superior about a branch's election (docs/rules.md §5.3). */
export interface ReminderBoardEntry {
  readonly branchId: string;
  readonly branchName: string | null;
  readonly kind: 'beforeTermEnd' | 'overdue' | 'noTerm';
  readonly dueOn: string;
  readonly termEnd: string | null;
  readonly electionId: string | null;
  readonly monthsBefore: number | null;
  readonly policyVersion: string;
}

export interface ReminderBoardFilter {
  readonly branchId?: string;
  readonly withinBranches?: ReadonlySet<string>;
  /** Only reminders due on or after this day. */
  readonly since?: string;
}

export interface ElectionBoardFilter {
  readonly campaignId?: string;
  readonly branchId?: string;
  /** Only elections of these branches (a committee-scoped caller's); absent: every branch. */
  readonly withinBranches?: ReadonlySet<string>;
  readonly state?: string;
  readonly overdue?: boolean;
}

export interface BoardPage<Row> {
  readonly items: Row[];
  /** The election id to pass as `after` for the next page; null at the end. */
  readonly next: string | null;
}

export interface CampaignSummary {
  readonly campaignId: string;
  readonly title: string;
  readonly documentNumber: string;
  readonly deadline: string;
  readonly issuedOn: string;
  readonly groups: number;
  readonly branches: number;
}

interface EntryRow {
  electionId: string;
  branchId: string;
  branchName: string | null;
  campaignId: string | null;
  campaignTitle: string | null;
  campaignDeadline: string | null;
  groupId: string | null;
  groupName: string | null;
  groupLeaderName: string | null;
  state: string;
  startedOn: string;
  lastStep: string;
  lastStepAt: string;
  lastStepOn: string;
  plannedDate: string | null;
  dueDate: string | null;
  approvalReference: string | null;
  approvalLapsesOn: string | null;
  approvalUnused: number;
  beforeAssembly: number;
  currentTermEnd: string | null;
  newTermStart: string | null;
  newTermEnd: string | null;
  nextStep: string | null;
  nextStepZh: string;
  nextStepEn: string;
  policyVersion: string | null;
}

const SELECT_ENTRY = `
  e.election_id AS electionId, e.branch_id AS branchId, b.name AS branchName,
  a.campaign_id AS campaignId, c.title AS campaignTitle, c.deadline AS campaignDeadline,
  a.group_id AS groupId, g.name AS groupName, g.leader_name AS groupLeaderName,
  e.state, e.started_on AS startedOn, e.last_step AS lastStep, e.last_step_at AS lastStepAt,
  e.last_step_on AS lastStepOn, e.planned_date AS plannedDate, e.due_date AS dueDate,
  e.approval_reference AS approvalReference, e.approval_lapses_on AS approvalLapsesOn,
  e.approval_unused AS approvalUnused, e.before_assembly AS beforeAssembly,
  e.current_term_end AS currentTermEnd, e.new_term_start AS newTermStart, e.new_term_end AS newTermEnd,
  e.next_command AS nextStep, e.next_step_zh AS nextStepZh, e.next_step_en AS nextStepEn,
  e.policy_version AS policyVersion`;

/** The campaign a branch counts in when none is asked for: the latest plan that assigned it. */
const LATEST_CAMPAIGN = `(SELECT a2.campaign_id FROM board_assignments a2
  JOIN board_campaigns c2 ON c2.campaign_id = a2.campaign_id
  WHERE a2.branch_id = e.branch_id ORDER BY c2.issued_position DESC LIMIT 1)`;

const JOINS = (campaign: 'filtered' | 'latest') => `
  ${campaign === 'filtered' ? 'JOIN' : 'LEFT JOIN'} board_assignments a ON a.branch_id = e.branch_id
    AND a.campaign_id = ${campaign === 'filtered' ? '@campaignId' : LATEST_CAMPAIGN}
  LEFT JOIN board_campaigns c ON c.campaign_id = a.campaign_id
  LEFT JOIN board_working_groups g ON g.campaign_id = a.campaign_id AND g.group_id = a.group_id
  LEFT JOIN board_branches b ON b.branch_id = e.branch_id`;

/** Statuses that need nothing more: neither late nor waiting. */
const CLOSED_STATES: readonly ElectionStatus[] = ['installed', 'cancelled'];

/** Statuses in which an election has done what a campaign asks of it: its result is approved. */
const COMPLETED_STATES: readonly ElectionStatus[] = ['resultApproved', 'installing', 'installed'];

/** A SQL list of the statuses (fixed identifiers, never user input). */
const sqlList = (states: readonly ElectionStatus[]): string => states.map((state) => `'${state}'`).join(', ');

/** The SQL twin of `overdueReasons` (keep the two together). */
const OVERDUE_SQL = `(e.state NOT IN (${sqlList(CLOSED_STATES)}) AND (
  (e.approval_unused = 1 AND e.approval_lapses_on <= @today)
  OR (e.before_assembly = 1 AND e.due_date IS NOT NULL AND e.due_date < @today)
  OR (c.deadline IS NOT NULL AND c.deadline < @today AND e.state NOT IN (${sqlList(COMPLETED_STATES)}))))`;

const isIn = (states: readonly ElectionStatus[], state: string): boolean =>
  (states as readonly string[]).includes(state);

/** Which deadlines an election has passed without the step, on `today` (YYYY-MM-DD). */
export function overdueReasons(
  row: Pick<
    EntryRow,
    'state' | 'approvalUnused' | 'approvalLapsesOn' | 'beforeAssembly' | 'dueDate' | 'campaignDeadline'
  >,
  today: string,
): OverdueReason[] {
  if (isIn(CLOSED_STATES, row.state)) return [];
  const reasons: OverdueReason[] = [];
  if (row.approvalUnused === 1 && row.approvalLapsesOn !== null && row.approvalLapsesOn <= today) {
    reasons.push('approvalLapse');
  }
  if (row.beforeAssembly === 1 && row.dueDate !== null && row.dueDate < today) reasons.push('dueDate');
  if (row.campaignDeadline !== null && row.campaignDeadline < today && !isIn(COMPLETED_STATES, row.state)) {
    reasons.push('campaignDeadline');
  }
  return reasons;
}

function toEntry(row: EntryRow, today: string): ElectionBoardEntry {
  const { approvalUnused: _unused, beforeAssembly: _before, ...rest } = row;
  const reasons = overdueReasons(row, today);
  return { ...rest, overdue: reasons.length > 0, overdueReasons: reasons };
}

/** The board over the `election-board` projection's views, which stay stable across rebuilds. */
export class ElectionBoardQueries {
  constructor(private readonly db: ReadModelDatabase) {}

  /** Board rows, filtered, keyset-paged by election id; overdue judged on `today`. */
  list(
    filter: ElectionBoardFilter,
    today: string,
    page: { after?: string; limit: number },
  ): BoardPage<ElectionBoardEntry> {
    const where = ['e.election_id > @after'];
    const params: Record<string, unknown> = { after: page.after ?? '', today, limit: page.limit + 1 };
    if (filter.campaignId !== undefined) params.campaignId = filter.campaignId;
    if (filter.branchId !== undefined) {
      where.push('e.branch_id = @branchId');
      params.branchId = filter.branchId;
    }
    if (filter.state !== undefined) {
      where.push('e.state = @state');
      params.state = filter.state;
    }
    if (filter.withinBranches !== undefined) where.push(inList('e.branch_id', 'within', filter.withinBranches, params));
    if (filter.overdue !== undefined) where.push(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    const rows = this.db
      .prepare(
        `SELECT ${SELECT_ENTRY} FROM board_elections e
         ${JOINS(filter.campaignId === undefined ? 'latest' : 'filtered')}
         WHERE ${where.join(' AND ')} ORDER BY e.election_id LIMIT @limit`,
      )
      .all(params) as EntryRow[];
    const more = rows.length > page.limit;
    const items = rows.slice(0, page.limit).map((row) => toEntry(row, today));
    const last = items[items.length - 1];
    return { items, next: more && last ? last.electionId : null };
  }

  /** One election's board row, or null when the board has none. */
  election(electionId: string, today: string): ElectionBoardEntry | null {
    const row = this.db
      .prepare(`SELECT ${SELECT_ENTRY} FROM board_elections e ${JOINS('latest')} WHERE e.election_id = @electionId`)
      .get({ electionId }) as EntryRow | undefined;
    return row ? toEntry(row, today) : null;
  }

  /**
   * The latest election (by when it began) of each branch assigned in the campaign, judged
   * against that campaign's deadline; branches with no election yet are absent.
   */
  latestOfCampaign(campaignId: string, today: string): Map<string, ElectionBoardEntry> {
    const rows = this.db
      .prepare(
        `SELECT ${SELECT_ENTRY} FROM board_elections e ${JOINS('filtered')}
         WHERE NOT EXISTS (SELECT 1 FROM board_elections later
           WHERE later.branch_id = e.branch_id AND later.started_position > e.started_position)`,
      )
      .all({ campaignId }) as EntryRow[];
    return new Map(rows.map((row) => [row.branchId, toEntry(row, today)]));
  }

  /**
   * Every campaign the board knows, newest plan first, with its group and branch counts; with
   * `withinBranches`, only those branches are counted.
   */
  campaigns(withinBranches?: ReadonlySet<string>): CampaignSummary[] {
    const params: Record<string, unknown> = {};
    const within = withinBranches === undefined ? '' : `AND ${inList('a.branch_id', 'within', withinBranches, params)}`;
    return this.db
      .prepare(
        `SELECT c.campaign_id AS campaignId, c.title, c.document_number AS documentNumber, c.deadline,
           c.issued_on AS issuedOn,
           (SELECT COUNT(*) FROM board_working_groups g WHERE g.campaign_id = c.campaign_id) AS groups,
           (SELECT COUNT(*) FROM board_assignments a WHERE a.campaign_id = c.campaign_id ${within}) AS branches
         FROM board_campaigns c ORDER BY c.issued_position DESC`,
      )
      .all(params) as CampaignSummary[];
  }

  /** Current branch names, for a board that lists branches without an election yet. */
  /** The reminders sent to the superior, the latest due first (then by branch), at most `limit`. */
  reminders(filter: ReminderBoardFilter, limit: number): ReminderBoardEntry[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit };
    if (filter.branchId !== undefined) {
      where.push('r.branch_id = @branchId');
      params.branchId = filter.branchId;
    }
    if (filter.since !== undefined) {
      where.push('r.due_on >= @since');
      params.since = filter.since;
    }
    if (filter.withinBranches !== undefined) where.push(inList('r.branch_id', 'within', filter.withinBranches, params));
    return this.db
      .prepare(
        `SELECT r.branch_id AS branchId, b.name AS branchName, r.kind, r.due_on AS dueOn, r.term_end AS termEnd,
           r.election_id AS electionId, r.months_before AS monthsBefore, r.policy_version AS policyVersion
         FROM board_reminders r LEFT JOIN board_branches b ON b.branch_id = r.branch_id
         ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY r.due_on DESC, r.branch_id, r.kind LIMIT @limit`,
      )
      .all(params) as ReminderBoardEntry[];
  }

  branchNames(branchIds: readonly string[]): Map<string, string> {
    if (branchIds.length === 0) return new Map();
    const rows = this.db
      .prepare(
        `SELECT branch_id AS branchId, name FROM board_branches WHERE branch_id IN (${branchIds.map(() => '?').join(', ')})`,
      )
      .all(...branchIds) as { branchId: string; name: string }[];
    return new Map(rows.map((row) => [row.branchId, row.name]));
  }
}

const column = <Row>(header: string, headerZh: string, key: keyof Row, kind?: 'date'): CsvColumn<Row> => ({
  header,
  headerZh,
  value: (row: Row) => row[key],
  ...(kind === undefined ? {} : { kind }),
});

export const ELECTION_BOARD_CSV_COLUMNS: CsvColumn<ElectionBoardEntry>[] = [
  column('election_id', '选举编号', 'electionId'),
  column('branch_id', '支部编号', 'branchId'),
  column('branch_name', '支部名称', 'branchName'),
  column('campaign_id', '换届工作编号', 'campaignId'),
  column('campaign_title', '换届选举工作方案', 'campaignTitle'),
  column('campaign_deadline', '换届工作截止日期', 'campaignDeadline', 'date'),
  column('group_id', '领导小组编号', 'groupId'),
  column('group_name', '换届工作领导小组', 'groupName'),
  column('group_leader_name', '领导小组组长', 'groupLeaderName'),
  column('state', '选举阶段', 'state'),
  column('started_on', '开始日期', 'startedOn', 'date'),
  column('last_step', '最近步骤', 'lastStep'),
  column('last_step_at', '最近步骤时间', 'lastStepAt'),
  column('last_step_on', '最近步骤日期', 'lastStepOn', 'date'),
  column('planned_date', '计划选举日期', 'plannedDate', 'date'),
  column('due_date', '应换届日期', 'dueDate', 'date'),
  column('approval_reference', '批复文号', 'approvalReference'),
  column('approval_lapses_on', '批复失效日期', 'approvalLapsesOn', 'date'),
  column('current_term_end', '本届任期届满日期', 'currentTermEnd', 'date'),
  column('new_term_start', '新一届任期起始日期', 'newTermStart', 'date'),
  column('new_term_end', '新一届任期届满日期', 'newTermEnd', 'date'),
  column('next_step', '下一步命令', 'nextStep'),
  column('next_step_zh', '下一步', 'nextStepZh'),
  column('next_step_en', '下一步（英文）', 'nextStepEn'),
  column('policy_version', '规则版本', 'policyVersion'),
  column('overdue', '是否逾期', 'overdue'),
  { header: 'overdue_reasons', headerZh: '逾期原因', value: (row) => row.overdueReasons.join(';') },
];
