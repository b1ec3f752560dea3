import { invalid, requireCalendarDate } from '@app/domain';
import { inList } from '../database/in-list';
import type { ReadModelDatabase } from '../database/read-model-database';

export interface OrganisationDiff {
  readonly from: string;
  readonly to: string;
  readonly branchesCreated: readonly {
    branchId: string;
    name: string;
    committeeId: string;
    on: string;
    restructuringId: string | null;
  }[];
  readonly branchesDissolved: readonly {
    branchId: string;
    name: string;
    on: string;
    reason: string | null;
    restructuringId: string | null;
  }[];
  readonly branchesMerged: readonly {
    branchId: string;
    name: string;
    on: string;
    intoBranchId: string;
    restructuringId: string;
  }[];
  readonly branchesRenamed: readonly { branchId: string; from: string; to: string; on: string }[];
  readonly branchesReaffiliated: readonly {
    branchId: string;
    fromCommitteeId: string;
    toCommitteeId: string;
    on: string;
  }[];
  readonly membersMoved: readonly {
    memberId: string;
    name: string;
    fromBranchId: string;
    toBranchId: string;
    on: string;
    restructuringId: string | null;
  }[];
  readonly membersJoined: readonly { memberId: string; name: string; branchId: string; on: string }[];
  readonly membersLeft: readonly { memberId: string; name: string; branchId: string; on: string; reason: string }[];
  readonly postsStarted: readonly PostChange[];
  readonly postsEnded: readonly (PostChange & { endReason: string | null })[];
}

export interface PostChange {
  readonly postId: string;
  readonly branchId: string;
  readonly kind: string;
  readonly source: string;
  readonly holder: { readonly personId: string; readonly name: string };
  readonly on: string;
}

/** One page of a diff: the lists hold at most `limit` changes in all; `next` resumes after them. */
export type OrganisationDiffPage = OrganisationDiff & {
  /** The cursor to pass as `after` for the next page; null when this page holds the last change. */
  readonly next: string | null;
};

export interface DiffPageRequest {
  /** The `next` of the previous page; omitted for the first. */
  readonly after?: string;
  /** Changes on this page, across every list: a whole number from 1 (HTTP allows at most 5000). */
  readonly limit: number;
}

type Lists = { -readonly [K in Exclude<keyof OrganisationDiff, 'from' | 'to'>]: OrganisationDiff[K][number][] };

/**
 * Where a change stands in the one order every page follows: its business date, the position of
 * the event that made it, its source (below) and the id of what changed. The order is total
 * (no two changes share a key), so a cursor names exactly where a page ended, and the lists of
 * all pages put together are the lists of the whole diff, in the same order.
 */
interface ChangeKey {
  readonly on: string;
  readonly position: number;
  readonly source: number;
  readonly id: string;
}

interface KeyColumns {
  readonly k_on: string;
  readonly k_position: number;
  readonly k_id: string;
}

interface Source<Row> {
  readonly name: string;
  readonly columns: string;
  readonly tables: string;
  readonly where?: string;
  /** The key's SQL expressions: the change's date, its event's position, the id of what changed. */
  readonly on: string;
  readonly position: string;
  readonly id: string;
  /** The branches the change concerns: a committee-scoped caller sees it when one of them is theirs. */
  readonly branches: readonly string[];
  readonly add: (lists: Lists, row: Row) => void;
}

interface PostRow {
  post_id: string;
  branch_id: string;
  kind: string;
  source: string;
  person_id: string;
  person_name: string;
  end_reason: string | null;
}

const postChange = (r: PostRow, on: string): PostChange => ({
  postId: r.post_id,
  branchId: r.branch_id,
  kind: r.kind,
  source: r.source,
  holder: { personId: r.person_id, name: r.person_name },
  on,
});

const source = <Row>(s: Source<Row>): Source<Row> => s;
const AFFILIATIONS = 'history_affiliations a JOIN history_members m ON m.member_id = a.member_id';
const POST_COLUMNS = 'p.post_id, p.branch_id, p.kind, p.source, p.person_id, p.person_name, p.end_reason';

/** Each kind of change and where it is read; a source's index is its place in the key. */
const SOURCES = [
  source<{ branch_id: string; name: string; committee_id: string; restructuring_id: string | null } & KeyColumns>({
    name: 'branchesCreated',
    columns: 'b.branch_id, b.name, b.committee_id, b.restructuring_id',
    tables: 'history_branches b',
    where: `b.change = 'established'`,
    on: 'b.valid_from',
    position: 'b.from_position',
    id: 'b.branch_id',
    branches: ['b.branch_id'],
    add: (lists, r) =>
      lists.branchesCreated.push({
        branchId: r.branch_id,
        name: r.name,
        committeeId: r.committee_id,
        on: r.k_on,
        restructuringId: r.restructuring_id,
      }),
  }),
  // A dissolution into a merge target is a merge; any other is a dissolution.
  source<
    {
      branch_id: string;
      name: string;
      reason: string | null;
      restructuring_id: string | null;
      into: string | null;
    } & KeyColumns
  >({
    name: 'branchesDissolved',
    columns: `b.branch_id, b.name, b.reason, b.restructuring_id,
      COALESCE(m.target_branch_id, CASE WHEN r.kind = 'merge' THEN r.merge_target_branch_id END) AS "into"`,
    tables: `history_branches b
      LEFT JOIN history_merges m ON m.restructuring_id = b.restructuring_id AND m.source_branch_id = b.branch_id
      LEFT JOIN history_restructurings r ON r.restructuring_id = b.restructuring_id`,
    where: `b.change = 'dissolved'`,
    on: 'b.valid_from',
    position: 'b.from_position',
    id: 'b.branch_id',
    branches: ['b.branch_id'],
    add: (lists, r) => {
      if (r.into !== null && r.restructuring_id !== null) {
        lists.branchesMerged.push({
          branchId: r.branch_id,
          name: r.name,
          on: r.k_on,
          intoBranchId: r.into,
          restructuringId: r.restructuring_id,
        });
      } else {
        lists.branchesDissolved.push({
          branchId: r.branch_id,
          name: r.name,
          on: r.k_on,
          reason: r.reason,
          restructuringId: r.restructuring_id,
        });
      }
    },
  }),
  source<{ branch_id: string; previous_name: string; name: string } & KeyColumns>({
    name: 'branchesRenamed',
    columns: 'b.branch_id, b.previous_name, b.name',
    tables: 'history_branches b',
    where: `b.change = 'renamed'`,
    on: 'b.valid_from',
    position: 'b.from_position',
    id: 'b.branch_id',
    branches: ['b.branch_id'],
    add: (lists, r) =>
      lists.branchesRenamed.push({ branchId: r.branch_id, from: r.previous_name, to: r.name, on: r.k_on }),
  }),
  source<{ branch_id: string; previous_committee_id: string; committee_id: string } & KeyColumns>({
    name: 'branchesReaffiliated',
    columns: 'b.branch_id, b.previous_committee_id, b.committee_id',
    tables: 'history_branches b',
    where: `b.change = 'reaffiliated'`,
    on: 'b.valid_from',
    position: 'b.from_position',
    id: 'b.branch_id',
    branches: ['b.branch_id'],
    add: (lists, r) =>
      lists.branchesReaffiliated.push({
        branchId: r.branch_id,
        fromCommitteeId: r.previous_committee_id,
        toCommitteeId: r.committee_id,
        on: r.k_on,
      }),
  }),
  source<
    {
      member_id: string;
      name: string;
      previous_branch_id: string;
      branch_id: string;
      restructuring_id: string | null;
    } & KeyColumns
  >({
    name: 'membersMoved',
    columns: 'a.member_id, m.name, a.previous_branch_id, a.branch_id, a.restructuring_id',
    tables: AFFILIATIONS,
    where: `a.change = 'transferred'`,
    on: 'a.valid_from',
    position: 'a.from_position',
    id: 'a.member_id',
    branches: ['a.previous_branch_id', 'a.branch_id'],
    add: (lists, r) =>
      lists.membersMoved.push({
        memberId: r.member_id,
        name: r.name,
        fromBranchId: r.previous_branch_id,
        toBranchId: r.branch_id,
        on: r.k_on,
        restructuringId: r.restructuring_id,
      }),
  }),
  source<{ member_id: string; name: string; branch_id: string } & KeyColumns>({
    name: 'membersJoined',
    columns: 'a.member_id, m.name, a.branch_id',
    tables: AFFILIATIONS,
    where: `a.change = 'admitted'`,
    on: 'a.valid_from',
    position: 'a.from_position',
    id: 'a.member_id',
    branches: ['a.branch_id'],
    add: (lists, r) =>
      lists.membersJoined.push({ memberId: r.member_id, name: r.name, branchId: r.branch_id, on: r.k_on }),
  }),
  source<{ member_id: string; name: string; branch_id: string; end_reason: string } & KeyColumns>({
    name: 'membersLeft',
    columns: 'a.member_id, m.name, a.branch_id, a.end_reason',
    tables: AFFILIATIONS,
    where: `a.end_reason LIKE 'left:%'`,
    on: 'a.valid_to',
    position: 'a.to_position',
    id: 'a.member_id',
    branches: ['a.branch_id'],
    add: (lists, r) =>
      lists.membersLeft.push({
        memberId: r.member_id,
        name: r.name,
        branchId: r.branch_id,
        on: r.k_on,
        reason: r.end_reason.slice('left:'.length),
      }),
  }),
  source<PostRow & KeyColumns>({
    name: 'postsStarted',
    columns: POST_COLUMNS,
    tables: 'history_posts p',
    on: 'p.valid_from',
    position: 'p.from_position',
    id: 'p.post_id',
    branches: ['p.branch_id'],
    add: (lists, r) => lists.postsStarted.push(postChange(r, r.k_on)),
  }),
  source<PostRow & KeyColumns>({
    name: 'postsEnded',
    columns: POST_COLUMNS,
    tables: 'history_posts p',
    on: 'p.valid_to',
    position: 'p.to_position',
    id: 'p.post_id',
    branches: ['p.branch_id'],
    add: (lists, r) => lists.postsEnded.push({ ...postChange(r, r.k_on), endReason: r.end_reason }),
  }),
] as const;

const FIRST: ChangeKey = { on: '', position: -1, source: -1, id: '' };

/**
 * What changed in the organisation after `from` and on or before `to`, a page at a time. A page
 * reads each source from the cursor on, in key order and only as far as the page needs, and keeps
 * the first `limit` changes of all of them together. There is no unbounded mode: a caller that
 * wants everything follows `next`.
 */
export function organisationDiff(
  db: ReadModelDatabase,
  fromDate: string,
  toDate: string,
  page: DiffPageRequest,
  /** Only changes to these branches (a committee-scoped caller's); absent: every change. */
  withinBranches?: ReadonlySet<string>,
): OrganisationDiffPage {
  const from = requireCalendarDate(fromDate, 'from date');
  const to = requireCalendarDate(toDate, 'to date');
  if (to < from) {
    throw invalid('INVALID_DATE_RANGE', `The diff ends on ${to}, before it starts on ${from}.`, { from, to });
  }
  const limit = page.limit;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw invalid(
      'INVALID_LIMIT',
      `A diff page holds at least one change: limit ${limit} is not a whole number from 1.`,
      {
        limit,
      },
    );
  }
  const after = page.after === undefined ? FIRST : decodeCursor(page.after);
  const within: Record<string, unknown> = {};
  // In SQL, not after it: a page still holds `limit` of the caller's changes, and the cursor
  // only ever names one of theirs.
  const scoped = (s: (typeof SOURCES)[number]): string =>
    withinBranches === undefined
      ? 'TRUE'
      : `(${s.branches.map((column) => inList(column, 'within', withinBranches, within)).join(' OR ')})`;
  // One read transaction: every source from the same snapshot.
  const { kept, more } = db.transaction(() => {
    const sources = SOURCES.map((s, index) => {
      // One lower bound on the date, the later of the window's start and the cursor's date: with
      // two, SQLite bounds its index scan by one and filters by the other, reading every row from
      // the window's start to the cursor again on each page.
      const lowerBound = after.on > from ? `${s.on} >= @afterOn` : `${s.on} > @from`;
      return db
        .prepare(
          `SELECT ${s.on} AS k_on, ${s.position} AS k_position, ${s.id} AS k_id, ${s.columns}
           FROM ${s.tables}
           WHERE ${s.where ?? 'TRUE'} AND ${scoped(s)} AND ${lowerBound} AND ${s.on} <= @to
             AND (${s.on}, ${s.position}, ${index}, ${s.id}) > (@afterOn, @afterPosition, @afterSource, @afterId)
           ORDER BY ${s.on}, ${s.position}, ${s.id} LIMIT @rows`,
        )
        .iterate({
          ...within,
          from,
          to,
          afterOn: after.on,
          afterPosition: after.position,
          afterSource: after.source,
          afterId: after.id,
          rows: limit + 1,
        }) as IterableIterator<KeyColumns>;
    });
    try {
      return merge(sources, limit);
    } finally {
      for (const rows of sources) rows.return?.();
    }
  })();
  const lists: Lists = {
    branchesCreated: [],
    branchesDissolved: [],
    branchesMerged: [],
    branchesRenamed: [],
    branchesReaffiliated: [],
    membersMoved: [],
    membersJoined: [],
    membersLeft: [],
    postsStarted: [],
    postsEnded: [],
  };
  for (const { row, index } of kept) (SOURCES[index]!.add as (lists: Lists, row: KeyColumns) => void)(lists, row);
  const last = kept[kept.length - 1];
  return { from, to, ...lists, next: more && last ? encodeCursor(keyOf(last.row, last.index)) : null };
}

const keyOf = (row: KeyColumns, source: number): ChangeKey => ({
  on: row.k_on,
  position: row.k_position,
  source,
  id: row.k_id,
});

/**
 * The first `limit` changes of the sources together, in key order, reading each source only as
 * far as it is used. Each source comes sorted by SQLite; two heads from different sources differ
 * in date, position or source, so ids (whose order is SQLite's byte order, not JavaScript's) are
 * only ever compared by SQLite.
 */
function merge(
  sources: readonly Iterator<KeyColumns>[],
  limit: number,
): { kept: { row: KeyColumns; index: number }[]; more: boolean } {
  const heads = sources.map((rows) => rows.next().value as KeyColumns | undefined);
  const kept: { row: KeyColumns; index: number }[] = [];
  for (;;) {
    let best = -1;
    heads.forEach((row, index) => {
      if (row === undefined) return;
      const head = best < 0 ? undefined : heads[best];
      // Dates are calendar dates (YYYY-MM-DD): JavaScript and SQLite order them alike.
      if (head === undefined || row.k_on < head.k_on || (row.k_on === head.k_on && row.k_position < head.k_position)) {
        best = index;
      }
    });
    if (best < 0) return { kept, more: false };
    if (kept.length === limit) return { kept, more: true };
    kept.push({ row: heads[best]!, index: best });
    heads[best] = sources[best]!.next().value as KeyColumns | undefined;
  }
}

/** The cursor is the last change's key, readable by no one but this function's inverse. */
function encodeCursor(key: ChangeKey): string {
  return Buffer.from(JSON.stringify([key.on, key.position, SOURCES[key.source]!.name, key.id]), 'utf8').toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): ChangeKey {
  const refused = () =>
    invalid('INVALID_CURSOR', 'The cursor `after` is not one this diff gave as `next`; start again without it.', {
      after: cursor,
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw refused();
  const [on, position, name, id] = parsed as unknown[];
  const index = SOURCES.findIndex((s) => s.name === name);
  if (typeof on !== 'string' || !Number.isSafeInteger(position) || index < 0 || typeof id !== 'string') {
    throw refused();
  }
  return { on, position: position as number, source: index, id };
}
