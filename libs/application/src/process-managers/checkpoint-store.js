'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.SqlCheckpointStore = void 0;
/** Checkpoints in the read-model database, beside the projections' own. */
class SqlCheckpointStore {
  db;
  constructor(db) {
    this.db = db;
    db.exec(`CREATE TABLE IF NOT EXISTS process_checkpoints (
      name TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    )`);
  }
  load(name) {
    const row = this.db.prepare('SELECT position FROM process_checkpoints WHERE name = ?').get(name);
    return row?.position ?? null;
  }
  save(name, position) {
    this.db
      .prepare(
        `INSERT INTO process_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      )
      .run(name, position, new Date().toISOString());
  }
}
exports.SqlCheckpointStore = SqlCheckpointStore;
//# sourceMappingURL=checkpoint-store.js.map
