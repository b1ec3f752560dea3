import { openReadModelDatabase } from './read-model-database';
import { cached, forgetTables, statement } from './statement-cache';

describe('the statement cache', () => {
  const db = openReadModelDatabase(':memory:');
  afterAll(() => db.close());

  it('builds once per database and key', () => {
    let builds = 0;
    const build = () => ++builds;
    expect(cached(db, 'k x_g1_t', build)).toBe(1);
    expect(cached(db, 'k x_g1_t', build)).toBe(1);
    expect(statement(db, 'SELECT 1')).toBe(statement(db, 'SELECT 1'));
  });

  it("forgets the entries that name a retired generation's tables, and only those", () => {
    cached(db, 'memory of x_g1_t', () => 'old');
    cached(db, 'memory of x_g2_t', () => 'new');
    const old = statement(db, 'SELECT 1 AS x_g1_t');
    forgetTables(db, ['x_g1_t']);
    expect(cached(db, 'memory of x_g1_t', () => 'rebuilt')).toBe('rebuilt');
    expect(cached(db, 'memory of x_g2_t', () => 'rebuilt')).toBe('new');
    expect(statement(db, 'SELECT 1 AS x_g1_t')).not.toBe(old);
  });
});
