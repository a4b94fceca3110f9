import { ReadModelDatabase } from '../../../src/projections/read-model-database.js';

describe('ReadModelDatabase.prepareRows', () => {
  const database = new ReadModelDatabase(':memory:');
  beforeAll(() => {
    database.db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, note TEXT, "odd ""name""" TEXT);
      INSERT INTO t VALUES (1, 'a', 0.5, NULL, 'x'), (2, 'b', 1.5, 'n', 'y');`);
  });
  afterAll(() => database.close());

  it('gives the rows better-sqlite3 gives as objects, column for column', () => {
    const sql = 'SELECT id, name, score, note, "odd ""name""" FROM t WHERE id >= ? ORDER BY id';
    expect(database.prepareRows(sql).all(1)).toEqual(database.db.prepare(sql).all(1));
    expect(database.prepareRows(sql).get(2)).toEqual(database.db.prepare(sql).get(2));
    expect(database.prepareRows(sql).get(3)).toBeUndefined();
  });

  it('leaves the statements `prepare` hands out as they were', () => {
    const sql = 'SELECT id, name FROM t ORDER BY id';
    database.prepareRows(sql).all();
    expect(database.prepare(sql).all()).toEqual([{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
  });
});
