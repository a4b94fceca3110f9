import { ASSESSMENT_READ_MODEL_SCHEMA } from '../../../src/assessments/projections/assessment-read-model.schema.js';
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

describe('ReadModelDatabase.applySchema on a file an earlier version built', () => {
  it('replaces av_effective (end, start) by av_effective_rec (end, start, recorded start, subject)', () => {
    const database = new ReadModelDatabase(':memory:');
    database.applySchema(ASSESSMENT_READ_MODEL_SCHEMA);
    // The file as the version before built it.
    database.db.exec('DROP INDEX av_effective_rec; CREATE INDEX av_effective ON assessment_versions (eff_to, eff_from);');
    database.applySchema(ASSESSMENT_READ_MODEL_SCHEMA);
    const indexes = database.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'av_effective%'").pluck().all();
    expect(indexes).toEqual(['av_effective_rec']);
    expect(database.db.prepare("SELECT name FROM pragma_index_info('av_effective_rec') ORDER BY seqno").pluck().all()).toEqual(['eff_to', 'eff_from', 'rec_from', 'subject_id']);
    database.close();
  });

  it('replaces av_recorded (end, start) by av_recorded_eff (end, start, effective end and start, subject)', () => {
    const database = new ReadModelDatabase(':memory:');
    database.applySchema(ASSESSMENT_READ_MODEL_SCHEMA);
    database.db.exec('DROP INDEX av_recorded_eff; CREATE INDEX av_recorded ON assessment_versions (rec_to, rec_from);');
    database.applySchema(ASSESSMENT_READ_MODEL_SCHEMA);
    const indexes = database.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'av_recorded%'").pluck().all();
    expect(indexes).toEqual(['av_recorded_eff']);
    expect(database.db.prepare("SELECT name FROM pragma_index_info('av_recorded_eff') ORDER BY seqno").pluck().all()).toEqual(['rec_to', 'rec_from', 'eff_to', 'eff_from', 'subject_id']);
    database.close();
  });

  it('replaces the current sort indexes that ended in id by ones that end in seq', () => {
    const database = new ReadModelDatabase(':memory:');
    database.applySchema(ASSESSMENT_READ_MODEL_SCHEMA);
    database.db.exec(`DROP INDEX av_current_by_likelihood;
      CREATE INDEX av_current_likelihood ON assessment_versions (p_mid, id) WHERE is_current = 1;
      CREATE INDEX av_current_updated ON assessment_versions (rec_from, id) WHERE is_current = 1;`);
    database.applySchema(ASSESSMENT_READ_MODEL_SCHEMA);
    const indexes = database.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'av_current_%' ORDER BY name").pluck().all();
    expect(indexes).not.toContain('av_current_likelihood');
    expect(indexes).not.toContain('av_current_updated');
    expect(indexes).toEqual(expect.arrayContaining(['av_current_by_likelihood', 'av_current_by_updated', 'av_current_by_effective', 'av_current_by_horizon']));
    expect(database.db.prepare("SELECT name FROM pragma_index_info('av_current_by_likelihood') ORDER BY seqno").pluck().all()).toEqual(['p_mid', 'seq']);
    database.close();
  });
});
