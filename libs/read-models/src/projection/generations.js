"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.liveGeneration = liveGeneration;
exports.generationToFeed = generationToFeed;
exports.saveCheckpoint = saveCheckpoint;
exports.promoteGeneration = promoteGeneration;
const projection_1 = require("./projection");
function liveGeneration(db, name) {
    const row = db
        .prepare(`SELECT name, generation, version, state, position FROM projection_generations WHERE name = ? AND state = 'live'`)
        .get(name);
    return row ?? null;
}
/**
 * The generation a runner should feed: the live one when its version matches the code;
 * otherwise a building one of this version (a rebuild interrupted by a crash resumes), or a
 * new one. `fresh` forces a new generation even when the live one is current (operator rebuild).
 */
function generationToFeed(db, projection, fresh = false, now = new Date()) {
    const live = liveGeneration(db, projection.name);
    if (live && live.version === projection.version && !fresh)
        return live;
    const building = db
        .prepare(`SELECT name, generation, version, state, position FROM projection_generations
       WHERE name = ? AND state = 'building' AND version = ? ORDER BY generation DESC LIMIT 1`)
        .get(projection.name, projection.version);
    if (building && !fresh)
        return building;
    const { next } = db
        .prepare(`SELECT COALESCE(MAX(generation), 0) + 1 AS next FROM projection_generations WHERE name = ?`)
        .get(projection.name);
    const generation = {
        name: projection.name,
        generation: next,
        version: projection.version,
        state: 'building',
        position: null,
    };
    db.prepare(`INSERT INTO projection_generations (name, generation, version, state, position, updated_at) VALUES (?, ?, ?, 'building', NULL, ?)`).run(projection.name, next, projection.version, now.toISOString());
    return generation;
}
function saveCheckpoint(db, generation, position, now = new Date()) {
    db.prepare(`UPDATE projection_generations SET position = ?, updated_at = ? WHERE name = ? AND generation = ?`).run(position, now.toISOString(), generation.name, generation.generation);
}
/**
 * Points the stable views at a caught-up generation and retires the previous one, in one
 * transaction: readers see either the old tables or the new ones, never a mix.
 */
function promoteGeneration(db, projection, generation) {
    const tables = (0, projection_1.tablesOf)(projection, generation.generation);
    const previous = liveGeneration(db, projection.name);
    db.transaction(() => {
        for (const table of projection.tables) {
            db.exec(`DROP VIEW IF EXISTS ${table}`);
            db.exec(`CREATE VIEW ${table} AS SELECT ${projection.viewColumns?.(table) ?? '*'} FROM ${tables[table]}`);
        }
        db.prepare(`UPDATE projection_generations SET state = 'retired' WHERE name = ? AND state = 'live'`).run(projection.name);
        db.prepare(`UPDATE projection_generations SET state = 'live' WHERE name = ? AND generation = ?`).run(projection.name, generation.generation);
        if (previous && previous.generation !== generation.generation) {
            const old = (0, projection_1.tablesOf)(projection, previous.generation);
            for (const table of projection.tables)
                db.exec(`DROP TABLE IF EXISTS ${old[table]}`);
        }
    })();
}
//# sourceMappingURL=generations.js.map