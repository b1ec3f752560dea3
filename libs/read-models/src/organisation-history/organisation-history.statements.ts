import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Tables } from '../projection/projection';
import { cached } from '../database/statement-cache';

type HistoryTables = Tables<
  | 'history_committees'
  | 'history_branches'
  | 'history_branch_counts'
  | 'history_posts_held'
  | 'history_affiliations'
  | 'history_members'
  | 'history_posts'
  | 'history_restructurings'
  | 'history_merges'
  | 'history_applied'
>;

/** A post as the tree shows it, kept per branch and date in `history_posts_held`. */
export interface HeldPost {
  readonly postId: string;
  readonly kind: string;
  readonly duty: string | null;
  readonly source: string;
  readonly holder: { readonly personId: string; readonly name: string };
  readonly startDate: string;
}

export interface CommitteeVersionRow {
  committee_id: string;
  name: string;
  kind: string;
  parent_committee_id: string | null;
  status: string;
  valid_from: string;
  from_position: number;
}

export interface BranchVersionRow {
  branch_id: string;
  name: string;
  committee_id: string;
  joint: number;
  status: string;
  valid_from: string;
  from_position: number;
}

export interface AffiliationHeadRow {
  branch_id: string;
  membership: string;
  voting_suspended: number;
  valid_from: string;
  from_position: number;
  to_position: number | null;
}

export interface PostHeadRow {
  branch_id: string;
  valid_from: string;
  to_position: number | null;
}

/**
 * A per-branch value versioned by business date: one row per date on which it changed, valid
 * until the next. `change` mutates the value from `date` on, whatever the rows already there.
 */
export interface VersionedValue<V> {
  change(branchId: string, date: string, position: number, mutate: (value: V) => V): void;
  forget(): void;
}

type CloseAffiliation = (
  validTo: string,
  toPosition: number,
  endReason: string,
  memberId: string,
  fromPosition: number,
) => void;

type InsertAffiliation = (
  memberId: string,
  branchId: string,
  membership: string,
  votingSuspended: number,
  change: string,
  previousBranchId: string | null,
  restructuringId: string | null,
  validFrom: string,
  fromPosition: number,
) => void;

export interface HistoryStatements {
  readonly markApplied: Statement<[number, number]>;
  readonly openCommittee: Statement<[string], CommitteeVersionRow>;
  readonly closeCommittee: Statement<[string, number, string, number]>;
  readonly insertCommittee: Statement<[string, string, string, string | null, string, string, string, number]>;
  readonly openBranch: Statement<[string], BranchVersionRow>;
  readonly closeBranch: Statement<[string, number, string, number]>;
  readonly insertBranch: Statement<
    [
      string,
      string,
      string,
      number,
      string,
      string,
      string | null,
      string | null,
      string | null,
      string | null,
      string,
      number,
    ]
  >;
  readonly lastAffiliation: { get(memberId: string): AffiliationHeadRow | undefined };
  readonly closeAffiliation: { run: CloseAffiliation };
  readonly insertAffiliation: { run: InsertAffiliation };
  readonly upsertMember: Statement<[string, string, string, string, string, string, number]>;
  readonly correctMember: Statement<
    [string | null, string | null, string | null, string | null, string | null, number, string]
  >;
  readonly post: Statement<[string], PostHeadRow>;
  readonly insertPost: Statement<
    [string, string, string, string | null, string, string, string | null, string, string, string, number]
  >;
  readonly closePost: Statement<[string, number, string, string]>;
  readonly insertRestructuring: Statement<[string, string, string | null, string, number]>;
  readonly insertMerge: Statement<[string, string, string, string, number]>;
  readonly completeRestructuring: Statement<[string, number, string]>;
  readonly counts: VersionedValue<{ full: number; probationary: number }>;
  readonly postsHeld: VersionedValue<HeldPost[]>;
  /** Drops what is remembered in memory (after a rolled-back batch). */
  forget(): void;
}

/**
 * Statements are prepared once per connection and generation: preparing them for every event
 * would cost more than running them.
 */
export function historyStatements(db: ReadModelDatabase, t: HistoryTables): HistoryStatements {
  // Keyed by one of the generation's table names as it is: no key to build for every event.
  return cached(db, t.history_applied, () => prepare(db, t));
}

function prepare(db: ReadModelDatabase, t: HistoryTables): HistoryStatements {
  const affiliations = affiliationHeads(db, t.history_affiliations);
  const counts = versionedValue(db, t.history_branch_counts, {
    columns: 'full_members, probationary_members',
    empty: () => ({ full: 0, probationary: 0 }),
    read: (row) => ({ full: Number(row.full_members), probationary: Number(row.probationary_members) }),
    write: (value) => [value.full, value.probationary],
  });
  const postsHeld = versionedValue(db, t.history_posts_held, {
    columns: 'posts',
    empty: (): HeldPost[] => [],
    read: (row) => JSON.parse(String(row.posts)) as HeldPost[],
    write: (value) => [JSON.stringify(value)],
  });
  return {
    markApplied: db.prepare(`UPDATE ${t.history_applied} SET position = ? WHERE id = 1 AND position < ?`),
    openCommittee: db.prepare(
      `SELECT committee_id, name, kind, parent_committee_id, status, valid_from, from_position FROM ${t.history_committees}
       WHERE committee_id = ? AND to_position IS NULL`,
    ),
    closeCommittee: db.prepare(
      `UPDATE ${t.history_committees} SET valid_to = ?, to_position = ? WHERE committee_id = ? AND from_position = ?`,
    ),
    insertCommittee: db.prepare(
      `INSERT INTO ${t.history_committees} (committee_id, name, kind, parent_committee_id, status, change, valid_from, from_position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    openBranch: db.prepare(
      `SELECT branch_id, name, committee_id, joint, status, valid_from, from_position FROM ${t.history_branches}
       WHERE branch_id = ? ORDER BY from_position DESC LIMIT 1`,
    ),
    closeBranch: db.prepare(
      `UPDATE ${t.history_branches} SET valid_to = ?, to_position = ? WHERE branch_id = ? AND from_position = ?`,
    ),
    insertBranch: db.prepare(
      `INSERT INTO ${t.history_branches} (branch_id, name, committee_id, joint, status, change, previous_name,
         previous_committee_id, restructuring_id, reason, valid_from, from_position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    lastAffiliation: affiliations,
    closeAffiliation: { run: affiliations.close },
    insertAffiliation: { run: affiliations.insert },
    upsertMember: db.prepare(
      `INSERT INTO ${t.history_members} (member_id, name, sex, birth_date, joined_party_on, former_post_level, position)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (member_id) DO UPDATE SET name = excluded.name, sex = excluded.sex, birth_date = excluded.birth_date,
         joined_party_on = excluded.joined_party_on, former_post_level = excluded.former_post_level,
         position = excluded.position`,
    ),
    correctMember: db.prepare(
      `UPDATE ${t.history_members} SET name = COALESCE(?, name), sex = COALESCE(?, sex),
         birth_date = COALESCE(?, birth_date), joined_party_on = COALESCE(?, joined_party_on),
         former_post_level = COALESCE(?, former_post_level), position = ?
       WHERE member_id = ?`,
    ),
    post: db.prepare(`SELECT branch_id, valid_from, to_position FROM ${t.history_posts} WHERE post_id = ?`),
    insertPost: db.prepare(
      `INSERT INTO ${t.history_posts} (post_id, branch_id, kind, duty, source, assigned_by, document_reference,
         person_id, person_name, valid_from, from_position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (post_id) DO NOTHING`,
    ),
    closePost: db.prepare(
      `UPDATE ${t.history_posts} SET valid_to = ?, to_position = ?, end_reason = ? WHERE post_id = ?`,
    ),
    insertRestructuring: db.prepare(
      `INSERT INTO ${t.history_restructurings} (restructuring_id, kind, merge_target_branch_id, proposed_on, position)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (restructuring_id) DO NOTHING`,
    ),
    insertMerge: db.prepare(
      `INSERT INTO ${t.history_merges} (restructuring_id, source_branch_id, target_branch_id, merged_on, position)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (restructuring_id, source_branch_id) DO NOTHING`,
    ),
    completeRestructuring: db.prepare(
      `UPDATE ${t.history_restructurings} SET completed_on = ?, position = ? WHERE restructuring_id = ?`,
    ),
    counts,
    postsHeld,
    forget() {
      affiliations.forget();
      counts.forget();
      postsHeld.forget();
    },
  };
}

/**
 * Each member's newest affiliation row, remembered in memory once read or written: nearly every
 * event of a long history concerns a member, and each one starts from that row. The table stays
 * the truth; the memory only spares reading back what this projection itself wrote.
 */
function affiliationHeads(db: ReadModelDatabase, table: string) {
  const last = db.prepare<[string], AffiliationHeadRow>(
    `SELECT branch_id, membership, voting_suspended, valid_from, from_position, to_position FROM ${table}
     WHERE member_id = ? ORDER BY from_position DESC LIMIT 1`,
  );
  const close = db.prepare(
    `UPDATE ${table} SET valid_to = ?, to_position = ?, end_reason = ? WHERE member_id = ? AND from_position = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO ${table} (member_id, branch_id, membership, voting_suspended, change,
       previous_branch_id, restructuring_id, valid_from, from_position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const heads = new Map<string, AffiliationHeadRow>();
  return {
    get(memberId: string): AffiliationHeadRow | undefined {
      const known = heads.get(memberId);
      if (known) return known;
      const row = last.get(memberId);
      if (row) remember(heads, memberId, row);
      return row;
    },
    close: ((validTo, toPosition, endReason, memberId, fromPosition) => {
      close.run(validTo, toPosition, endReason, memberId, fromPosition);
      const known = heads.get(memberId);
      if (known?.from_position === fromPosition) heads.set(memberId, { ...known, to_position: toPosition });
    }) satisfies CloseAffiliation,
    insert: ((...row) => {
      insert.run(...row);
      const [memberId, branchId, membership, votingSuspended, , , , validFrom, fromPosition] = row;
      // Positions only grow, so the row just written is the member's newest.
      remember(heads, memberId, {
        branch_id: branchId,
        membership,
        voting_suspended: votingSuspended,
        valid_from: validFrom,
        from_position: fromPosition,
        to_position: null,
      });
    }) satisfies InsertAffiliation,
    forget: () => heads.clear(),
  };
}

/** Past this many entries a memory starts again from empty rather than grow without bound. */
const MOST_REMEMBERED = 500_000;

function remember<K, V>(memory: Map<K, V>, key: K, value: V): void {
  if (memory.size >= MOST_REMEMBERED && !memory.has(key)) memory.clear();
  memory.set(key, value);
}

interface ValueCodec<V> {
  /** The value columns, in the order `write` returns them. */
  readonly columns: string;
  empty(): V;
  read(row: Record<string, unknown>): V;
  write(value: V): unknown[];
}

interface VersionRow extends Record<string, unknown> {
  valid_from: string;
}

function versionedValue<V>(db: ReadModelDatabase, table: string, codec: ValueCodec<V>): VersionedValue<V> {
  const names = codec.columns.split(',').map((c) => c.trim());
  const placeholders = names.map(() => '?').join(', ');
  const latest = db.prepare<[string], VersionRow>(
    `SELECT valid_from, ${codec.columns} FROM ${table} WHERE branch_id = ? ORDER BY valid_from DESC LIMIT 1`,
  );
  const containing = db.prepare<[string, string], VersionRow>(
    `SELECT valid_from, ${codec.columns} FROM ${table} WHERE branch_id = ? AND valid_from <= ?
     ORDER BY valid_from DESC LIMIT 1`,
  );
  const since = db.prepare<[string, string], VersionRow>(
    `SELECT valid_from, ${codec.columns} FROM ${table} WHERE branch_id = ? AND valid_from >= ? ORDER BY valid_from`,
  );
  const insert = db.prepare(
    `INSERT INTO ${table} (branch_id, valid_from, ${codec.columns}, position) VALUES (?, ?, ${placeholders}, ?)`,
  );
  const update = db.prepare(
    `UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')}, position = ? WHERE branch_id = ? AND valid_from = ?`,
  );

  // Each branch's newest version, remembered once read or written: most changes land on it.
  const newest = new Map<string, { readonly validFrom: string; readonly value: V } | null>();
  const newestOf = (branchId: string) => {
    let known = newest.get(branchId);
    if (known === undefined) {
      const row = latest.get(branchId);
      known = row ? { validFrom: row.valid_from, value: codec.read(row) } : null;
      remember(newest, branchId, known);
    }
    return known;
  };

  return {
    change(branchId, date, position, mutate) {
      const last = newestOf(branchId);
      if (!last || last.validFrom < date) {
        // The usual case: a change on or after every version so far.
        const value = mutate(last ? last.value : codec.empty());
        insert.run(branchId, date, ...codec.write(value), position);
        remember(newest, branchId, { validFrom: date, value });
        return;
      }
      if (last.validFrom === date) {
        const value = mutate(last.value);
        update.run(...codec.write(value), position, branchId, date);
        remember(newest, branchId, { validFrom: date, value });
        return;
      }
      newest.delete(branchId);
      // A late change: split the version that contains `date`, then apply it to every version from there on.
      const within = containing.get(branchId, date);
      if (!within) insert.run(branchId, date, ...codec.write(codec.empty()), position);
      else if (within.valid_from < date) insert.run(branchId, date, ...codec.write(codec.read(within)), position);
      for (const row of since.all(branchId, date)) {
        update.run(...codec.write(mutate(codec.read(row))), position, branchId, row.valid_from);
      }
    },
    forget: () => newest.clear(),
  };
}
