import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../database/read-model-database';

/** Past this many names the memory starts again from empty rather than grow without bound. */
const MOST_REMEMBERED = 500_000;

/**
 * The audit projection's names table (committees, branches, members, …) with the names in
 * memory as well: describing an event looks up two or three names, and a rebuild describes
 * millions of events. The table stays the truth. Every name read comes from it once and every
 * name written goes to both, so the memory can only differ from the table after a rolled-back
 * batch, when the runner asks for `forget()`.
 */
export class AuditNames {
  private readonly read: Statement;
  private readonly write: Statement;
  private readonly known = new Map<string, string | null>();

  constructor(db: ReadModelDatabase, table: string) {
    this.read = db.prepare(`SELECT name FROM ${table} WHERE kind = ? AND id = ?`).pluck();
    this.write = db.prepare(
      `INSERT INTO ${table} (kind, id, name, position) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET name = excluded.name, position = excluded.position
       WHERE excluded.position > ${table}.position`,
    );
  }

  get(kind: string, id: string): string | null {
    const key = `${kind}\u0000${id}`;
    let name = this.known.get(key);
    if (name === undefined) {
      name = (this.read.get(kind, id) as string | undefined) ?? null;
      this.remember(key, name);
    }
    return name;
  }

  /** Records a name as of a position; an older position never overwrites a newer name. */
  set(kind: string, id: string, name: string, position: number): void {
    if (this.write.run(kind, id, name, position).changes > 0) this.remember(`${kind}\u0000${id}`, name);
  }

  forget(): void {
    this.known.clear();
  }

  private remember(key: string, name: string | null): void {
    if (this.known.size >= MOST_REMEMBERED) this.known.clear();
    this.known.set(key, name);
  }
}
