import { evolve, fold } from '../../../src/assessments/domain/evolve.js';
import { recorded } from '../../support/decider-spec.js';
import { drafted, OTHER_ID } from '../../support/fixtures.js';

describe('evolve', () => {
  const history = [
    recorded(drafted(), { actor: 'alice', recordedAt: '2023-02-05T10:00:00.000Z' }),
    recorded(
      {
        type: 'LikelihoodChanged',
        data: {
          from: drafted().data.likelihood,
          to: { scale: null, term: null, probability: { low: 0.1, high: 0.1 } },
          basis: 'new-information',
          rationale: 'r',
        },
      },
      { actor: 'alice', recordedAt: '2023-02-06T10:00:00.000Z', effectiveAt: '2023-02-06T00:00:00.000Z' },
    ),
    recorded(
      { type: 'AssessmentPublished', data: { reviewer: 'bob', rationale: 'ok' } },
      { actor: 'bob', recordedAt: '2023-02-07T10:00:00.000Z', effectiveAt: '2023-02-07T00:00:00.000Z' },
    ),
  ];

  it('folds a draft, a change and a publication', () => {
    const state = fold(history)!;
    expect(state).toMatchObject({
      revision: 2,
      status: 'published',
      likelihood: { probability: { low: 0.1, high: 0.1 } },
      createdBy: 'alice',
      createdAt: '2023-02-05T10:00:00.000Z',
      updatedBy: 'bob',
      lastAuthor: 'alice',
      publishedRevision: 2,
      publishedBy: 'bob',
      hasUnpublishedChanges: false,
      lastEffectiveAt: '2023-02-07T00:00:00.000Z',
    });
  });

  it('marks a published assessment as changed again after a revision', () => {
    const state = evolve(
      fold(history),
      recorded({ type: 'ConfidenceChanged', data: { from: 'moderate', to: 'low', basis: 'new-reasoning', rationale: 'r' } }, { actor: 'carol' }),
    );
    expect(state).toMatchObject({ status: 'published', hasUnpublishedChanges: true, lastAuthor: 'carol', revision: 3 });
  });

  it('records the successor when superseded', () => {
    const state = evolve(fold(history), recorded({ type: 'AssessmentSuperseded', data: { supersededBy: OTHER_ID, rationale: 'r' } }));
    expect(state).toMatchObject({ status: 'superseded', supersededBy: OTHER_ID });
  });

  it('refuses a stream that does not begin with a draft', () => {
    expect(() => evolve(null, history[1])).toThrow(/before AssessmentDrafted/);
  });

  it('advances the revision over an event type it does not know', () => {
    const unknown = recorded({ type: 'FromTheFuture', data: {} } as never);
    expect(evolve(fold(history), unknown).revision).toBe(3);
  });
});
