import { inList } from '../database/in-list';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { CsvColumn } from '../export/csv';

/** What a branch's row gains: its sitting committee and when its term ends. */
export interface SittingCommittee {
  /** 书记 王秀英；副书记 武雅君；组织委员 李全爱: the posts held now, officers first; null when none. */
  readonly sittingCommittee: string | null;
  /** When the sitting committee's term ends: the last installed election's term end, else the census's; null when unknown. */
  readonly termEnd: string | null;
}

const POST_ORDER: Readonly<Record<string, number>> = { secretary: 0, deputySecretary: 1, committeeMember: 2 };
const POST_NAMES: Readonly<Record<string, string>> = {
  secretary: '书记',
  deputySecretary: '副书记',
  committeeMember: '委员',
};

/**
 * The sitting committees and term ends of a page of branches, from the `report_posts` and
 * `board_elections` views: who holds each post now (party-affairs officers support the branch
 * and are not of its committee), and the term the latest installed election set, else the one
 * its latest census found.
 */
export function withSittingCommittees<Row extends { readonly branchId: string }>(
  db: ReadModelDatabase,
  rows: readonly Row[],
): (Row & SittingCommittee)[] {
  if (rows.length === 0) return [];
  const params: Record<string, unknown> = {};
  const branches = inList('branch_id', 'b', new Set(rows.map((row) => row.branchId)), params);
  const posts = db
    .prepare(
      `SELECT branch_id AS branchId, kind, duty, person_name AS name FROM report_posts
       WHERE ${branches} AND end_date IS NULL AND kind IN ('secretary', 'deputySecretary', 'committeeMember')
       ORDER BY start_date, post_id`,
    )
    .all(params) as { branchId: string; kind: string; duty: string | null; name: string }[];
  const terms = db
    .prepare(
      `SELECT branch_id AS branchId, state, new_term_start AS newTermStart, new_term_end AS newTermEnd,
         current_term_end AS currentTermEnd, started_on AS startedOn
       FROM board_elections WHERE ${branches} ORDER BY started_on, election_id`,
    )
    .all(params) as {
    branchId: string;
    state: string;
    newTermStart: string | null;
    newTermEnd: string | null;
    currentTermEnd: string | null;
  }[];
  const held = new Map<string, { kind: string; duty: string | null; name: string }[]>();
  for (const post of posts) held.set(post.branchId, [...(held.get(post.branchId) ?? []), post]);
  const termEnds = new Map<string, { installed: string | null; census: string | null }>();
  for (const term of terms) {
    const known = termEnds.get(term.branchId) ?? { installed: null, census: null };
    // Rows come oldest first: the last installed election and the last census win.
    termEnds.set(term.branchId, {
      installed: term.state === 'installed' ? term.newTermEnd : known.installed,
      census: term.currentTermEnd ?? known.census,
    });
  }
  return rows.map((row) => {
    const holders = (held.get(row.branchId) ?? []).sort(
      (a, b) => (POST_ORDER[a.kind] ?? 9) - (POST_ORDER[b.kind] ?? 9),
    );
    const term = termEnds.get(row.branchId);
    return {
      ...row,
      sittingCommittee:
        holders.length === 0
          ? null
          : holders.map((post) => `${post.duty ?? POST_NAMES[post.kind] ?? post.kind} ${post.name}`).join('；'),
      termEnd: term?.installed ?? term?.census ?? null,
    };
  });
}

/** The branch list's columns in a workbook: the CSV's, then the sitting committee and its term end. */
export function branchWorkbookColumns<Row>(columns: readonly CsvColumn<Row>[]): CsvColumn<Row & SittingCommittee>[] {
  return [
    ...columns,
    { header: 'sitting_committee', headerZh: '现任支部委员会', value: (row) => row.sittingCommittee },
    { header: 'term_end', headerZh: '任期届满日期', value: (row) => row.termEnd, kind: 'date' },
  ];
}
