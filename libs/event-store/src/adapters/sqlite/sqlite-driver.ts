import type BetterSqlite3 from 'better-sqlite3';

/**
 * The better-sqlite3 build this Node.js can run, shared by the event store and the read models.
 *
 * No single release runs on every Node.js we support:
 * - better-sqlite3 12 is built on Node's own ObjectWrap. On Node 24 a statement collected while
 *   no Node environment is current aborts the process (`Assertion failed: (env) != nullptr` in
 *   RemoveEnvironmentCleanupHook); `npm test` on Node 24 died this way.
 * - better-sqlite3 13 is rewritten on Node-API and runs on Node 22 and 24, but requires Node 22:
 *   on Node 20 it crashes with a segmentation fault.
 *
 * So 12 is a dependency and 13 an optional one under the alias `better-sqlite3-node22` (npm skips
 * it on Node 20, whose engine it does not match), and the running Node.js picks. Both have the
 * same API; the types are those of better-sqlite3.
 */
export const SqliteDatabase: typeof BetterSqlite3 = loadDriver(Number(process.versions.node.split('.')[0]));

// A synchronous, conditional require: the release that does not fit this Node.js must never load,
// and on Node 20 the optional one is not even installed.
/* eslint-disable @typescript-eslint/no-require-imports */
export function loadDriver(nodeMajor: number): typeof BetterSqlite3 {
  if (nodeMajor < 22) return require('better-sqlite3') as typeof BetterSqlite3;
  try {
    return require('better-sqlite3-node22') as typeof BetterSqlite3;
  } catch (error) {
    throw new Error(
      `Node.js ${process.versions.node} needs better-sqlite3 13 (the optional dependency better-sqlite3-node22), ` +
        'which is not installed: run npm ci with this Node.js.',
      { cause: error },
    );
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */
