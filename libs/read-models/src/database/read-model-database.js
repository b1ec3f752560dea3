"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.openReadModelDatabase = openReadModelDatabase;
const better_sqlite3_1 = __importDefault(require("better-sqlite3"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/**
 * Opens the read-model database. Read models are derived data, but each projection commits its
 * rows and its checkpoint together, so `synchronous=NORMAL` (WAL) can lose only a tail that the
 * projection will apply again: rows and checkpoint never disagree.
 */
function openReadModelDatabase(file) {
    if (file !== ':memory:')
        (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(file), { recursive: true });
    const db = new better_sqlite3_1.default(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    ensureRunnerTables(db);
    return db;
}
function ensureRunnerTables(db) {
    db.exec(`
    -- One row per generation of a projection's tables: 'building' while it catches up beside
    -- the live one, 'live' once its views point at it, 'retired' after it was replaced.
    CREATE TABLE IF NOT EXISTS projection_generations (
      name TEXT NOT NULL,
      generation INTEGER NOT NULL,
      version INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('building', 'live', 'retired')),
      position INTEGER,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (name, generation)
    );
  `);
}
//# sourceMappingURL=read-model-database.js.map