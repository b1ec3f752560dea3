import type { RecordedEvent } from '@app/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { SqlProjection, Tables } from '../projection/projection';
import type { KnownEvent } from '../projection/event-handlers';
import { describeEvent, type NameLookup } from './event-descriptions';
import { streamCategory, subjectsOf, type EventSubjects } from './event-subjects';
import type { Statement } from 'better-sqlite3';
import { AuditNames } from './audit-names';
import { cached } from '../database/statement-cache';

export type AuditTable = 'audit_events' | 'audit_event_branches' | 'audit_names';
type T = Tables<AuditTable>;
type Data = Record<string, unknown>;

/** The business date of an event: the calendar day of `occurredAt` as the API records it (UTC). */
export const businessDate = (occurredAt: string): string => occurredAt.slice(0, 10);

/**
 * The audit log: one row per event, keyed by its position, with who, when, under which rule,
 * what it concerns and a one-line description in Chinese and English. The projection keeps its
 * own small names table (committees, branches, members, restructuring kinds) so a description
 * names things as they were called when the event happened, without replaying anything.
 * A row, once written, is never rewritten: applying an event again changes nothing.
 */
export const auditProjection: SqlProjection<AuditTable> = {
  name: 'audit',
  // v2: campaign, rule-policy and election events described; election events filed under their branch.
  // v3: branch links in a rowid table, keyed by an index built when the generation goes live.
  version: 3,
  tables: ['audit_events', 'audit_event_branches', 'audit_names'],

  createTables(db, t) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${t.audit_events} (
        position INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL,
        stream TEXT NOT NULL,
        revision INTEGER NOT NULL,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        occurred_at TEXT NOT NULL,
        occurred_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        command_id TEXT NOT NULL,
        correlation_id TEXT NOT NULL,
        causation_id TEXT NOT NULL,
        policy_version TEXT,
        committee_id TEXT,
        branch_id TEXT,
        from_branch_id TEXT,
        member_id TEXT,
        restructuring_id TEXT,
        description_zh TEXT NOT NULL,
        description_en TEXT NOT NULL,
        hash TEXT NOT NULL,
        data_json TEXT NOT NULL
      );
      -- Written in position order; the (branch, position) key is built when the generation goes live.
      CREATE TABLE IF NOT EXISTS ${t.audit_event_branches} (
        branch_id TEXT NOT NULL,
        position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.audit_names} (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
    `);
  },

  createIndexes(db, t) {
    db.exec(`
      CREATE UNIQUE INDEX IF NOT EXISTS ${t.audit_events}_event ON ${t.audit_events} (event_id);
      CREATE UNIQUE INDEX IF NOT EXISTS ${t.audit_events}_stream ON ${t.audit_events} (stream, revision);
      CREATE INDEX IF NOT EXISTS ${t.audit_events}_member ON ${t.audit_events} (member_id, position);
      CREATE INDEX IF NOT EXISTS ${t.audit_events}_actor ON ${t.audit_events} (actor_id, position);
      CREATE INDEX IF NOT EXISTS ${t.audit_events}_type ON ${t.audit_events} (type, position);
      CREATE INDEX IF NOT EXISTS ${t.audit_events}_day ON ${t.audit_events} (occurred_on, position);
      CREATE UNIQUE INDEX IF NOT EXISTS ${t.audit_event_branches}_key ON ${t.audit_event_branches} (branch_id, position);
      CREATE INDEX IF NOT EXISTS ${t.audit_event_branches}_position ON ${t.audit_event_branches} (position);
    `);
  },

  discardMemory(db, t) {
    statementsFor(db, t).memory.forget();
  },

  apply(db, event, t) {
    const sql = statementsFor(db, t);
    const data = event.data as Data;
    // Described with the names known before this event: an event that introduces or changes a
    // name carries it (and the previous one) in its data.
    const description = describeEvent(event.type, data, sql.names, event.stream);
    const subjects = withElectionBranch(subjectsOf(event.stream, data), event.stream, sql.names);
    const m = event.metadata;
    const inserted = sql.insert.run(
      event.position,
      event.id,
      event.stream,
      event.revision,
      event.type,
      event.schemaVersion,
      m.occurredAt,
      businessDate(m.occurredAt),
      m.recordedAt,
      m.actor.id,
      m.actor.name,
      m.actor.role,
      m.commandId,
      m.correlationId,
      m.causationId,
      m.policyVersion ?? (typeof data.policyVersion === 'string' ? data.policyVersion : null),
      subjects.committeeId,
      subjects.branchId,
      subjects.fromBranchId,
      subjects.memberId,
      subjects.restructuringId,
      description.zh,
      description.en,
      m.hash,
      JSON.stringify(data),
    );
    if (inserted.changes === 0) return; // applied before: the row, its links and its names are there
    for (const branchId of subjects.branchIds) sql.link.run(branchId, event.position);
    rememberNames(sql, event);
  },
};

interface AuditStatements {
  readonly insert: Statement;
  readonly link: Statement;
  readonly memory: AuditNames;
  readonly names: NameLookup;
}

/** The statements of one generation's tables, prepared once: a rebuild applies millions of events. */
function statementsFor(db: ReadModelDatabase, t: T): AuditStatements {
  // Keyed by the generation's main table name as it is: no key to build for every event.
  return cached(db, t.audit_events, () => prepare(db, t));
}

function prepare(db: ReadModelDatabase, t: T): AuditStatements {
  const memory = new AuditNames(db, t.audit_names);
  const name = (kind: string, id: string): string => memory.get(kind, id) ?? id;
  const statements: AuditStatements = {
    insert: db.prepare(
      `INSERT INTO ${t.audit_events} (position, event_id, stream, revision, type, schema_version, occurred_at,
         occurred_on, recorded_at, actor_id, actor_name, actor_role, command_id, correlation_id, causation_id,
         policy_version, committee_id, branch_id, from_branch_id, member_id, restructuring_id, description_zh,
         description_en, hash, data_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (position) DO NOTHING`,
    ),
    link: db.prepare(
      // No conflict clause: links are written only with the event's row, which is written once.
      `INSERT INTO ${t.audit_event_branches} (branch_id, position) VALUES (?, ?)`,
    ),
    memory,
    names: {
      committee: (id) => name('committee', id),
      branch: (id) => name('branch', id),
      member: (id) => name('member', id),
      restructuringKind: (id) => {
        const kind = memory.get('restructuring', id);
        return kind === 'merge' || kind === 'redraw' || kind === 'dissolution' ? kind : null;
      },
      campaign: (id) => name('campaign', id),
      workingGroup: (campaignId, groupId) => memory.get('workingGroup', `${campaignId}/${groupId}`) ?? groupId,
      electionBranch: (id) => memory.get('election', id),
      demonstration: (id) => name('demonstration', id),
      volunteerTeam: (id) => name('volunteerTeam', id),
    },
  };
  return statements;
}

/** Names the event introduces or changes; a name only moves forward in position. */
function rememberNames(sql: AuditStatements, event: RecordedEvent): void {
  // Narrowed by type, each case reads its event's data as the domain declares it.
  const e = event as unknown as KnownEvent;
  const set = (kind: string, id: unknown, name: unknown) => {
    if (typeof id !== 'string' || typeof name !== 'string') return;
    sql.memory.set(kind, id, name, event.position);
  };
  switch (e.type) {
    case 'PartyCommitteeEstablished':
    case 'PartyCommitteeRenamed':
      return set('committee', e.data.committeeId, e.data.name);
    case 'BranchEstablished':
    case 'BranchRenamed':
      return set('branch', e.data.branchId, e.data.name);
    case 'MemberAdmitted':
      return set('member', e.data.memberId, e.data.name);
    case 'MemberDataCorrected':
      return set('member', e.data.memberId, e.data.corrections?.name);
    case 'RestructuringProposed':
      return set('restructuring', e.data.restructuringId, e.data.plan?.kind);
    case 'CensusTaken':
      // An election's later events name only the election; its census names the branch.
      return set('election', e.data.electionId, e.data.branchId);
    case 'ElectionPlanIssued':
      return set('campaign', e.data.campaignId, e.data.title);
    case 'WorkingGroupFormed':
      return set('workingGroup', `${e.data.campaignId}/${e.data.groupId}`, e.data.name);
    // No event of these types predates this code, so the projection's version stays: nothing to rebuild.
    case 'DemonstrationCampaignLaunched':
      return set('demonstration', e.data.campaignId, e.data.title);
    case 'VolunteerTeamFormed':
      return set('volunteerTeam', e.data.teamId, e.data.name);
  }
}

/** An election event without a branch in its data is filed under the branch its census named. */
function withElectionBranch(subjects: EventSubjects, stream: string, names: NameLookup): EventSubjects {
  if (subjects.branchId !== null) return subjects;
  const { category, id } = streamCategory(stream);
  const branchId = category === 'election' ? names.electionBranch(id) : null;
  return branchId === null
    ? subjects
    : { ...subjects, branchId, branchIds: [branchId, ...subjects.branchIds.filter((other) => other !== branchId)] };
}
