import type { PostAssignmentEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { applyHandler, type ProjectionHandler, type ProjectionHandlers } from '../projection/event-handlers';
import type { SqlProjection, Tables } from '../projection/projection';
import { statement } from '../database/statement-cache';
import { updateIfNewer } from '../database/update-if-newer';
import { electionStateAfter, RESTRUCTURING_STATE_BY_EVENT } from './workflow-states';

export type StatisticsTable =
  | 'report_committees'
  | 'report_branches'
  | 'report_members'
  | 'report_posts'
  | 'report_restructurings'
  | 'report_elections';
type T = Tables<StatisticsTable>;
type Data = Record<string, unknown>;

/** Views built on the projection's stable views; they follow every blue-green switch by name. */
export const REPORT_VIEWS = {
  report_branch_overview: `
    SELECT b.branch_id, b.name, b.committee_id, c.name AS committee_name, b.joint, b.status,
      b.established_on, b.dissolved_on, b.restructuring_id,
      (SELECT COUNT(*) FROM report_members m
        WHERE m.branch_id = b.branch_id AND m.status = 'active' AND m.membership = 'full') AS full_members,
      (SELECT COUNT(*) FROM report_members m
        WHERE m.branch_id = b.branch_id AND m.status = 'active' AND m.membership = 'probationary') AS probationary_members,
      EXISTS (SELECT 1 FROM report_posts p WHERE p.branch_id = b.branch_id AND p.end_date IS NULL
        AND p.kind = 'committeeMember' AND p.source = 'elected') AS has_committee,
      (SELECT p.person_id FROM report_posts p WHERE p.branch_id = b.branch_id AND p.end_date IS NULL
        AND p.kind = 'secretary' ORDER BY p.start_date DESC, p.post_id LIMIT 1) AS secretary_id,
      (SELECT p.person_name FROM report_posts p WHERE p.branch_id = b.branch_id AND p.end_date IS NULL
        AND p.kind = 'secretary' ORDER BY p.start_date DESC, p.post_id LIMIT 1) AS secretary_name
    FROM report_branches b LEFT JOIN report_committees c ON c.committee_id = b.committee_id`,
  report_member_roll: `
    SELECT m.member_id, m.name, m.sex, m.birth_date, m.joined_party_on, m.former_post_level, m.membership,
      m.voting_suspended, m.status, m.branch_id, b.name AS branch_name, m.admitted_on, m.left_on, m.left_reason
    FROM report_members m LEFT JOIN report_branches b ON b.branch_id = m.branch_id`,
} as const;

const day = (value: unknown): string | null =>
  typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null;
const at = (d: { readonly at?: unknown }, e: RecordedEvent): string => day(d.at) ?? day(e.metadata.occurredAt) ?? '';

/**
 * The figures administrators and reporting jobs ask for, kept in tables whose views are the
 * documented reporting interface (see ../export/README.md): committees, branches, members, posts,
 * restructurings and elections with their workflow state. Independent of the other projections
 * so its checkpoint alone says how fresh every report is. Rows remember the position of the last
 * event that changed them and only move forward, so applying an event twice changes nothing.
 */
export const statisticsProjection: SqlProjection<StatisticsTable> = {
  name: 'statistics',
  // v2: elections are tracked by state (ELECTION_STATE_BY_EVENT); rebuilt so past election events count.
  version: 2,
  tables: [
    'report_committees',
    'report_branches',
    'report_members',
    'report_posts',
    'report_restructurings',
    'report_elections',
  ],

  createTables(db, t) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${t.report_committees} (
        committee_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        parent_committee_id TEXT,
        status TEXT NOT NULL,
        established_on TEXT NOT NULL,
        dissolved_on TEXT,
        last_position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.report_branches} (
        branch_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        committee_id TEXT NOT NULL,
        joint INTEGER NOT NULL,
        status TEXT NOT NULL,
        established_on TEXT NOT NULL,
        dissolved_on TEXT,
        restructuring_id TEXT,
        last_position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.report_members} (
        member_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sex TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        joined_party_on TEXT NOT NULL,
        former_post_level TEXT NOT NULL,
        membership TEXT NOT NULL,
        voting_suspended INTEGER NOT NULL,
        status TEXT NOT NULL,
        branch_id TEXT NOT NULL,
        admitted_on TEXT NOT NULL,
        left_on TEXT,
        left_reason TEXT,
        last_position INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ${t.report_posts} (
        post_id TEXT PRIMARY KEY,
        branch_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        duty TEXT,
        source TEXT NOT NULL,
        person_id TEXT NOT NULL,
        person_name TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT,
        end_reason TEXT,
        last_position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.report_restructurings} (
        restructuring_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        proposed_on TEXT NOT NULL,
        state_since TEXT NOT NULL,
        last_position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.report_elections} (
        election_id TEXT PRIMARY KEY,
        branch_id TEXT,
        state TEXT NOT NULL,
        last_event_type TEXT NOT NULL,
        state_since TEXT NOT NULL,
        last_position INTEGER NOT NULL
      );
    `);
    db.transaction(() => {
      for (const [view, select] of Object.entries(REPORT_VIEWS)) {
        db.exec(`DROP VIEW IF EXISTS ${view}`);
        db.exec(`CREATE VIEW ${view} AS ${select}`);
      }
    })();
  },

  createIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t.report_branches}_status ON ${t.report_branches} (status);
      CREATE INDEX IF NOT EXISTS ${t.report_members}_branch ON ${t.report_members} (branch_id, status, membership);
      CREATE INDEX IF NOT EXISTS ${t.report_posts}_branch ON ${t.report_posts} (branch_id, end_date, kind);
    `);
  },

  apply(db, event, t) {
    applyHandler(handlers, db, event, t);
    trackWorkflows(db, event, t);
  },
};

/** Updates a row only if this event is newer than the last one applied to it. */
const update = (db: ReadModelDatabase, table: string, key: string, id: unknown, set: Data, position: number): void =>
  updateIfNewer(db, table, 'last_position', { [key]: id }, set, position);

const postAssigned: ProjectionHandler<PostAssignmentEvent['type'], StatisticsTable> = (db, d, e, t) => {
  const { post } = d;
  statement(
    db,
    `INSERT INTO ${t.report_posts} (post_id, branch_id, kind, duty, source, person_id, person_name, start_date, last_position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (post_id) DO NOTHING`,
  ).run(
    post.postId,
    d.branchId,
    post.kind,
    post.duty ?? null,
    post.source,
    post.holder.personId,
    post.holder.name,
    post.startDate,
    e.position,
  );
};

const MEMBER_COLUMNS: Record<string, string> = {
  name: 'name',
  sex: 'sex',
  birthDate: 'birth_date',
  joinedPartyOn: 'joined_party_on',
  formerPostLevel: 'former_post_level',
};

const handlers: ProjectionHandlers<StatisticsTable> = {
  PartyCommitteeEstablished: (db, d, e, t) =>
    statement(
      db,
      `INSERT INTO ${t.report_committees} (committee_id, name, kind, parent_committee_id, status, established_on, last_position)
       VALUES (?, ?, ?, ?, 'active', ?, ?) ON CONFLICT (committee_id) DO NOTHING`,
    ).run(d.committeeId, d.name, d.kind, d.parentCommitteeId ?? null, at(d, e), e.position),
  PartyCommitteeRenamed: (db, d, e, t) =>
    update(db, t.report_committees, 'committee_id', d.committeeId, { name: d.name }, e.position),
  PartyCommitteeDissolved: (db, d, e, t) =>
    update(
      db,
      t.report_committees,
      'committee_id',
      d.committeeId,
      { status: 'dissolved', dissolved_on: at(d, e) },
      e.position,
    ),

  BranchEstablished: (db, d, e, t) =>
    statement(
      db,
      `INSERT INTO ${t.report_branches} (branch_id, name, committee_id, joint, status, established_on, restructuring_id, last_position)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?) ON CONFLICT (branch_id) DO NOTHING`,
    ).run(d.branchId, d.name, d.parentCommitteeId, d.joint ? 1 : 0, at(d, e), d.restructuringId ?? null, e.position),
  BranchRenamed: (db, d, e, t) => update(db, t.report_branches, 'branch_id', d.branchId, { name: d.name }, e.position),
  BranchReaffiliated: (db, d, e, t) =>
    update(db, t.report_branches, 'branch_id', d.branchId, { committee_id: d.toCommitteeId }, e.position),
  BranchDissolved: (db, d, e, t) =>
    update(db, t.report_branches, 'branch_id', d.branchId, { status: 'dissolved', dissolved_on: at(d, e) }, e.position),
  PostAssigned: postAssigned,
  OfficerAppointed: postAssigned,
  ViceSecretaryCrossAppointed: postAssigned,
  PartyAffairsOfficerAssigned: postAssigned,
  PostVacated: (db, d, e, t) =>
    update(db, t.report_posts, 'post_id', d.postId, { end_date: d.endDate, end_reason: d.reason }, e.position),

  MemberAdmitted: (db, d, e, t) =>
    statement(
      db,
      `INSERT INTO ${t.report_members} (member_id, name, sex, birth_date, joined_party_on, former_post_level, membership,
         voting_suspended, status, branch_id, admitted_on, last_position)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'active', ?, ?, ?) ON CONFLICT (member_id) DO NOTHING`,
    ).run(
      d.memberId,
      d.name,
      d.sex,
      d.birthDate,
      d.joinedPartyOn,
      d.formerPostLevel,
      d.membership,
      d.branchId,
      at(d, e),
      e.position,
    ),
  MemberConfirmed: (db, d, e, t) =>
    update(db, t.report_members, 'member_id', d.memberId, { membership: 'full' }, e.position),
  VotingRightsSuspended: (db, d, e, t) =>
    update(db, t.report_members, 'member_id', d.memberId, { voting_suspended: 1 }, e.position),
  VotingRightsRestored: (db, d, e, t) =>
    update(db, t.report_members, 'member_id', d.memberId, { voting_suspended: 0 }, e.position),
  MemberTransferred: (db, d, e, t) =>
    update(db, t.report_members, 'member_id', d.memberId, { branch_id: d.toBranchId }, e.position),
  MemberLeft: (db, d, e, t) =>
    update(
      db,
      t.report_members,
      'member_id',
      d.memberId,
      { status: 'left', left_on: d.leftOn, left_reason: d.reason },
      e.position,
    ),
  MemberDataCorrected: (db, d, e, t) => {
    const corrections: Data = d.corrections ?? {};
    const set = Object.fromEntries(
      Object.keys(corrections).flatMap((key) => (MEMBER_COLUMNS[key] ? [[MEMBER_COLUMNS[key], corrections[key]]] : [])),
    );
    if (Object.keys(set).length > 0) update(db, t.report_members, 'member_id', d.memberId, set, e.position);
  },

  RestructuringProposed: (db, d, e, t) =>
    statement(
      db,
      `INSERT INTO ${t.report_restructurings} (restructuring_id, kind, state, proposed_on, state_since, last_position)
       VALUES (?, ?, 'proposed', ?, ?, ?) ON CONFLICT (restructuring_id) DO NOTHING`,
    ).run(d.restructuringId, d.plan?.kind ?? 'unknown', at(d, e), at(d, e), e.position),
};

/**
 * Moves restructurings and elections through their states by event type (tables in
 * ./workflow-states.ts). The row of an election is created by its census; events that record a
 * step without changing the state (null in ELECTION_STATE_BY_EVENT) leave the row as it is.
 */
function trackWorkflows(db: ReadModelDatabase, event: RecordedEvent, t: T): void {
  const d = event.data as Data;
  const restructuringState = RESTRUCTURING_STATE_BY_EVENT[event.type];
  if (restructuringState && restructuringState !== 'proposed') {
    update(
      db,
      t.report_restructurings,
      'restructuring_id',
      d.restructuringId,
      { state: restructuringState, state_since: at(d, event) },
      event.position,
    );
  }
  const electionState = event.stream.startsWith('election-') ? electionStateAfter(event.type, d) : null;
  if (electionState) {
    statement(
      db,
      `INSERT INTO ${t.report_elections} (election_id, branch_id, state, last_event_type, state_since, last_position)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (election_id) DO UPDATE SET state = excluded.state, last_event_type = excluded.last_event_type,
         state_since = excluded.state_since, last_position = excluded.last_position,
         branch_id = COALESCE(excluded.branch_id, ${t.report_elections}.branch_id)
       WHERE excluded.last_position > ${t.report_elections}.last_position`,
    ).run(
      event.stream.slice('election-'.length),
      typeof d.branchId === 'string' ? d.branchId : null,
      electionState,
      event.type,
      at(d, event),
      event.position,
    );
  }
}
