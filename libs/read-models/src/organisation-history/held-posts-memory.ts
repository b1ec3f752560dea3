import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { HeldPost } from './organisation-history.statements';

/** Past this many versions the memory starts again from empty rather than grow without bound. */
const MOST_REMEMBERED = 100_000;

/**
 * The posts held in each branch version, parsed once and remembered. An as-of tree shows every
 * open branch's posts; reading and parsing their JSON again for each date asked was most of the
 * tree's cost, while a version changes rarely. A version is remembered under the position of the
 * last event that changed it, so a late change (which rewrites the row and its position) is
 * never served from memory. Callers must not modify the arrays they get.
 */
export class HeldPostsMemory {
  private readonly known = new Map<string, readonly HeldPost[]>();
  private read: Statement<[string, string], string | undefined> | null = null;

  /** The view may not exist yet when the queries are built (a first start), so prepared on first use. */
  constructor(private readonly db: ReadModelDatabase) {}

  /** The posts of the version of `branchId` valid from `validFrom`, last changed at `position`. */
  posts(branchId: string, validFrom: string, position: number): readonly HeldPost[] {
    const key = `${branchId}\u0000${validFrom}\u0000${position}`;
    let posts = this.known.get(key);
    if (posts === undefined) {
      this.read ??= this.db
        .prepare<[string, string], string | undefined>(
          `SELECT posts FROM history_posts_held WHERE branch_id = ? AND valid_from = ?`,
        )
        .pluck();
      const json = this.read.get(branchId, validFrom);
      posts = json === undefined ? [] : (JSON.parse(json) as HeldPost[]);
      if (this.known.size >= MOST_REMEMBERED) this.known.clear();
      this.known.set(key, posts);
    }
    return posts;
  }
}
