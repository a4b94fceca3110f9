import { ftsQuery } from '../../../src/common/pagination/cursor.js';
import { assessmentListSql, VERSION_ROWS_BY_ID_SQL } from '../../../src/assessments/queries/assessment-list.sql.js';
import type { AssessmentListFilter, ListTimePoint } from '../../../src/assessments/queries/list-assessments.query.js';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store.js';
import { projectionStack } from '../../support/projection-stack.js';

/**
 * Every filter of GET /assessments, current and as of a time, must be served
 * through an index: EXPLAIN QUERY PLAN may show SEARCH or an index-ordered
 * SCAN ... USING INDEX, never a bare SCAN of a table.
 */
describe('list queries are index-backed', () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  const { db } = projectionStack(store);
  // Statistics as a large ledger would have them, so the planner chooses as it would at scale.
  db.db.exec(`ANALYZE; DELETE FROM sqlite_stat1;
    INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
      ('assessment_versions', NULL, '1000000'),
      ('assessment_versions', 'av_by_assessment', '1000000 10 1'),
      ('assessment_versions', 'av_effective', '1000000 10 1'),
      ('assessment_versions', 'av_recorded', '1000000 10 1'),
      ('assessment_subject_terms', NULL, '400000'),
      ('assessment_keys', NULL, '100000');
    ANALYZE sqlite_schema;`);
  afterAll(async () => {
    db.close();
    await store.close();
  });

  const plan = (sql: string, params: object) =>
    (db.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail);

  const filters: [string, AssessmentListFilter][] = [
    ['no filter', {}],
    ['status', { statuses: ['published'] }],
    ['confidence', { confidences: ['high'] }],
    ['actor', { actor: 'Russia' }],
    ['region', { region: 'Moldova' }],
    ['topic', { topic: 'sanctions' }],
    ['createdBy', { createdBy: 'alice' }],
    ['likelihood band', { probability: { min: 0.5, max: 0.75, maxExclusive: true } }],
    ['horizon ends before', { horizonEndsBefore: Date.parse('2024-01-01') }],
    ['horizon ends after', { horizonEndsAfter: Date.parse('2024-01-01') }],
    ['text', { text: ftsQuery('escalation Moldova')! }],
    ['several', { statuses: ['published'], region: 'Moldova', confidences: ['moderate'] }],
  ];
  const times: [string, ListTimePoint][] = [
    ['current', {}],
    ['as of an effective time', { effective: Date.parse('2023-02-05') }],
    ['as of a recorded time', { recorded: Date.parse('2023-02-05') }],
  ];

  for (const [timeName, at] of times) {
    it.each(filters)(`${timeName}, filtered by %s`, (_name, filter) => {
      const sql = assessmentListSql(filter, at, { key: 'updatedAt', descending: true }, { limit: 50 });
      for (const statement of [sql.countSql, sql.pageSql]) {
        const steps = plan(statement, sql.params);
        const fullScans = steps.filter((step) => /^SCAN (v|assessment_versions|r|k|st|sj)$/.test(step));
        expect({ statement, fullScans }).toEqual({ statement, fullScans: [] });
      }
    });
  }

  it('the rows of a page are read by their ids', () => {
    const steps = (db.db.prepare(`EXPLAIN QUERY PLAN ${VERSION_ROWS_BY_ID_SQL}`).all('[1, 2, 3]') as { detail: string }[]).map((row) => row.detail);
    expect(steps).toContain('SEARCH v USING INTEGER PRIMARY KEY (rowid=?)');
    expect(steps.filter((step) => /^SCAN (v|k|st|sj)$/.test(step))).toEqual([]);
  });
});
