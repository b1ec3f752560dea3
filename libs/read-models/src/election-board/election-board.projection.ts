import {
  evolveElection,
  hasUnusedApproval,
  isBeforeAssembly,
  type ElectionEvent,
  type ElectionState,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { applyHandler, type ProjectionHandler, type ProjectionHandlers } from '../projection/event-handlers';
import type { SqlProjection, Tables } from '../projection/projection';
import { statement } from '../database/statement-cache';
import { isElectionEventType } from '../statistics/workflow-states';
import { nextStepOf } from './next-step';

export type ElectionBoardTable =
  | 'board_elections'
  | 'board_campaigns'
  | 'board_working_groups'
  | 'board_assignments'
  | 'board_branches'
  | 'board_reminders';
type T = Tables<ElectionBoardTable>;
type Data = Record<string, unknown>;

const ELECTION_PREFIX = 'election-';

/** The columns of the `board_elections` view (everything but the folded state). */
const BOARD_ELECTION_COLUMNS = [
  'election_id',
  'branch_id',
  'state',
  'started_on',
  'last_step',
  'last_step_at',
  'last_step_on',
  'planned_date',
  'due_date',
  'approval_reference',
  'approval_lapses_on',
  'approval_unused',
  'before_assembly',
  'current_term_end',
  'new_term_start',
  'new_term_end',
  'next_command',
  'next_step_zh',
  'next_step_en',
  'policy_version',
  'started_position',
  'last_position',
] as const;

/**
 * Built on the projection's stable views, so they follow every blue-green switch by name: each
 * election with its branch's name and the campaign (the latest plan that assigned the branch),
 * working group and leader. Overdue needs a date, so it is left to the query.
 */
export const BOARD_VIEWS = {
  board_overview: `
    SELECT e.*, b.name AS branch_name, a.campaign_id, c.title AS campaign_title, c.deadline AS campaign_deadline,
      a.group_id, g.name AS group_name, g.leader_id AS group_leader_id, g.leader_name AS group_leader_name
    FROM board_elections e
    LEFT JOIN board_assignments a ON a.branch_id = e.branch_id AND a.campaign_id = (
      SELECT a2.campaign_id FROM board_assignments a2 JOIN board_campaigns c2 ON c2.campaign_id = a2.campaign_id
      WHERE a2.branch_id = e.branch_id ORDER BY c2.issued_position DESC LIMIT 1)
    LEFT JOIN board_campaigns c ON c.campaign_id = a.campaign_id
    LEFT JOIN board_working_groups g ON g.campaign_id = a.campaign_id AND g.group_id = a.group_id
    LEFT JOIN board_branches b ON b.branch_id = e.branch_id`,
} as const;

const day = (value: unknown): string | null =>
  typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null;

interface BoardRow {
  readonly election_id: string;
  readonly state_json: string;
  readonly last_position: number;
  readonly started_position: number;
  readonly started_on: string;
  readonly planned_date: string | null;
  readonly due_date: string | null;
  readonly approval_reference: string | null;
  readonly approval_lapses_on: string | null;
  readonly current_term_end: string | null;
  readonly new_term_start: string | null;
  readonly new_term_end: string | null;
}

/** The board's date columns, read from the election's state; a cancelled election keeps what it had. */
function datesOf(state: ElectionState, previous: BoardRow | undefined) {
  if (state.status === 'none' || state.status === 'cancelled') {
    return {
      planned_date: previous?.planned_date ?? null,
      due_date: previous?.due_date ?? null,
      approval_reference: previous?.approval_reference ?? null,
      approval_lapses_on: previous?.approval_lapses_on ?? null,
      approval_unused: 0,
      current_term_end: previous?.current_term_end ?? null,
      new_term_start: previous?.new_term_start ?? null,
      new_term_end: previous?.new_term_end ?? null,
    };
  }
  const approval =
    'approval' in state ? state.approval : state.status === 'approvalLapsed' ? state.lapsedApproval : null;
  return {
    planned_date: 'request' in state ? state.request.plannedDate : null,
    due_date: state.dueDate,
    approval_reference: approval?.approvalReference ?? null,
    approval_lapses_on: approval?.lapsesOn ?? null,
    approval_unused: hasUnusedApproval(state) ? 1 : 0,
    current_term_end: state.census.currentTerm?.end ?? null,
    new_term_start: 'installation' in state ? state.installation.termStart : null,
    new_term_end: 'installation' in state ? state.installation.termEnd : null,
  };
}

/**
 * The election board (换届进度): one row per election (`election-…` stream) with its state, the
 * last step and when, the dates that bind it (planned date, due date, approval lapse, term end)
 * and a hint of the next step; beside it the campaigns, their working groups and which branch is
 * assigned (包联) to which group. Overdue is judged at query time against a date, since a read
 * model cannot know what day it is.
 *
 * Each election row keeps the election's state folded with the domain's own `evolveElection`,
 * so the board never drifts from the decider. Rows remember the position of the last event
 * applied to them and only move forward: applying an event twice changes nothing.
 */
export const electionBoardProjection: SqlProjection<ElectionBoardTable> = {
  name: 'election-board',
  // 2: the reminders sent to the superior (board_reminders).
  version: 2,
  tables: [
    'board_elections',
    'board_campaigns',
    'board_working_groups',
    'board_assignments',
    'board_branches',
    'board_reminders',
  ],

  createTables(db, t) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${t.board_elections} (
        election_id TEXT PRIMARY KEY,
        branch_id TEXT NOT NULL,
        state TEXT NOT NULL,
        started_on TEXT NOT NULL,
        last_step TEXT NOT NULL,
        last_step_at TEXT NOT NULL,
        last_step_on TEXT NOT NULL,
        planned_date TEXT,
        due_date TEXT,
        approval_reference TEXT,
        approval_lapses_on TEXT,
        approval_unused INTEGER NOT NULL,
        before_assembly INTEGER NOT NULL,
        current_term_end TEXT,
        new_term_start TEXT,
        new_term_end TEXT,
        next_command TEXT,
        next_step_zh TEXT NOT NULL,
        next_step_en TEXT NOT NULL,
        policy_version TEXT,
        state_json TEXT NOT NULL,
        started_position INTEGER NOT NULL,
        last_position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.board_campaigns} (
        campaign_id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        document_number TEXT NOT NULL,
        deadline TEXT NOT NULL,
        issued_on TEXT NOT NULL,
        issued_position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.board_working_groups} (
        campaign_id TEXT NOT NULL,
        group_id TEXT NOT NULL,
        name TEXT NOT NULL,
        leader_id TEXT NOT NULL,
        leader_name TEXT NOT NULL,
        formed_on TEXT NOT NULL,
        last_position INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, group_id)
      );
      CREATE TABLE IF NOT EXISTS ${t.board_assignments} (
        campaign_id TEXT NOT NULL,
        branch_id TEXT NOT NULL,
        group_id TEXT NOT NULL,
        previous_group_id TEXT,
        assigned_on TEXT NOT NULL,
        last_position INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, branch_id)
      );
      CREATE TABLE IF NOT EXISTS ${t.board_branches} (
        branch_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        last_position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.board_reminders} (
        event_id TEXT PRIMARY KEY,
        branch_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        due_on TEXT NOT NULL,
        term_end TEXT,
        election_id TEXT,
        months_before INTEGER,
        policy_version TEXT NOT NULL,
        position INTEGER NOT NULL
      );
    `);
    db.transaction(() => {
      for (const [view, select] of Object.entries(BOARD_VIEWS)) {
        db.exec(`DROP VIEW IF EXISTS ${view}`);
        db.exec(`CREATE VIEW ${view} AS ${select}`);
      }
    })();
  },

  createIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t.board_elections}_branch ON ${t.board_elections} (branch_id, started_position);
      CREATE INDEX IF NOT EXISTS ${t.board_elections}_state ON ${t.board_elections} (state);
      CREATE INDEX IF NOT EXISTS ${t.board_assignments}_branch ON ${t.board_assignments} (branch_id);
      CREATE INDEX IF NOT EXISTS ${t.board_reminders}_due ON ${t.board_reminders} (due_on, branch_id);
    `);
  },

  viewColumns(table) {
    // The folded state is the projection's own working memory, not part of the reporting interface.
    return table === 'board_elections' ? BOARD_ELECTION_COLUMNS.join(', ') : '*';
  },

  apply(db, event, t) {
    if (event.stream.startsWith(ELECTION_PREFIX)) {
      applyElectionEvent(db, event, t);
      return;
    }
    applyHandler(handlers, db, event, t);
  },
};

function applyElectionEvent(db: ReadModelDatabase, event: RecordedEvent, t: T): void {
  const electionId = event.stream.slice(ELECTION_PREFIX.length);
  const previous = statement(db, `SELECT * FROM ${t.board_elections} WHERE election_id = ?`).get(electionId) as
    BoardRow | undefined;
  if (previous && previous.last_position >= event.position) return;
  const before: ElectionState = previous ? (JSON.parse(previous.state_json) as ElectionState) : { status: 'none' };
  // Data from the store has the shape the decider recorded. A known event that cannot be applied
  // throws and stops the projection (never a silent skip); types of no election are not ours.
  // A term-end reminder records that the bureau was told; it moves nothing on the board.
  if (!isElectionEventType(event.type) || event.type === 'TermEndReminderDue') return;
  const next = evolveElection(before, { type: event.type, data: event.data } as unknown as ElectionEvent);
  if (next.status === 'none') return; // nothing happened before the census: no row yet
  const data = event.data as Data;
  const stepAt = typeof data.at === 'string' ? data.at : event.metadata.occurredAt;
  const next_ = nextStepOf(next);
  const dates = datesOf(next, previous);
  const policyVersion =
    typeof data.policyVersion === 'string' ? data.policyVersion : (event.metadata.policyVersion ?? null);
  statement(
    db,
    `INSERT INTO ${t.board_elections} (election_id, branch_id, state, started_on, last_step, last_step_at, last_step_on,
       planned_date, due_date, approval_reference, approval_lapses_on, approval_unused, before_assembly,
       current_term_end, new_term_start, new_term_end, next_command, next_step_zh, next_step_en, policy_version,
       state_json, started_position, last_position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (election_id) DO UPDATE SET branch_id = excluded.branch_id, state = excluded.state,
       last_step = excluded.last_step, last_step_at = excluded.last_step_at, last_step_on = excluded.last_step_on,
       planned_date = excluded.planned_date, due_date = excluded.due_date,
       approval_reference = excluded.approval_reference, approval_lapses_on = excluded.approval_lapses_on,
       approval_unused = excluded.approval_unused, before_assembly = excluded.before_assembly,
       current_term_end = excluded.current_term_end, new_term_start = excluded.new_term_start,
       new_term_end = excluded.new_term_end, next_command = excluded.next_command,
       next_step_zh = excluded.next_step_zh, next_step_en = excluded.next_step_en,
       policy_version = excluded.policy_version, state_json = excluded.state_json,
       last_position = excluded.last_position
     WHERE excluded.last_position > ${t.board_elections}.last_position`,
  ).run(
    electionId,
    next.branchId,
    next.status,
    previous?.started_on ?? day(stepAt) ?? '',
    event.type,
    stepAt,
    day(stepAt) ?? '',
    dates.planned_date,
    dates.due_date,
    dates.approval_reference,
    dates.approval_lapses_on,
    dates.approval_unused,
    // Before the members' assembly the due date (term end, or a shifted date) still binds the election.
    isBeforeAssembly(next.status) ? 1 : 0,
    dates.current_term_end,
    dates.new_term_start,
    dates.new_term_end,
    next_.command,
    next_.zh,
    next_.en,
    policyVersion,
    JSON.stringify(next),
    previous?.started_position ?? event.position,
    event.position,
  );
}

const at = (d: { readonly at?: unknown }, e: RecordedEvent): string => day(d.at) ?? day(e.metadata.occurredAt) ?? '';
const holder = (value: unknown): { personId: string; name: string } => {
  const h = (value ?? {}) as Data;
  const text = (field: unknown): string => (typeof field === 'string' ? field : '');
  return { personId: text(h.personId), name: text(h.name) };
};

const branchName: ProjectionHandler<'BranchEstablished' | 'BranchRenamed', ElectionBoardTable> = (db, d, e, t) =>
  statement(
    db,
    `INSERT INTO ${t.board_branches} (branch_id, name, last_position) VALUES (?, ?, ?)
     ON CONFLICT (branch_id) DO UPDATE SET name = excluded.name, last_position = excluded.last_position
     WHERE excluded.last_position > ${t.board_branches}.last_position`,
  ).run(d.branchId, d.name, e.position);

const handlers: ProjectionHandlers<ElectionBoardTable> = {
  BranchEstablished: branchName,
  BranchRenamed: branchName,

  // A reminder to the superior (docs/rules.md §5.3); the event id keeps a re-applied one single.
  ElectionReminderSent: (db, d, e, t) =>
    statement(
      db,
      `INSERT INTO ${t.board_reminders}
         (event_id, branch_id, kind, due_on, term_end, election_id, months_before, policy_version, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
    ).run(
      e.id,
      d.branchId,
      d.kind,
      d.dueOn,
      d.termEnd ?? null,
      d.electionId ?? null,
      d.monthsBefore ?? null,
      d.policyVersion,
      e.position,
    ),

  ElectionPlanIssued: (db, d, e, t) =>
    statement(
      db,
      `INSERT INTO ${t.board_campaigns} (campaign_id, title, document_number, deadline, issued_on, issued_position)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id) DO NOTHING`,
    ).run(d.campaignId, d.title, d.documentNumber, d.deadline, at(d, e), e.position),
  WorkingGroupFormed: (db, d, e, t) => {
    const leader = holder(d.leader);
    statement(
      db,
      `INSERT INTO ${t.board_working_groups} (campaign_id, group_id, name, leader_id, leader_name, formed_on, last_position)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, group_id) DO NOTHING`,
    ).run(d.campaignId, d.groupId, d.name, leader.personId, leader.name, at(d, e), e.position);
  },
  BranchAssignedToWorkingGroup: (db, d, e, t) =>
    statement(
      db,
      `INSERT INTO ${t.board_assignments} (campaign_id, branch_id, group_id, previous_group_id, assigned_on, last_position)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (campaign_id, branch_id) DO UPDATE SET group_id = excluded.group_id,
         previous_group_id = excluded.previous_group_id, assigned_on = excluded.assigned_on,
         last_position = excluded.last_position
       WHERE excluded.last_position > ${t.board_assignments}.last_position`,
    ).run(d.campaignId, d.branchId, d.groupId, d.previousGroupId ?? null, at(d, e), e.position),
};
