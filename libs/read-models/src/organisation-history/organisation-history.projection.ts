import type { PostAssignmentData } from '@app/domain';
import { calendarDateOf } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { DataOf, KnownEventType } from '../projection/event-handlers';
import type { SqlProjection, Tables } from '../projection/projection';
import { historyStatements, type HeldPost, type HistoryStatements } from './organisation-history.statements';

export const HISTORY_TABLES = [
  'history_committees',
  'history_branches',
  'history_branch_counts',
  'history_posts_held',
  'history_affiliations',
  'history_members',
  'history_posts',
  'history_restructurings',
  'history_merges',
  'history_applied',
] as const;

export type HistoryTable = (typeof HISTORY_TABLES)[number];
export type HistoryTables = Tables<HistoryTable>;

/**
 * The organisation over time. Every versioned row is valid on the half-open business-date
 * interval [valid_from, valid_to) (valid_to NULL while current) and remembers the positions of
 * the events that opened and closed it (from_position, to_position). "As of D" therefore means
 * "at the end of day D": a branch dissolved on D is no longer open as of D.
 *
 * Business dates: the date the event itself states for the act when it has one (a post's
 * startDate/endDate, a departure's leftOn, a confirmation's confirmedOn, a suspension's from /
 * restoredOn), otherwise the calendar date of `metadata.occurredAt`, as written (its own offset).
 *
 * Late events: stream order is the truth about sequence, business dates only place changes on
 * the calendar. An event dated before the start of the row it supersedes (recorded late, or
 * back-dated) takes effect at that row's start instead: the superseded row closes with an empty
 * interval (valid_from = valid_to), stays in the history for auditors, and no as-of date ever sees
 * two versions of one branch, committee or member. Branch aggregates (member counts, posts held)
 * are not clamped: a late change is applied to every later version, so the counts as of any date
 * always equal the affiliation rows valid on that date.
 *
 * Idempotent by position: `history_applied` holds the highest position applied; an event at or
 * below it is ignored, so applying any event twice (in any order) changes nothing.
 */
export const organisationHistoryProjection: SqlProjection<HistoryTable> = {
  name: 'organisation-history',
  // v2: count versions and affiliations stored in key order (WITHOUT ROWID), so reading or
  // closing the newest row is one B-tree search instead of an index search and a table search; a
  // branch's count and posts versions end where the next begins, so they no longer store an end.
  version: 2,
  tables: HISTORY_TABLES,

  createTables(db, t) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${t.history_committees} (
        committee_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        parent_committee_id TEXT,
        status TEXT NOT NULL,
        change TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        from_position INTEGER NOT NULL,
        to_position INTEGER,
        PRIMARY KEY (committee_id, from_position)
      );
      CREATE TABLE IF NOT EXISTS ${t.history_branches} (
        branch_id TEXT NOT NULL,
        name TEXT NOT NULL,
        committee_id TEXT NOT NULL,
        joint INTEGER NOT NULL,
        status TEXT NOT NULL,
        change TEXT NOT NULL,
        previous_name TEXT,
        previous_committee_id TEXT,
        restructuring_id TEXT,
        reason TEXT,
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        from_position INTEGER NOT NULL,
        to_position INTEGER,
        PRIMARY KEY (branch_id, from_position)
      );
      CREATE TABLE IF NOT EXISTS ${t.history_branch_counts} (
        branch_id TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        full_members INTEGER NOT NULL,
        probationary_members INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (branch_id, valid_from)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ${t.history_posts_held} (
        branch_id TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        posts TEXT NOT NULL,
        position INTEGER NOT NULL,
        -- A rowid table: its rows are wide, and the as-of tree seeks versions by key alone.
        PRIMARY KEY (branch_id, valid_from)
      );
      CREATE TABLE IF NOT EXISTS ${t.history_affiliations} (
        member_id TEXT NOT NULL,
        branch_id TEXT NOT NULL,
        membership TEXT NOT NULL,
        voting_suspended INTEGER NOT NULL,
        change TEXT NOT NULL,
        previous_branch_id TEXT,
        restructuring_id TEXT,
        end_reason TEXT,
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        from_position INTEGER NOT NULL,
        to_position INTEGER,
        PRIMARY KEY (member_id, from_position)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ${t.history_members} (
        member_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sex TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        joined_party_on TEXT NOT NULL,
        former_post_level TEXT NOT NULL,
        position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.history_posts} (
        post_id TEXT PRIMARY KEY,
        branch_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        duty TEXT,
        source TEXT NOT NULL,
        assigned_by TEXT NOT NULL,
        document_reference TEXT,
        person_id TEXT NOT NULL,
        person_name TEXT NOT NULL,
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        end_reason TEXT,
        from_position INTEGER NOT NULL,
        to_position INTEGER
      );
      CREATE TABLE IF NOT EXISTS ${t.history_restructurings} (
        restructuring_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        merge_target_branch_id TEXT,
        proposed_on TEXT NOT NULL,
        completed_on TEXT,
        position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.history_merges} (
        restructuring_id TEXT NOT NULL,
        source_branch_id TEXT NOT NULL,
        target_branch_id TEXT NOT NULL,
        merged_on TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (restructuring_id, source_branch_id)
      );
      CREATE TABLE IF NOT EXISTS ${t.history_applied} (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        position INTEGER NOT NULL
      );
      INSERT INTO ${t.history_applied} (id, position) VALUES (1, -1) ON CONFLICT (id) DO NOTHING;
    `);
  },

  createIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t.history_branches}_from ON ${t.history_branches} (valid_from);
      CREATE INDEX IF NOT EXISTS ${t.history_affiliations}_branch ON ${t.history_affiliations} (branch_id, valid_from);
      CREATE INDEX IF NOT EXISTS ${t.history_affiliations}_from ON ${t.history_affiliations} (valid_from);
      -- A page of /org/diff reads the departures in key order from its cursor; without this
      -- (small: departures only) every page would read and sort the whole table.
      CREATE INDEX IF NOT EXISTS ${t.history_affiliations}_left
        ON ${t.history_affiliations} (valid_to, to_position, member_id) WHERE end_reason LIKE 'left:%';
      CREATE INDEX IF NOT EXISTS ${t.history_posts}_branch ON ${t.history_posts} (branch_id, valid_from);
      CREATE INDEX IF NOT EXISTS ${t.history_posts}_from ON ${t.history_posts} (valid_from);
      CREATE INDEX IF NOT EXISTS ${t.history_posts}_to ON ${t.history_posts} (valid_to);
      CREATE INDEX IF NOT EXISTS ${t.history_posts}_person ON ${t.history_posts} (person_id);
    `);
  },

  discardMemory(db, t) {
    historyStatements(db, t).forget();
  },

  apply(db, event, t) {
    // The store hands out each type's current data shape (old shapes are upcast on read).
    const handler = (handlers as Readonly<Record<string, HistoryHandler<KnownEventType> | undefined>>)[event.type];
    if (!handler) return;
    const s = historyStatements(db, t);
    // The guard and the high-water mark in one statement: no change means already applied.
    if (s.markApplied.run(event.position, event.position).changes === 0) return;
    handler(s, event, event.data as never);
  },
};

/** What the history does with one event type: its data is the domain's, so a renamed field breaks the handler. */
type HistoryHandler<K extends KnownEventType> = (s: HistoryStatements, event: RecordedEvent, data: DataOf<K>) => void;
type HistoryHandlers = { readonly [K in KnownEventType]?: HistoryHandler<K> };

/** The calendar date an act took effect; an event without one cannot be placed and stops the projection. */
function businessDate(event: RecordedEvent, stated?: unknown): string {
  const candidates = [stated, event.metadata.occurredAt, (event.data as { at?: unknown }).at];
  for (const candidate of candidates) {
    const date = typeof candidate === 'string' ? calendarDateOf(candidate) : undefined;
    if (date !== undefined) return date;
  }
  throw new Error(`event ${event.id} (${event.type}) carries no business date`);
}

const later = (a: string, b: string): string => (a > b ? a : b);

// ---------- committees and branches ----------

function changeCommittee(
  s: HistoryStatements,
  event: RecordedEvent,
  committeeId: string,
  change: string,
  set: { name?: string; status?: string },
): void {
  const open = s.openCommittee.get(committeeId);
  if (!open) return;
  const from = later(businessDate(event), open.valid_from);
  s.closeCommittee.run(from, event.position, committeeId, open.from_position);
  s.insertCommittee.run(
    committeeId,
    set.name ?? open.name,
    open.kind,
    open.parent_committee_id,
    set.status ?? open.status,
    change,
    from,
    event.position,
  );
}

function changeBranch(
  s: HistoryStatements,
  event: RecordedEvent,
  branchId: string,
  change: 'renamed' | 'reaffiliated' | 'dissolved',
  set: { name?: string; committeeId?: string; status?: string; restructuringId?: string | null; reason?: string },
): void {
  const open = s.openBranch.get(branchId);
  if (!open || open.status !== 'open') return;
  const from = later(businessDate(event), open.valid_from);
  s.closeBranch.run(from, event.position, branchId, open.from_position);
  s.insertBranch.run(
    branchId,
    set.name ?? open.name,
    set.committeeId ?? open.committee_id,
    open.joint,
    set.status ?? open.status,
    change,
    set.name !== undefined ? open.name : null,
    set.committeeId !== undefined ? open.committee_id : null,
    set.restructuringId ?? null,
    set.reason ?? null,
    from,
    event.position,
  );
}

// ---------- members ----------

interface MemberChange {
  /** The row that replaces the open one; null when the affiliation ends (departure). */
  readonly next: { branchId: string; membership: string; votingSuspended: number } | null;
  readonly change: string;
  readonly endReason: string;
  readonly previousBranchId?: string | null;
  readonly restructuringId?: string | null;
}

function changeMember(s: HistoryStatements, event: RecordedEvent, memberId: string, stated: unknown, c: MemberChange) {
  const open = s.lastAffiliation.get(memberId);
  if (!open || open.to_position !== null) return;
  const from = later(businessDate(event, stated), open.valid_from);
  s.closeAffiliation.run(from, event.position, c.endReason, memberId, open.from_position);
  if (c.next) {
    s.insertAffiliation.run(
      memberId,
      c.next.branchId,
      c.next.membership,
      c.next.votingSuspended,
      c.change,
      c.previousBranchId ?? null,
      c.restructuringId ?? null,
      from,
      event.position,
    );
  }
  const deltas = new Map<string, { full: number; probationary: number }>();
  const add = (branchId: string, membership: string, sign: number) => {
    const delta = deltas.get(branchId) ?? { full: 0, probationary: 0 };
    if (membership === 'full') delta.full += sign;
    else delta.probationary += sign;
    deltas.set(branchId, delta);
  };
  add(open.branch_id, open.membership, -1);
  if (c.next) add(c.next.branchId, c.next.membership, +1);
  for (const [branchId, delta] of deltas) {
    if (delta.full === 0 && delta.probationary === 0) continue;
    s.counts.change(branchId, from, event.position, (v) => ({
      full: v.full + delta.full,
      probationary: v.probationary + delta.probationary,
    }));
  }
}

// ---------- posts ----------

const postAssigned = (s: HistoryStatements, event: RecordedEvent, { branchId, post }: PostAssignmentData): void => {
  const from = businessDate(event, post.startDate);
  const inserted = s.insertPost.run(
    post.postId,
    branchId,
    post.kind,
    post.duty ?? null,
    post.source,
    event.type,
    post.documentReference ?? null,
    post.holder.personId,
    post.holder.name,
    from,
    event.position,
  );
  if (inserted.changes === 0) return;
  const held: HeldPost = {
    postId: post.postId,
    kind: post.kind,
    duty: post.duty ?? null,
    source: post.source,
    holder: { personId: post.holder.personId, name: post.holder.name },
    startDate: from,
  };
  s.postsHeld.change(branchId, from, event.position, (posts) =>
    sortPosts([...posts.filter((p) => p.postId !== post.postId), held]),
  );
};

const KIND_ORDER: Readonly<Record<string, number>> = {
  secretary: 0,
  deputySecretary: 1,
  committeeMember: 2,
  partyAffairsOfficer: 3,
};

function sortPosts(posts: HeldPost[]): HeldPost[] {
  return posts.sort(
    (a, b) =>
      (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
      a.startDate.localeCompare(b.startDate) ||
      a.postId.localeCompare(b.postId),
  );
}

// ---------- the handlers ----------

const handlers: HistoryHandlers = {
  PartyCommitteeEstablished: (s, e, d) => {
    if (s.openCommittee.get(d.committeeId)) return;
    s.insertCommittee.run(
      d.committeeId,
      d.name,
      d.kind,
      d.parentCommitteeId ?? null,
      'active',
      'established',
      businessDate(e),
      e.position,
    );
  },
  PartyCommitteeRenamed: (s, e, d) => {
    changeCommittee(s, e, d.committeeId, 'renamed', { name: d.name });
  },
  PartyCommitteeDissolved: (s, e, d) => {
    changeCommittee(s, e, d.committeeId, 'dissolved', { status: 'dissolved' });
  },

  BranchEstablished: (s, e, d) => {
    if (s.openBranch.get(d.branchId)) return;
    s.insertBranch.run(
      d.branchId,
      d.name,
      d.parentCommitteeId,
      d.joint ? 1 : 0,
      'open',
      'established',
      null,
      null,
      d.restructuringId ?? null,
      null,
      businessDate(e),
      e.position,
    );
  },
  BranchRenamed: (s, e, d) => {
    changeBranch(s, e, d.branchId, 'renamed', { name: d.name });
  },
  BranchReaffiliated: (s, e, d) => {
    changeBranch(s, e, d.branchId, 'reaffiliated', { committeeId: d.toCommitteeId });
  },
  BranchDissolved: (s, e, d) => {
    changeBranch(s, e, d.branchId, 'dissolved', {
      status: 'dissolved',
      restructuringId: d.restructuringId ?? null,
      reason: d.reason,
    });
  },

  PostAssigned: postAssigned,
  OfficerAppointed: postAssigned,
  ViceSecretaryCrossAppointed: postAssigned,
  PartyAffairsOfficerAssigned: postAssigned,
  PostVacated: (s, e, d) => {
    const post = s.post.get(d.postId);
    if (!post || post.to_position !== null) return;
    const to = later(businessDate(e, d.endDate), post.valid_from);
    s.closePost.run(to, e.position, d.reason, d.postId);
    s.postsHeld.change(post.branch_id, to, e.position, (posts) => posts.filter((p) => p.postId !== d.postId));
  },

  MemberAdmitted: (s, e, d) => {
    const last = s.lastAffiliation.get(d.memberId);
    if (last && last.to_position === null) return;
    s.upsertMember.run(d.memberId, d.name, d.sex, d.birthDate, d.joinedPartyOn, d.formerPostLevel, e.position);
    const from = businessDate(e);
    s.insertAffiliation.run(d.memberId, d.branchId, d.membership, 0, 'admitted', null, null, from, e.position);
    s.counts.change(d.branchId, from, e.position, (v) =>
      d.membership === 'full' ? { ...v, full: v.full + 1 } : { ...v, probationary: v.probationary + 1 },
    );
  },
  MemberConfirmed: (s, e, d) => {
    const open = s.lastAffiliation.get(d.memberId);
    if (!open || open.membership === 'full') return;
    changeMember(s, e, d.memberId, d.confirmedOn, {
      next: { branchId: open.branch_id, membership: 'full', votingSuspended: open.voting_suspended },
      change: 'confirmed',
      endReason: 'confirmed',
    });
  },
  VotingRightsSuspended: (s, e, d) => {
    const open = s.lastAffiliation.get(d.memberId);
    if (!open) return;
    changeMember(s, e, d.memberId, d.from, {
      next: { branchId: open.branch_id, membership: open.membership, votingSuspended: 1 },
      change: 'votingSuspended',
      endReason: 'votingSuspended',
    });
  },
  VotingRightsRestored: (s, e, d) => {
    const open = s.lastAffiliation.get(d.memberId);
    if (!open) return;
    changeMember(s, e, d.memberId, d.restoredOn, {
      next: { branchId: open.branch_id, membership: open.membership, votingSuspended: 0 },
      change: 'votingRestored',
      endReason: 'votingRestored',
    });
  },
  MemberTransferred: (s, e, d) => {
    const open = s.lastAffiliation.get(d.memberId);
    if (!open) return;
    changeMember(s, e, d.memberId, undefined, {
      next: { branchId: d.toBranchId, membership: open.membership, votingSuspended: open.voting_suspended },
      change: 'transferred',
      endReason: 'transferred',
      previousBranchId: open.branch_id,
      restructuringId: d.restructuringId ?? null,
    });
  },
  MemberLeft: (s, e, d) => {
    changeMember(s, e, d.memberId, d.leftOn, { next: null, change: 'left', endReason: `left:${d.reason}` });
  },
  MemberDataCorrected: (s, e, d) => {
    const c = d.corrections;
    s.correctMember.run(
      c.name ?? null,
      c.sex ?? null,
      c.birthDate ?? null,
      c.joinedPartyOn ?? null,
      c.formerPostLevel ?? null,
      e.position,
      d.memberId,
    );
  },

  RestructuringProposed: (s, e, d) => {
    const target =
      d.plan.kind === 'merge'
        ? d.plan.target.kind === 'existing'
          ? d.plan.target.branchId
          : d.plan.target.branch.branchId
        : null;
    s.insertRestructuring.run(d.restructuringId, d.plan.kind, target, businessDate(e), e.position);
  },
  BranchesMerged: (s, e, d) => {
    const on = businessDate(e);
    for (const source of d.sourceBranchIds)
      s.insertMerge.run(d.restructuringId, source, d.targetBranchId, on, e.position);
  },
  RestructuringCompleted: (s, e, d) => {
    s.completeRestructuring.run(businessDate(e), e.position, d.restructuringId);
  },
};
