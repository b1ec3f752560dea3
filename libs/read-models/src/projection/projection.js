"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tablesOf = tablesOf;
function tablesOf(projection, generation) {
    const prefix = `${projection.name.replace(/-/g, '_')}_g${generation}_`;
    return Object.fromEntries(projection.tables.map((table) => [table, `${prefix}${table}`]));
}
//# sourceMappingURL=projection.js.map