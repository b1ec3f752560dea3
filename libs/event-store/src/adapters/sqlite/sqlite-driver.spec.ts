import { loadDriver, SqliteDatabase } from './sqlite-driver';

/* eslint-disable @typescript-eslint/no-require-imports */
const nodeMajor = Number(process.versions.node.split('.')[0]);

describe('the SQLite driver', () => {
  it('is better-sqlite3 12 on Node 20', () => {
    expect(loadDriver(20)).toBe(require('better-sqlite3'));
    expect((require('better-sqlite3/package.json') as { version: string }).version).toMatch(/^12\./);
  });

  it('is the release that fits the running Node.js, and it works', () => {
    const expected = nodeMajor < 22 ? require('better-sqlite3') : require('better-sqlite3-node22');
    expect(SqliteDatabase).toBe(expected);
    const db = new SqliteDatabase(':memory:');
    expect(db.prepare('SELECT 40 + 2 AS answer').get()).toEqual({ answer: 42 });
    db.close();
  });

  it('tells a newer Node.js without the optional release what to do', () => {
    jest.isolateModules(() => {
      jest.doMock(
        'better-sqlite3-node22',
        () => {
          throw new Error("Cannot find module 'better-sqlite3-node22'");
        },
        { virtual: true },
      );
      // On Node 22 and newer the module's own load already fails, with the same message.
      const load = () => (require('./sqlite-driver') as typeof import('./sqlite-driver')).loadDriver(24);
      expect(load).toThrow(/needs better-sqlite3 13 .*run npm ci with this Node\.js/);
    });
  });
});
