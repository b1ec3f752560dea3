import type { Database } from 'better-sqlite3';

/**
 * More than the events of a usual command take (a few kB), so a probe that commits means such an
 * append fits; little enough that probing costs nothing worth counting.
 */
const PROBE_BYTES = 16 * 1024;

/**
 * Proves that the file takes a write now, leaving no trace: in one committed transaction a
 * scratch table gets a row of PROBE_BYTES and is dropped again. The row makes SQLite allocate
 * pages (so a full disk or a page limit refuses it) and the commit writes them to the WAL and
 * syncs it (so a read-only file or a failing disk refuses it). The pages freed by the drop are
 * reused by the next append, so the file does not grow with every probe.
 */
export function probeWrite(db: Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS write_probe (filler BLOB NOT NULL)');
    db.prepare('INSERT INTO write_probe (filler) VALUES (zeroblob(?))').run(PROBE_BYTES);
    db.exec('DROP TABLE write_probe');
  }).immediate();
}
