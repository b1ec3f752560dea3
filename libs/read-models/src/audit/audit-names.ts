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
  /** Per kind, each id's name (null: looked up, none known). */
  private readonly known = new Map<string, Map<string, string | null>>();
  private size = 0;

  constructor(db: ReadModelDatabase, table: string) {
    this.read = db.prepare(`SELECT name FROM ${table} WHERE kind = ? AND id = ?`).pluck();
    this.write = db.prepare(
      `INSERT INTO ${table} (kind, id, name, position) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET name = excluded.name, position = excluded.position
       WHERE excluded.position > ${table}.position`,
    );
  }

  get(kind: string, id: string): string | null {
    const names = this.namesOf(kind);
    let name = names.get(id);
    if (name === undefined) {
      name = (this.read.get(kind, id) as string | undefined) ?? null;
      this.remember(names, id, name);
    }
    return name;
  }

  /** Records a name as of a position; an older position never overwrites a newer name. */
  set(kind: string, id: string, name: string, position: number): void {
    if (this.write.run(kind, id, name, position).changes > 0) this.remember(this.namesOf(kind), id, name);
  }

  forget(): void {
    this.known.clear();
    this.size = 0;
  }

  private namesOf(kind: string): Map<string, string | null> {
    let names = this.known.get(kind);
    if (!names) this.known.set(kind, (names = new Map<string, string | null>()));
    return names;
  }

  private remember(names: Map<string, string | null>, id: string, name: string | null): void {
    if (this.size >= MOST_REMEMBERED) {
      for (const other of this.known.values()) other.clear();
      this.size = 0;
    }
    if (!names.has(id)) this.size += 1;
    names.set(id, name);
  }
}
