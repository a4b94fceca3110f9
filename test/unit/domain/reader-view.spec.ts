import { fold } from '../../../src/assessments/domain/evolve.js';
import type { RecordedAssessmentEvent } from '../../../src/assessments/domain/assessment-events.js';
import { readerView } from '../../../src/assessments/domain/reader-view.js';
import { recorded } from '../../support/decider-spec.js';
import { drafted, OTHER_ID } from '../../support/fixtures.js';

describe('readerView: what readers see is what was published', () => {
  const at = (day: number, actor = 'alice') => ({ actor, recordedAt: `2023-02-${String(day).padStart(2, '0')}T10:00:00.000Z`, effectiveAt: `2023-02-${String(day).padStart(2, '0')}T00:00:00.000Z` });
  const draft = recorded(drafted(), at(5));
  const publish = (day: number) => recorded({ type: 'AssessmentPublished', data: { reviewer: 'bob', rationale: 'reviewed' } }, at(day, 'bob'));
  const reword = (day: number, statement: string) => recorded({ type: 'StatementReworded', data: { from: drafted().data.statement, statement, rationale: 'sharper' } }, at(day));
  const likelihood = (day: number, p: number) =>
    recorded(
      {
        type: 'LikelihoodChanged',
        data: { from: drafted().data.likelihood, to: { scale: null, term: null, probability: { low: p, high: p } }, basis: 'new-information', rationale: 'new report' },
      },
      at(day),
    );
  const seenAfter = (...events: RecordedAssessmentEvent[]) => readerView(fold(events)!);

  it('given a draft never published, readers see nothing', () => {
    expect(seenAfter(draft, reword(6, 'A draft wording.'))).toBeNull();
  });

  it('given a publication, readers see the assessment as published, changes made in draft included', () => {
    const state = fold([draft, reword(6, 'Reworded before review.'), publish(7)])!;
    expect(readerView(state)).toEqual(state);
  });

  it('given a change of substance after publication, readers still see the published substance, revision and update', () => {
    const seen = seenAfter(draft, publish(6), reword(7, 'An unreviewed wording.'), likelihood(8, 0.9));
    expect(seen).toMatchObject({
      statement: drafted().data.statement,
      likelihood: drafted().data.likelihood,
      revision: 1,
      updatedAt: '2023-02-06T10:00:00.000Z',
      updatedBy: 'bob',
      lastEffectiveAt: '2023-02-06T00:00:00.000Z',
      hasUnpublishedChanges: false,
      status: 'published',
    });
  });

  it('given the change published again, readers see it', () => {
    const seen = seenAfter(draft, publish(6), reword(7, 'A reviewed wording.'), publish(8));
    expect(seen).toMatchObject({ statement: 'A reviewed wording.', revision: 3, updatedBy: 'bob' });
  });

  it('given a withdrawal while a change awaits review, readers see it withdrawn with the published substance', () => {
    const seen = seenAfter(draft, publish(6), likelihood(7, 0.9), recorded({ type: 'AssessmentWithdrawn', data: { rationale: 'overtaken' } }, at(8)));
    expect(seen).toMatchObject({ status: 'withdrawn', likelihood: drafted().data.likelihood, revision: 3, updatedAt: '2023-02-08T10:00:00.000Z' });
  });

  it('given a supersession while a change awaits review, readers see it superseded with the published substance', () => {
    const seen = seenAfter(
      draft,
      publish(6),
      reword(7, 'An unreviewed wording.'),
      recorded({ type: 'AssessmentSuperseded', data: { supersededBy: OTHER_ID, rationale: 'replaced' } }, at(8)),
    );
    expect(seen).toMatchObject({ status: 'superseded', supersededBy: OTHER_ID, statement: drafted().data.statement, revision: 3 });
  });
});
