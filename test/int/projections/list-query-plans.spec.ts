import { ftsQuery } from '../../../src/common/pagination/cursor.js';
import { assessmentListSql, FILL_TEXT_HITS_SQL, PUBLIC_VERSIONS, VERSION_ROWS_BY_ID_SQL, visibilityClauses } from '../../../src/assessments/queries/assessment-list.sql.js';
import type { SqlParams } from '../../../src/assessments/queries/assessment-list.sql.js';
import { visibleNowSql } from '../../../src/assessments/queries/get-assessment-timeline.handler.js';
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
      ('assessment_versions', 'av_effective_span', '1000000 10 1 1 1 1 1 1'),
      ('assessment_versions', 'av_recorded_span', '1000000 10 1 1 1 1 1 1 1'),
      ('assessment_public_versions', NULL, '500000'),
      ('assessment_public_versions', 'apv_by_assessment', '500000 5 1'),
      ('assessment_public_versions', 'apv_effective_span', '500000 5 1 1 1 1 1 1'),
      ('assessment_public_versions', 'apv_recorded_span', '500000 5 1 1 1 1 1 1 1'),
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
    ['awaiting publication', { awaitingPublication: true }],
    ['several', { statuses: ['published'], region: 'Moldova', confidences: ['moderate'] }],
  ];
  const times: [string, ListTimePoint][] = [
    ['current', {}],
    ['as of an effective time', { effective: Date.parse('2023-02-05') }],
    ['as of a recorded time', { recorded: Date.parse('2023-02-05') }],
    ['as of both times', { effective: Date.parse('2023-02-05'), recorded: Date.parse('2023-03-01') }],
  ];

  for (const [timeName, at] of times) {
    it.each(filters)(`${timeName}, filtered by %s`, (_name, filter) => {
      const sql = assessmentListSql(filter, at, { key: 'updatedAt', descending: true }, { limit: 50 });
      for (const statement of [sql.countSql, sql.pageSql, sql.fewMatchesPageSql]) {
        const steps = plan(statement, sql.params);
        const fullScans = steps.filter((step) => /^SCAN (v|assessment_versions|r|k|st|sj)$/.test(step));
        expect({ statement, fullScans }).toEqual({ statement, fullScans: [] });
      }
    });
  }

  // Readers' lists read the versions readers may see, through that table's own indexes.
  const reader = { levels: ['UNCLASSIFIED', 'SECRET'], publishedOnly: true };
  for (const [timeName, at] of times) {
    it.each(filters)(`for a reader, ${timeName}, filtered by %s`, (_name, filter) => {
      const sql = assessmentListSql(filter, at, { key: 'updatedAt', descending: true }, { limit: 50 }, reader);
      for (const statement of [sql.countSql, sql.pageSql, sql.fewMatchesPageSql]) {
        const steps = plan(statement, sql.params);
        const fullScans = steps.filter((step) => /^SCAN (v|assessment_versions|assessment_public_versions|r|k|st|sj)$/.test(step));
        expect({ statement, fullScans }).toEqual({ statement, fullScans: [] });
        expect(steps.join(' | ')).toMatch(/apv_/);
        expect(steps.join(' | ')).not.toMatch(/\bav_(current|effective|recorded|by_effective|by_recorded)/);
      }
    });
  }

  it('as of both times, count and page find the standing versions through the (end, start) index of each axis, not by their start', () => {
    // By the start alone (or the OR of both ends) the versions begun before one of the times are read (bench/README.md section 8).
    const sql = assessmentListSql({}, { effective: Date.parse('2023-02-05'), recorded: Date.parse('2023-03-01') }, { key: 'updatedAt', descending: true }, { limit: 50 }, { levels: ['UNCLASSIFIED', 'SECRET'], publishedOnly: false });
    for (const statement of [sql.countSql, sql.pageSql, sql.fewMatchesPageSql]) {
      const steps = plan(statement, sql.params).join(' | ');
      expect(steps).toMatch(/SEARCH assessment_versions USING COVERING INDEX av_effective_span \(eff_to>\?\)/);
      expect(steps).toMatch(/SEARCH assessment_versions USING COVERING INDEX av_recorded_span \(rec_to>\?\)/);
      expect(steps).not.toMatch(/av_by_effective/);
    }
    // Only the walking page (the default order, many matches) reads by the start, from the earlier of the two times.
    expect(plan(sql.countSql, sql.params).join(' | ')).not.toMatch(/av_by_recorded/);
    expect(plan(sql.fewMatchesPageSql, sql.params).join(' | ')).not.toMatch(/av_by_recorded/);
  });

  it.each([
    ['the effective time is the earlier', { effective: Date.parse('2023-02-05'), recorded: Date.parse('2023-03-01') }, true],
    ['the recorded time is the earlier', { effective: Date.parse('2023-03-01'), recorded: Date.parse('2023-02-05') }, false],
  ])('with many matches, the default order as of both times walks the versions recorded by the earlier time (%s)', (_name, at, between) => {
    const sql = assessmentListSql({}, at, { key: 'updatedAt', descending: true }, { limit: 50 }, { levels: ['UNCLASSIFIED', 'SECRET'], publishedOnly: false });
    const steps = plan(sql.pageSql, sql.params).join(' | ');
    expect(steps).toContain('SEARCH v USING INDEX av_by_recorded (rec_from<?)');
    // Those recorded between the two times come from the span indexes, and only when there is such a between.
    expect(/av_effective_span/.test(steps)).toBe(between);
    expect(steps).not.toMatch(/SCAN v\b/);
  });

  it.each([
    ['effective', { effective: Date.parse('2023-02-05') }, 'av_effective_span'],
    ['recorded', { recorded: Date.parse('2023-02-05') }, 'av_recorded_span'],
  ] as const)('an as-of (%s) count walks the versions by their end, checking the start in the index', (_name, at, index) => {
    // As the service asks: with the caller's visibility, which needs each version's row.
    const sql = assessmentListSql({}, at, { key: 'updatedAt', descending: true }, { limit: 50 }, { levels: ['UNCLASSIFIED', 'SECRET'], publishedOnly: false });
    // By the start alone, every version begun before t (most of a long history) would be read from the table.
    expect(plan(sql.countSql, sql.params).join(' | ')).toMatch(new RegExp(`SEARCH v USING (COVERING )?INDEX ${index} \\(`));
  });

  it.each(['updatedAt', 'createdAt', 'effectiveAt', 'horizonEnd', 'probability'] as const)(
    'with many matches, a current page sorted by %s walks the current versions in that order and stops',
    (key) => {
      const sql = assessmentListSql({ statuses: ['draft'] }, {}, { key, descending: true }, { limit: 50 });
      const steps = plan(sql.pageSql, sql.params);
      expect(steps.join(' | ')).toMatch(/^SCAN v USING INDEX av_current_\w+$/);
      expect(steps).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    },
  );

  const effectiveTime = { effective: Date.parse('2023-02-05') };
  const recordedTime = { recorded: Date.parse('2023-02-05') };
  it.each([
    ['effective', effectiveTime, 'effectiveAt', 'SEARCH v USING INDEX av_by_effective (eff_from<?)'],
    ['recorded', recordedTime, 'updatedAt', 'SEARCH v USING INDEX av_by_recorded (rec_from<?)'],
    ['effective', effectiveTime, 'createdAt', 'SEARCH v USING INDEX av_effective_span (eff_to>?) | USE TEMP B-TREE FOR ORDER BY'],
    ['recorded', recordedTime, 'horizonEnd', 'SEARCH v USING INDEX av_recorded_span (rec_to>?) | USE TEMP B-TREE FOR ORDER BY'],
  ] as const)('with many matches, a page as of a(n) %s time sorted by -%s: %s', (_axis, at, key, expected) => {
    const sql = assessmentListSql({ statuses: ['draft'] }, at, { key, descending: true }, { limit: 50 });
    expect(plan(sql.pageSql, sql.params).join(' | ')).toBe(expected);
  });

  it('with many matches, the default order as of an effective time walks those recorded by then and adds those recorded after', () => {
    const sql = assessmentListSql({ statuses: ['draft'] }, effectiveTime, { key: 'updatedAt', descending: true }, { limit: 50 });
    const steps = plan(sql.pageSql, sql.params).join(' | ');
    expect(steps).toContain('SEARCH v USING INDEX av_by_recorded (rec_from<?)');
    // The status is in the span's index too: the versions recorded after t are found without reading a row.
    expect(steps).toContain('SEARCH v USING COVERING INDEX av_effective_span (eff_to>?)');
    expect(steps).not.toMatch(/SCAN v\b/);
  });

  it('with few matches, the page is found through the filters and sorted rather than by walking the sort order', () => {
    const sql = assessmentListSql({ region: 'Moldova' }, { effective: Date.parse('2023-02-05') }, { key: 'updatedAt', descending: true }, { limit: 50 });
    expect(plan(sql.fewMatchesPageSql, sql.params)).toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it.each(times)('a rare search %s starts from its hits: the assessments they belong to, through the index on seq', (_name, at) => {
    // As the handler runs it: the hits put in the temporary tables first.
    for (const statement of FILL_TEXT_HITS_SQL) db.db.prepare(statement).run({ text: ftsQuery('transnistria')! });
    const sql = assessmentListSql({ text: ftsQuery('transnistria')! }, at, { key: 'updatedAt', descending: true }, { limit: 50 }, undefined, { rareText: true, hitsInTempTables: true });
    for (const statement of [sql.countSql, sql.fewMatchesPageSql]) {
      const steps = plan(statement, sql.params);
      expect(steps.filter((step) => /^SCAN (v|assessment_versions|r|k|st|sj)$/.test(step))).toEqual([]);
      expect(steps.join(' | ')).toMatch(/SEARCH v USING (COVERING )?INDEX (av_current_created|av_by_assessment) \(seq=\?/);
    }
  });

  it("the timeline's visibility check goes from the assessment's key to its current version", () => {
    const params: SqlParams = { id: 'some-id' };
    const steps = plan(visibleNowSql(visibilityClauses({ levels: ['UNCLASSIFIED'], publishedOnly: true }, params)), params);
    expect(steps).toEqual(['SEARCH k USING INDEX sqlite_autoindex_assessment_keys_1 (assessment_id=?)', 'SEARCH v USING INDEX av_current_created (seq=?)']);
    const readers = plan(visibleNowSql(visibilityClauses({ levels: ['UNCLASSIFIED'], publishedOnly: true }, params), PUBLIC_VERSIONS), params);
    expect(readers[0]).toBe('SEARCH k USING INDEX sqlite_autoindex_assessment_keys_1 (assessment_id=?)');
    expect(readers.slice(1)).toEqual([expect.stringMatching(/^SEARCH v USING INDEX apv_(current_created|by_assessment) \(seq=\?\)$/)]);
  });

  it('the rows of a page are read by their ids', () => {
    const steps = (db.db.prepare(`EXPLAIN QUERY PLAN ${VERSION_ROWS_BY_ID_SQL}`).all('[1, 2, 3]') as { detail: string }[]).map((row) => row.detail);
    expect(steps).toContain('SEARCH v USING INTEGER PRIMARY KEY (rowid=?)');
    expect(steps.filter((step) => /^SCAN (v|k|st|sj)$/.test(step))).toEqual([]);
  });

  it.each([
    ['status', { statuses: ['published'] }],
    ['confidence', { confidences: ['low'] }],
    ['standing dissents', { hasDissent: true }],
    ['region', { region: 'Moldova' }],
  ] as const)('an as-of count filtered by %s tests the filter in the span index, before reading any row', (_name, filter) => {
    for (const [at, index] of [[effectiveTime, 'av_effective_span'], [recordedTime, 'av_recorded_span']] as const) {
      const sql = assessmentListSql(filter, at, { key: 'updatedAt', descending: true }, { limit: 50 });
      // Without visibility the count needs no column outside the index: covering, so every filter is checked in it.
      expect(plan(sql.countSql, sql.params).join(' | ')).toMatch(new RegExp(`SEARCH v USING COVERING INDEX ${index} \\(`));
    }
  });
});
