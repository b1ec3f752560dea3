/**
 * Keys of the advisory locks the store takes, as PostgreSQL's two-int form `(class, key)`.
 *
 * Why an append lock: positions come from a sequence, and a sequence hands out numbers at insert,
 * not at commit. Two transactions could take positions 10 and 11 and commit 11 first; a reader
 * between the two commits sees 11, moves its checkpoint past 10, and never sees 10 when it lands.
 * Every append therefore takes one transaction-level lock per event table before it asks for a
 * position, and holds it to its commit: positions are handed out one transaction at a time, and
 * PostgreSQL makes a commit visible before it releases the transaction's locks, so whatever a
 * reader sees is always a prefix of the log. The price is that appends do not overlap their
 * commits; what that costs is in bench/results/postgres.json.
 */
const APPEND_CLASS = 0x62660001;
const MIGRATE_CLASS = 0x62660002;

/** FNV-1a over the schema name, as a signed 32-bit int: each schema gets its own locks. */
export function schemaKey(schema: string): number {
  let hash = 0x811c9dc5;
  for (const char of Buffer.from(schema, 'utf8')) {
    hash ^= char;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export function appendLockKey(schema: string): readonly [number, number] {
  return [APPEND_CLASS, schemaKey(schema)];
}

export function migrateLockKey(schema: string): readonly [number, number] {
  return [MIGRATE_CLASS, schemaKey(schema)];
}
