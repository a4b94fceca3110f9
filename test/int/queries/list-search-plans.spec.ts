import { randomUUID } from 'node:crypto';
import type { AssessmentCommand } from '../../../src/assessments/domain/assessment-commands.js';
import { assessmentListSql, FILL_TEXT_HITS_SQL } from '../../../src/assessments/queries/assessment-list.sql.js';
import type { AssessmentListFilter, ListSortKey, ListTimePoint } from '../../../src/assessments/queries/list-assessments.query.js';
import { ftsQuery } from '../../../src/common/pagination/cursor.js';
import { commandStack, projectionStack } from '../../support/projection-stack.js';

/**
 * A search runs one of two ways, chosen by how many hits it has (rare: from
 * the hits' assessments; common: each candidate checked against the hits), and
 * a list by its count (few matches: narrowed and sorted; many: walked in
 * sort order where an index holds it). Every way must give the same page and the same total, current
 * and as of a time, including wordings that were later changed and rationales
 * given after the time asked about.
 */
describe('list plans give the same answers (int)', () => {
  const { store, executor } = commandStack();
  const projection = projectionStack(store);
  const db = projection.db;
  const day = (d: number) => new Date(Date.UTC(2023, 1, d)).toISOString();
  let midway = 0;
  let recordedMidway = 0;

  beforeAll(async () => {
    const words = ['escalation', 'pressure', 'transnistria', 'sanctions', 'elections'];
    const meta = (d: number) => ({ actor: 'alice', correlationId: randomUUID(), effectiveAt: day(d) });
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const id = randomUUID();
      ids.push(id);
      const draft: AssessmentCommand = {
        type: 'DraftAssessment',
        data: {
          assessmentId: id,
          statement: `Statement ${i} about ${words[i % 5]} in the region.`,
          likelihood: { scale: 'nta', term: 'unlikely' },
          confidence: i % 2 ? 'moderate' : 'low',
          horizon: { term: 'short-term', start: '2023-02-01' },
          subject: { actors: ['Russia'], regions: [i % 3 ? 'Moldova' : 'Georgia'], topics: [] },
          rationale: `Drafted because of ${words[(i + 1) % 5]}.`,
        },
      };
      await executor.execute(id, draft, meta(1), 'no_stream');
    }
    // Every draft was recorded before this instant, every change after it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    recordedMidway = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const [i, id] of ids.entries()) {
      // A third are reworded away from their first word; a third get a rationale with another word later on.
      if (i % 3 === 0) await executor.execute(id, { type: 'RewordStatement', data: { statement: `Statement ${i}, reworded plainly.`, rationale: 'Plainer.' } }, meta(10), 0);
      if (i % 3 === 1) {
        const change: AssessmentCommand = {
          type: 'ChangeLikelihood',
          data: { likelihood: { scale: 'nta', term: 'possible' }, basis: 'new-information', rationale: `Raised after ${words[(i + 2) % 5]} news.` },
        };
        await executor.execute(id, change, meta(20), 0);
      }
    }
    midway = Date.parse(day(15));
    await projection.runner.catchUp();
  });
  afterAll(async () => {
    db.close();
    await store.close();
  });

  /**
   * rareText: true (from the hits' assessments) or false (each candidate checked against the hits); 'temp' and
   * 'rare-temp' the same with the hits put in temporary tables first, as the handler runs them.
   */
  const run = (filter: AssessmentListFilter, at: ListTimePoint, rareText: boolean | 'temp' | 'rare-temp', countLimit: number, fewMatches: boolean, key: ListSortKey = 'updatedAt') => {
    const temp = rareText === 'temp' || rareText === 'rare-temp';
    if (temp && filter.text !== undefined) db.db.transaction(() => FILL_TEXT_HITS_SQL.forEach((statement) => db.db.prepare(statement).run({ text: filter.text })))();
    const sql = assessmentListSql(filter, at, { key, descending: true }, { limit: 5 }, { levels: ['UNCLASSIFIED'], publishedOnly: false }, {
      countLimit,
      rareText: rareText === true || rareText === 'rare-temp',
      hitsInTempTables: temp,
    });
    return {
      total: (db.db.prepare(sql.countSql).get(sql.params) as { n: number }).n,
      page: (db.db.prepare(fewMatches ? sql.fewMatchesPageSql : sql.pageSql).all(sql.params) as { id: number }[]).map((row) => row.id),
    };
  };

  const searches = ['escalation', 'transnistria', 'reworded', 'plainer', 'news', 'nothing-matches'];
  const times: [string, ListTimePoint][] = [
    ['current', {}],
    ['as of midway (effective)', { effective: 0 }],
    ['as of midway (recorded)', { recorded: 0 }],
    ['as of midway on both axes', { effective: 0, recorded: 0 }],
    // An effective time after the drafts were recorded and before the changes were: the standing
    // versions are partly recorded before it (drafts) and partly after it (the backdated changes).
    ['as of the recorded midway, on the effective axis', { effective: -1 }],
  ];
  for (const [timeName, timeTemplate] of times) {
    it.each(searches)(`${timeName}: "%s" gives one answer whichever way it runs`, (word) => {
      const at = Object.fromEntries(
        Object.entries(timeTemplate).map(([key, value]) => [key, key === 'recorded' || value === -1 ? recordedMidway : midway]),
      ) as ListTimePoint;
      const filter = { text: ftsQuery(word)!, region: 'Moldova' };
      for (const key of ['updatedAt', 'effectiveAt', 'createdAt'] as const) {
        const answers = ([false, true, 'temp', 'rare-temp'] as const).flatMap((rareText) => [false, true].map((fewMatches) => run(filter, at, rareText, 1000, fewMatches, key)));
        for (const answer of answers) expect({ key, ...answer }).toEqual({ key, ...answers[0] });
      }
      // Without the region, every plan still agrees, and the bounded count stops at its limit.
      const unfiltered = ([false, true, 'temp', 'rare-temp'] as const).map((rareText) => run({ text: ftsQuery(word)! }, at, rareText, 2, false));
      for (const answer of unfiltered) expect(answer).toEqual(unfiltered[0]);
      expect(unfiltered[0].total).toBeLessThanOrEqual(2);
    });
  }

  it('finds what it should: a current wording, and a rationale only once it had been given', () => {
    const current = run({ text: ftsQuery('news')! }, {}, true, 1000, true);
    const before = run({ text: ftsQuery('news')! }, { effective: midway }, true, 1000, true);
    expect(current.total).toBe(8);
    expect(before.total).toBe(0);
    expect(run({ text: ftsQuery('news')! }, { recorded: recordedMidway }, true, 1000, true).total).toBe(0);
    // Drafted with "transnistria" in the wording (i = 2, 7, 12, 17, 22) or the rationale (i = 1, 6, 11, 16, 21), none reworded by then.
    expect(run({ text: ftsQuery('transnistria')! }, { recorded: recordedMidway }, false, 1000, false).total).toBe(10);
    // "Statement 0 about escalation" was reworded on day 10: as of day 15 it no longer matches by its wording.
    expect(run({ text: ftsQuery('reworded')! }, {}, true, 1000, true).total).toBe(8);
    expect(run({ text: ftsQuery('reworded')! }, { effective: Date.parse(day(5)) }, true, 1000, true).total).toBe(0);
  });

  it('as of both axes, lists exactly the version each assessment had then (checked against a plain reading of the definition)', () => {
    // The last version begun by both times. Drafts (day 1) were recorded before recordedMidway, the changes (days 10
    // and 20) after it, so as of (day 15, recordedMidway) a reworded draft stands because its successor was recorded
    // too late (ended on the effective axis, not the recorded one), and a draft changed on day 20 because that
    // change is not effective yet: the two halves of standingOnBothAxes.
    const oracle = (eff: number, rec: number) =>
      (
        db.db
          .prepare(
            `SELECT v.id FROM assessment_versions v JOIN assessment_keys k ON k.seq = v.seq AND k.classification = 'UNCLASSIFIED'
             WHERE v.revision = (SELECT max(p.revision) FROM assessment_versions p WHERE p.seq = v.seq AND p.eff_from <= @eff AND p.rec_from <= @rec)`,
          )
          .all({ eff, rec }) as { id: number }[]
      )
        .map((row) => row.id)
        .sort((a, b) => a - b);
    const now = Date.now() + 1000;
    const points: [number, number][] = [
      [midway, recordedMidway],
      [Date.parse(day(5)), now],
      [Date.parse(day(25)), recordedMidway],
      [Date.parse(day(25)), now],
      [Date.parse(day(12)), now],
      [Date.parse(day(0)), now],
      // The effective time the later of the two: the walk from the recorded time alone must find them all.
      [now, recordedMidway],
      [now, now],
    ];
    const halves = { endedOnlyOnRecordedAxis: 0, standingOnEffectiveAxis: 0 };
    for (const [eff, rec] of points) {
      for (const key of ['updatedAt', 'effectiveAt', 'createdAt'] as const) {
        const sql = assessmentListSql({}, { effective: eff, recorded: rec }, { key, descending: true }, { limit: 100 }, { levels: ['UNCLASSIFIED'], publishedOnly: false });
        const listed = (db.db.prepare(sql.fewMatchesPageSql).all(sql.params) as { id: number }[]).map((row) => row.id).sort((a, b) => a - b);
        const walked = (db.db.prepare(sql.pageSql).all(sql.params) as { id: number }[]).map((row) => row.id).sort((a, b) => a - b);
        const expected = oracle(eff, rec);
        expect({ eff, rec, key, listed }).toEqual({ eff, rec, key, listed: expected });
        expect(walked).toEqual(expected);
        expect((db.db.prepare(sql.countSql).get(sql.params) as { n: number }).n).toBe(expected.length);
      }
      const ended = db.db.prepare('SELECT count(*) AS n FROM assessment_versions WHERE eff_from <= ? AND rec_from <= ? AND eff_to <= ? AND rec_to > ?').get(eff, rec, eff, rec) as { n: number };
      halves.endedOnlyOnRecordedAxis += ended.n;
      const standing = db.db.prepare('SELECT count(*) AS n FROM assessment_versions WHERE eff_from <= ? AND rec_from <= ? AND eff_to > ?').get(eff, rec, eff) as { n: number };
      halves.standingOnEffectiveAxis += standing.n;
    }
    // Both halves were met, so neither can be dropped unnoticed.
    expect(halves.endedOnlyOnRecordedAxis).toBeGreaterThan(0);
    expect(halves.standingOnEffectiveAxis).toBeGreaterThan(0);
  });
});
