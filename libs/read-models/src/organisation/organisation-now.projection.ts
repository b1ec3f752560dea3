import type { PostAssignmentEvent } from '@app/domain';
import type { ReadModelDatabase } from '../database/read-model-database';
import { statement } from '../database/statement-cache';
import { updateIfNewer } from '../database/update-if-newer';
import { applyHandler, type ProjectionHandler, type ProjectionHandlers } from '../projection/event-handlers';
import type { SqlProjection } from '../projection/projection';

type Table = 'committees' | 'branches' | 'members' | 'posts';
type Data = Record<string, unknown>;

/**
 * The organisation as it stands now: committees, branches, every member's single affiliation,
 * and the posts held. Command handlers read their cross-stream facts here (is the target open,
 * how many members does a branch have). Every row remembers the position of the last event
 * that changed it, and updates only move forward, so applying an event twice changes nothing.
 */
export const organisationNowProjection: SqlProjection<Table> = {
  name: 'organisation-now',
  // v2: posts are keyed by (branch, post id); the domain keeps post ids unique per branch only.
  version: 2,
  tables: ['committees', 'branches', 'members', 'posts'],

  createTables(db, t) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${t.committees} (
        committee_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        parent_committee_id TEXT,
        status TEXT NOT NULL,
        established_at TEXT NOT NULL,
        dissolved_at TEXT,
        position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.branches} (
        branch_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        committee_id TEXT NOT NULL,
        joint INTEGER NOT NULL,
        status TEXT NOT NULL,
        established_at TEXT NOT NULL,
        dissolved_at TEXT,
        restructuring_id TEXT,
        position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.members} (
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
        left_on TEXT,
        left_reason TEXT,
        position INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ${t.posts} (
        post_id TEXT NOT NULL,
        branch_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        duty TEXT,
        source TEXT NOT NULL,
        document_reference TEXT,
        person_id TEXT NOT NULL,
        person_name TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT,
        end_reason TEXT,
        position INTEGER NOT NULL,
        PRIMARY KEY (branch_id, post_id)
      );
    `);
  },

  createIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t.branches}_committee ON ${t.branches} (committee_id);
      CREATE INDEX IF NOT EXISTS ${t.members}_branch ON ${t.members} (branch_id, status);
      CREATE INDEX IF NOT EXISTS ${t.posts}_branch ON ${t.posts} (branch_id, end_date);
    `);
  },

  apply(db, event, t) {
    applyHandler(handlers, db, event, t);
  },
};

const postAssigned: ProjectionHandler<PostAssignmentEvent['type'], Table> = (db, data, event, t) => {
  const { post } = data;
  statement(
    db,
    `INSERT INTO ${t.posts} (post_id, branch_id, kind, duty, source, document_reference, person_id, person_name, start_date, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (branch_id, post_id) DO NOTHING`,
  ).run(
    post.postId,
    data.branchId,
    post.kind,
    post.duty ?? null,
    post.source,
    post.documentReference ?? null,
    post.holder.personId,
    post.holder.name,
    post.startDate,
    event.position,
  );
};

/** Updates a row only if this event is newer than the last one applied to it. */
const update = (db: ReadModelDatabase, table: string, where: Data, set: Data, position: number): void =>
  updateIfNewer(db, table, 'position', where, set, position);

const handlers: ProjectionHandlers<Table> = {
  PartyCommitteeEstablished: (db, d, e, t) =>
    statement(
      db,
      `INSERT INTO ${t.committees} (committee_id, name, kind, parent_committee_id, status, established_at, position)
         VALUES (?, ?, ?, ?, 'active', ?, ?) ON CONFLICT (committee_id) DO NOTHING`,
    ).run(d.committeeId, d.name, d.kind, d.parentCommitteeId ?? null, d.at, e.position),
  PartyCommitteeRenamed: (db, d, e, t) =>
    update(db, t.committees, { committee_id: d.committeeId }, { name: d.name }, e.position),
  PartyCommitteeDissolved: (db, d, e, t) =>
    update(db, t.committees, { committee_id: d.committeeId }, { status: 'dissolved', dissolved_at: d.at }, e.position),

  BranchEstablished: (db, d, e, t) =>
    statement(
      db,
      `INSERT INTO ${t.branches} (branch_id, name, committee_id, joint, status, established_at, restructuring_id, position)
         VALUES (?, ?, ?, ?, 'open', ?, ?, ?) ON CONFLICT (branch_id) DO NOTHING`,
    ).run(d.branchId, d.name, d.parentCommitteeId, d.joint ? 1 : 0, d.at, d.restructuringId ?? null, e.position),
  BranchRenamed: (db, d, e, t) => update(db, t.branches, { branch_id: d.branchId }, { name: d.name }, e.position),
  BranchReaffiliated: (db, d, e, t) =>
    update(db, t.branches, { branch_id: d.branchId }, { committee_id: d.toCommitteeId }, e.position),
  BranchDissolved: (db, d, e, t) =>
    update(db, t.branches, { branch_id: d.branchId }, { status: 'dissolved', dissolved_at: d.at }, e.position),
  PostAssigned: postAssigned,
  OfficerAppointed: postAssigned,
  ViceSecretaryCrossAppointed: postAssigned,
  PartyAffairsOfficerAssigned: postAssigned,
  PostVacated: (db, d, e, t) =>
    update(
      db,
      t.posts,
      { branch_id: d.branchId, post_id: d.postId },
      { end_date: d.endDate, end_reason: d.reason },
      e.position,
    ),

  MemberAdmitted: (db, d, e, t) =>
    statement(
      db,
      `INSERT INTO ${t.members} (member_id, name, sex, birth_date, joined_party_on, former_post_level, membership,
           voting_suspended, status, branch_id, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'active', ?, ?) ON CONFLICT (member_id) DO NOTHING`,
    ).run(
      d.memberId,
      d.name,
      d.sex,
      d.birthDate,
      d.joinedPartyOn,
      d.formerPostLevel,
      d.membership,
      d.branchId,
      e.position,
    ),
  MemberConfirmed: (db, d, e, t) =>
    update(db, t.members, { member_id: d.memberId }, { membership: 'full' }, e.position),
  VotingRightsSuspended: (db, d, e, t) =>
    update(db, t.members, { member_id: d.memberId }, { voting_suspended: 1 }, e.position),
  VotingRightsRestored: (db, d, e, t) =>
    update(db, t.members, { member_id: d.memberId }, { voting_suspended: 0 }, e.position),
  MemberTransferred: (db, d, e, t) =>
    update(db, t.members, { member_id: d.memberId }, { branch_id: d.toBranchId }, e.position),
  MemberLeft: (db, d, e, t) =>
    update(
      db,
      t.members,
      { member_id: d.memberId },
      { status: 'left', left_on: d.leftOn, left_reason: d.reason },
      e.position,
    ),
  MemberDataCorrected: (db, d, e, t) => {
    const c: Data = d.corrections;
    const columns: Record<string, string> = {
      name: 'name',
      sex: 'sex',
      birthDate: 'birth_date',
      joinedPartyOn: 'joined_party_on',
      formerPostLevel: 'former_post_level',
    };
    const set = Object.fromEntries(Object.keys(c).flatMap((k) => (columns[k] ? [[columns[k], c[k]]] : [])));
    if (Object.keys(set).length > 0) update(db, t.members, { member_id: d.memberId }, set, e.position);
  },
};
