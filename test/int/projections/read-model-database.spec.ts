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
  const EFFECTIVE_SPAN = ['eff_to', 'eff_from', 'rec_from', 'subject_id', 'status', 'confidence', 'standing_dissents'];
  const RECORDED_SPAN = ['rec_to', 'rec_from', 'eff_to', 'eff_from', 'subject_id', 'status', 'confidence', 'standing_dissents'];
  // [the index an earlier version built (its DDL), the one that replaced it, the replacement's columns]
  it.each([
    ['av_effective', 'ON assessment_versions (eff_to, eff_from)', 'av_effective_span', EFFECTIVE_SPAN],
    ['av_effective_rec', 'ON assessment_versions (eff_to, eff_from, rec_from, subject_id)', 'av_effective_span', EFFECTIVE_SPAN],
    ['av_recorded', 'ON assessment_versions (rec_to, rec_from)', 'av_recorded_span', RECORDED_SPAN],
    ['av_recorded_eff', 'ON assessment_versions (rec_to, rec_from, eff_to, eff_from, subject_id)', 'av_recorded_span', RECORDED_SPAN],
    ['av_current_likelihood', 'ON assessment_versions (p_mid, id) WHERE is_current = 1', 'av_current_by_likelihood', ['p_mid', 'seq']],
    ['av_current_updated', 'ON assessment_versions (rec_from, id) WHERE is_current = 1', 'av_current_by_updated', ['rec_from', 'seq']],
    ['av_current_effective', 'ON assessment_versions (eff_from, id) WHERE is_current = 1', 'av_current_by_effective', ['eff_from', 'seq']],
    ['av_current_horizon', 'ON assessment_versions (horizon_end, id) WHERE is_current = 1', 'av_current_by_horizon', ['horizon_end', 'seq']],
  ])('drops %s and builds what replaced it', (old, definition, replacement, columns) => {
    const database = new ReadModelDatabase(':memory:');
    database.applySchema(ASSESSMENT_READ_MODEL_SCHEMA);
    // The file as the version before built it.
    database.db.exec(`DROP INDEX ${replacement}; CREATE INDEX ${old} ${definition};`);
    database.applySchema(ASSESSMENT_READ_MODEL_SCHEMA);
    const indexes = database.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all();
    expect(indexes).not.toContain(old);
    expect(indexes).toContain(replacement);
    expect(database.db.prepare(`SELECT name FROM pragma_index_info('${replacement}') ORDER BY seqno`).pluck().all()).toEqual(columns);
    database.close();
  });
});
