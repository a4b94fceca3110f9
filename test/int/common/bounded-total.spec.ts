import Database from 'better-sqlite3';
import { boundedCountSql, boundedTotal } from '../../../src/common/pagination/bounded-total.js';

describe('bounded totals', () => {
  const db = new Database(':memory:');
  beforeAll(() => db.exec('CREATE TABLE t (x INTEGER); WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 25) INSERT INTO t SELECT x FROM n;'));
  afterAll(() => db.close());
  const count = (fromAndWhere: string, limit: number) => (db.prepare(boundedCountSql(fromAndWhere, limit)).get() as { n: number }).n;

  it('counts exactly below the limit and stops at it', () => {
    expect(count('FROM t WHERE x <= 7', 10)).toBe(7);
    expect(count('FROM t', 10)).toBe(10);
    expect(count('FROM t WHERE x > 100', 10)).toBe(0);
  });

  it('says a total is a lower bound exactly when the count reached the limit', () => {
    expect(boundedTotal(7, 10)).toEqual({ total: 7, totalIsLowerBound: false });
    expect(boundedTotal(10, 10)).toEqual({ total: 10, totalIsLowerBound: true });
  });

  it('takes only a positive whole limit, which it writes into the SQL', () => {
    for (const limit of [0, -1, 1.5, Number.NaN, 2 ** 60]) expect(() => boundedCountSql('FROM t', limit)).toThrow(RangeError);
  });
});
