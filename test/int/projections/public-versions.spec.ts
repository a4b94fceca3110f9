import fc from 'fast-check';
import { assessmentStream, toDomainEvent } from '../../../src/assessments/application/assessment-stream.js';
import { fold } from '../../../src/assessments/domain/evolve.js';
import { readerView } from '../../../src/assessments/domain/reader-view.js';
import { toAssessmentSummary } from '../../../src/assessments/queries/assessment.view.js';
import { PUBLIC_VERSIONS, versionRowsByIdSql } from '../../../src/assessments/queries/assessment-list.sql.js';
import { AssessmentVersionRow, versionRowToView } from '../../../src/assessments/queries/assessment-version.row.js';
import { commandStack, projectionStack } from '../../support/projection-stack.js';
import { historyStep, playHistory } from '../../support/random-history.js';

/**
 * The versions readers see (assessment_public_versions) against the domain's
 * own reader view of each revision: a version exactly where a change is one
 * readers may see, each showing what readerView shows, open only at the last.
 */
describe('readers’ versions agree with the reader view of every revision', () => {
  it('after a long random history, projected in random batches with restarts', async () => {
    const { store, executor } = commandStack();
    const live = projectionStack(store);
    const steps = fc.sample(historyStep, { numRuns: 1500, seed: 20230206 });
    const { ids } = await playHistory(executor, steps, async (step) => {
      if (step.sync === 2) live.projector.reset();
      if (step.sync > 0) await live.runner.catchUp({ batchSize: step.batchSize });
    });
    await live.runner.catchUp({ batchSize: 7 });

    const rowsOf = live.db.db.prepare<[string], { id: number; revision: number; is_current: number }>(
      `SELECT v.id, v.revision, v.is_current FROM assessment_public_versions v
       WHERE v.seq = (SELECT seq FROM assessment_keys WHERE assessment_id = ?) ORDER BY v.revision`,
    );
    const byId = live.db.prepareRows<[string], AssessmentVersionRow>(versionRowsByIdSql(PUBLIC_VERSIONS));
    let hidden = 0;
    let shown = 0;
    for (const id of ids) {
      const events = (await store.readStream(assessmentStream(id))).map(toDomainEvent);
      const expected = [];
      for (let revision = 0; revision < events.length; revision += 1) {
        const seen = readerView(fold(events.slice(0, revision + 1))!);
        if (seen?.revision === revision) expected.push(toAssessmentSummary(seen));
        else if (seen) hidden += 1;
      }
      const rows = rowsOf.all(id);
      expect(rows.map((row) => row.revision)).toEqual(expected.map((view) => view.revision));
      expect(rows.map((row) => row.is_current)).toEqual(expected.map((_, i) => (i === expected.length - 1 ? 1 : 0)));
      const views = byId.all(JSON.stringify(rows.map((row) => row.id))).sort((a, b) => a.revision - b.revision).map((row) => versionRowToView(row));
      expect(views).toEqual(expected);
      shown += rows.length;
    }
    // The history has both: changes readers see and changes of substance awaiting publication.
    expect(shown).toBeGreaterThan(30);
    expect(hidden).toBeGreaterThan(30);
    live.db.close();
    await store.close();
  });
});
