import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { HeldPost } from './organisation-history.statements';

/** Past this many versions the memory starts again from empty rather than grow without bound. */
const MOST_REMEMBERED = 100_000;

/** One version of a branch's posts, as the tree query finds it. */
export interface PostsVersion {
  readonly branchId: string;
  readonly validFrom: string;
  /** Position of the last event that changed the row. */
  readonly position: number;
}

interface PostsRow {
  branch_id: string;
  valid_from: string;
  posts: string;
}

/**
 * The posts held in each branch version, parsed once and remembered. An as-of tree shows every
 * open branch's posts; reading and parsing their JSON again for each date asked was most of the
 * tree's cost, while a version changes rarely. A version is remembered under the position of the
 * last event that changed it, so a late change (which rewrites the row and its position) is
 * never served from memory. Callers must not modify the arrays they get.
 */
export class HeldPostsMemory {
  private readonly known = new Map<string, readonly HeldPost[]>();
  private read: Statement<[string], PostsRow> | null = null;

  /** The view may not exist yet when the queries are built (a first start), so prepared on first use. */
  constructor(private readonly db: ReadModelDatabase) {}

  /**
   * The posts of each version (none for null), in order. Versions not remembered are read in one
   * statement, so a first tree costs one query rather than one per branch. Run it in the same
   * read transaction as the query that found the versions.
   */
  postsOf(versions: readonly (PostsVersion | null)[]): (readonly HeldPost[])[] {
    const keys = versions.map((v) => (v ? `${v.branchId}\u0000${v.validFrom}\u0000${v.position}` : null));
    const missing = versions.filter((v, i): v is PostsVersion => v !== null && !this.known.has(keys[i] as string));
    if (missing.length > 0) this.load(missing);
    return keys.map((key) => (key === null ? [] : (this.known.get(key) ?? [])));
  }

  private load(versions: readonly PostsVersion[]): void {
    this.read ??= this.db.prepare<[string], PostsRow>(
      `SELECT p.branch_id, p.valid_from, p.posts FROM json_each(?) AS wanted
       JOIN history_posts_held p ON p.branch_id = wanted.value ->> 0 AND p.valid_from = wanted.value ->> 1`,
    );
    const positions = new Map(versions.map((v) => [`${v.branchId}\u0000${v.validFrom}`, v.position]));
    const rows = this.read.all(JSON.stringify(versions.map((v) => [v.branchId, v.validFrom])));
    if (this.known.size + rows.length > MOST_REMEMBERED) this.known.clear();
    for (const row of rows) {
      const position = positions.get(`${row.branch_id}\u0000${row.valid_from}`);
      this.known.set(`${row.branch_id}\u0000${row.valid_from}\u0000${position}`, JSON.parse(row.posts) as HeldPost[]);
    }
  }
}
