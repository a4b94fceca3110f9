import { ASSESSMENT_READ_MODEL_SCHEMA } from '../../../src/assessments/projections/assessment-read-model.schema.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OtherReadModelLayoutError, READ_MODEL_LAYOUT, ReadModelDatabase } from '../../../src/projections/read-model-database.js';

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

describe('ReadModelDatabase on a file of another layout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-layout-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const projected = (path: string) => {
    const database = new ReadModelDatabase(path);
    database.applySchema(ASSESSMENT_READ_MODEL_SCHEMA);
    database.writeCheckpoint('read-models', 42n);
    return database;
  };

  it('keeps the read models of its own layout', () => {
    const path = join(dir, 'same.sqlite');
    projected(path).close();
    const reopened = new ReadModelDatabase(path);
    expect(reopened.replacedLayout).toBeNull();
    expect(reopened.readCheckpoint('read-models')).toBe(42n);
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(READ_MODEL_LAYOUT);
    reopened.close();
  });

  it.each([0, READ_MODEL_LAYOUT + 1])('removes read models of layout %s, so they are projected again from the start', (layout) => {
    // Layout 0: a file from before layouts were numbered, whose tables lack what this version reads.
    const path = join(dir, `layout-${layout}.sqlite`);
    const old = projected(path);
    old.db.pragma(`user_version = ${layout}`);
    old.close();
    const reopened = new ReadModelDatabase(path, { replaceOtherLayout: true });
    expect(reopened.replacedLayout).toBe(layout);
    expect(reopened.readCheckpoint('read-models')).toBe(0n);
    expect(reopened.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'assessment_versions'").pluck().get()).toBe(0);
    reopened.close();
  });

  it('refuses, and leaves alone, a file of another layout when it may not replace it (a tool beside an older service)', () => {
    const path = join(dir, 'refused.sqlite');
    const old = projected(path);
    old.db.pragma('user_version = 0');
    old.close();
    // Not told it may replace one (the default), it refuses.
    expect(() => new ReadModelDatabase(path)).toThrow(OtherReadModelLayoutError);
    const kept = new ReadModelDatabase(path, { replaceOtherLayout: true });
    expect(kept.replacedLayout).toBe(0);
    kept.close();
  });

  it('takes a new file as its own', () => {
    const database = new ReadModelDatabase(join(dir, 'new.sqlite'));
    expect(database.replacedLayout).toBeNull();
    expect(database.db.pragma('user_version', { simple: true })).toBe(READ_MODEL_LAYOUT);
    database.close();
  });
});
