import {
  AssessmentAlreadyExistsError,
  AssessmentClosedError,
  AssessmentNotFoundError,
  BusinessRuleError,
  DomainValidationError,
} from '../../../src/assessments/domain/domain-errors.js';
import { given, NOW, recorded, T0 } from '../../support/decider-spec.js';
import { ASSESSMENT_ID, drafted, OTHER_ID } from '../../support/fixtures.js';

const draftCommand = {
  type: 'DraftAssessment' as const,
  data: {
    assessmentId: ASSESSMENT_ID,
    statement: '  Active escalation of these conflicts is unlikely in the short term.  ',
    likelihood: { scale: 'nta' as const, term: 'unlikely' },
    confidence: 'moderate' as const,
    horizon: { term: 'short-term' as const, start: '2023-02-05' },
    subject: { actors: ['Russia'], regions: ['Moldova', 'Georgia', 'Moldova'], topics: ['military pressure'] },
    source: { document: 'National Threat Assessment 2023', section: 'Post-Soviet region' },
    rationale: 'Russian resources are tied up in the war against Ukraine.',
  },
};

describe('DraftAssessment', () => {
  it('drafts with the term resolved to its band, the horizon end from its term, and the subject de-duplicated', () => {
    given().when(draftCommand, { effectiveAt: T0 }).then([drafted()]);
  });

  it('takes a probability instead of a term', () => {
    given()
      .when({ ...draftCommand, data: { ...draftCommand.data, likelihood: { probability: 0.2 } } }, { effectiveAt: T0 })
      .then([drafted({ likelihood: { scale: null, term: null, probability: { low: 0.2, high: 0.2 } } })]);
  });

  it('starts a termed horizon at the effective time when no start is given', () => {
    given()
      .when({ ...draftCommand, data: { ...draftCommand.data, horizon: { term: 'near-term' } } }, { effectiveAt: T0 })
      .then([drafted({ horizon: { term: 'near-term', start: T0, end: '2025-02-05T00:00:00.000Z' } })]);
  });

  it('rejects a second draft on the same stream', () => {
    given(drafted()).when(draftCommand).thenThrows(AssessmentAlreadyExistsError);
  });

  it.each([
    ['statement', { statement: '   ' }],
    ['rationale', { rationale: '' }],
    ['likelihood.term', { likelihood: { scale: 'nta', term: 'very-likely' } }],
    ['likelihood.scale', { likelihood: { scale: 'wep', term: 'likely' } }],
    ['likelihood.probability', { likelihood: { probability: 1.2 } }],
    ['confidence', { confidence: 'certain' }],
    ['horizon.end', { horizon: { start: '2023-02-05', end: '2023-01-01' } }],
    ['horizon.start', { horizon: { term: 'short-term', start: 'yesterday' } }],
    ['classification', { classification: 'TOP SECRET PLUS' }],
    ['subject.actors[0]', { subject: { actors: [''], regions: [], topics: [] } }],
  ])('rejects an invalid %s', (field, patch) => {
    given()
      .when({ ...draftCommand, data: { ...draftCommand.data, ...patch } as typeof draftCommand.data })
      .thenThrows(DomainValidationError, { field });
  });

  it('rejects an effective time in the future', () => {
    given()
      .when(draftCommand, { effectiveAt: new Date(NOW.getTime() + 1000).toISOString() })
      .thenThrows(DomainValidationError, { field: 'effectiveAt' });
  });
});

describe('RewordStatement', () => {
  it('records the old and the new wording', () => {
    given(drafted())
      .when({ type: 'RewordStatement', data: { statement: 'Escalation is unlikely.', rationale: 'Shorter.' } })
      .then([
        {
          type: 'StatementReworded',
          data: { from: drafted().data.statement, statement: 'Escalation is unlikely.', rationale: 'Shorter.' },
        },
      ]);
  });

  it('rejects wording identical to the current one', () => {
    given(drafted())
      .when({ type: 'RewordStatement', data: { statement: drafted().data.statement, rationale: 'same' } })
      .thenThrows(BusinessRuleError, { code: 'no-change', field: 'statement' });
  });

  it('rejects a change to an assessment that does not exist', () => {
    given()
      .when({ type: 'RewordStatement', data: { statement: 'x', rationale: 'y' } })
      .thenThrows(AssessmentNotFoundError);
  });
});

describe('ChangeLikelihood', () => {
  it('records from, to and basis', () => {
    given(drafted())
      .when({
        type: 'ChangeLikelihood',
        data: { likelihood: { scale: 'icd203', term: 'very-unlikely' }, basis: 'new-information', rationale: 'Troops redeployed.' },
      })
      .then([
        {
          type: 'LikelihoodChanged',
          data: {
            from: drafted().data.likelihood,
            to: { scale: 'icd203', term: 'very-unlikely', probability: { low: 0.05, high: 0.2 } },
            basis: 'new-information',
            rationale: 'Troops redeployed.',
          },
        },
      ]);
  });

  it('rejects an unknown basis', () => {
    given(drafted())
      .when({ type: 'ChangeLikelihood', data: { likelihood: { probability: 0.1 }, basis: 'hunch' as never, rationale: 'r' } })
      .thenThrows(DomainValidationError, { field: 'basis' });
  });

  it('rejects the same likelihood again', () => {
    given(drafted())
      .when({
        type: 'ChangeLikelihood',
        data: { likelihood: { scale: 'nta', term: 'unlikely' }, basis: 'new-reasoning', rationale: 'r' },
      })
      .thenThrows(BusinessRuleError, { code: 'no-change' });
  });
});

describe('ChangeConfidence', () => {
  it('records from, to and basis', () => {
    given(drafted())
      .when({ type: 'ChangeConfidence', data: { confidence: 'high', basis: 'correction', rationale: 'Mis-graded.' } })
      .then([
        { type: 'ConfidenceChanged', data: { from: 'moderate', to: 'high', basis: 'correction', rationale: 'Mis-graded.' } },
      ]);
  });

  it('rejects an unknown level and an unchanged level', () => {
    given(drafted())
      .when({ type: 'ChangeConfidence', data: { confidence: 'total' as never, basis: 'correction', rationale: 'r' } })
      .thenThrows(DomainValidationError, { field: 'confidence' });
    given(drafted())
      .when({ type: 'ChangeConfidence', data: { confidence: 'moderate', basis: 'correction', rationale: 'r' } })
      .thenThrows(BusinessRuleError, { code: 'no-change' });
  });
});

describe('ChangeHorizon', () => {
  it('starts a term given alone at the change\'s effective time, as a draft does', () => {
    given(drafted())
      .when({ type: 'ChangeHorizon', data: { horizon: { term: 'near-term' }, rationale: 'Longer view.' } }, { effectiveAt: '2023-03-01T00:00:00.000Z' })
      .then([
        {
          type: 'HorizonChanged',
          data: {
            from: drafted().data.horizon,
            to: { term: 'near-term', start: '2023-03-01T00:00:00.000Z', end: '2025-03-01T00:00:00.000Z' },
            rationale: 'Longer view.',
          },
        },
      ]);
    // A term set years after the draft runs from then, not from the draft's start.
    const later = { effectiveAt: '2026-11-28T00:00:00.000Z', now: new Date('2026-11-28T12:00:00.000Z') };
    given(drafted())
      .when({ type: 'ChangeHorizon', data: { horizon: { term: 'short-term' }, rationale: 'r' } }, later)
      .then([{ type: 'HorizonChanged', data: { from: drafted().data.horizon, to: { term: 'short-term', start: later.effectiveAt, end: '2027-05-28T00:00:00.000Z' }, rationale: 'r' } }]);
  });

  it('refuses a start and end that are over before the change takes effect, unless the change is backdated', () => {
    const later = { effectiveAt: '2026-11-28T00:00:00.000Z', now: new Date('2026-11-28T12:00:00.000Z') };
    const past = { type: 'ChangeHorizon', data: { horizon: { start: '2023-02-05', end: '2025-02-05' }, rationale: 'r' } } as const;
    given(drafted()).when(past, later).thenThrows(BusinessRuleError, { code: 'horizon-already-ended', field: 'horizon' });
    given(drafted())
      .when(past, { ...later, effectiveAt: '2024-06-01T00:00:00.000Z' })
      .then([{ type: 'HorizonChanged', data: { from: drafted().data.horizon, to: { term: null, start: T0, end: '2025-02-05T00:00:00.000Z' }, rationale: 'r' } }]);
  });

  it('rejects an unchanged horizon', () => {
    given(drafted())
      .when({ type: 'ChangeHorizon', data: { horizon: { term: 'short-term', start: '2023-02-05' }, rationale: 'r' } })
      .thenThrows(BusinessRuleError, { code: 'no-change' });
  });
});

describe('ChangeSubject', () => {
  it('replaces actors, regions and topics', () => {
    given(drafted())
      .when({
        type: 'ChangeSubject',
        data: { subject: { actors: ['Russia'], regions: ['Armenia'], topics: [] }, rationale: 'Refocus.' },
      })
      .then([{ type: 'SubjectChanged', data: { actors: ['Russia'], regions: ['Armenia'], topics: [], rationale: 'Refocus.' } }]);
  });

  it('rejects an unchanged subject', () => {
    given(drafted())
      .when({ type: 'ChangeSubject', data: { subject: drafted().data.subject, rationale: 'r' } })
      .thenThrows(BusinessRuleError, { code: 'no-change' });
  });
});

describe('PublishAssessment', () => {
  it('is done by a reviewer other than the last author', () => {
    given(drafted())
      .when({ type: 'PublishAssessment', data: { rationale: 'Reviewed.' } }, { actor: 'bob' })
      .then([{ type: 'AssessmentPublished', data: { reviewer: 'bob', rationale: 'Reviewed.' } }]);
  });

  it('refuses the last author (four eyes)', () => {
    given(drafted())
      .when({ type: 'PublishAssessment', data: { rationale: 'Self-approved.' } }, { actor: 'alice' })
      .thenThrows(BusinessRuleError, { code: 'four-eyes' });
  });

  it('refuses the author of a later change even if someone else drafted', () => {
    const reworded = recorded(
      { type: 'StatementReworded', data: { from: 'a', statement: 'b', rationale: 'r' } },
      { actor: 'bob' },
    );
    given(drafted(), reworded)
      .when({ type: 'PublishAssessment', data: { rationale: 'r' } }, { actor: 'bob' })
      .thenThrows(BusinessRuleError, { code: 'four-eyes' });
  });

  it('names the last change of substance when refusing, though a change of no substance came after it', () => {
    const assumption = recorded({ type: 'AssumptionStated', data: { assumptionId: 'a-1', text: 'Russia stays bogged down.', linchpin: true, rationale: 'r' } } as never, { actor: 'carol' });
    given(drafted(), assumption)
      .when({ type: 'PublishAssessment', data: { rationale: 'r' } }, { actor: 'alice' })
      .thenThrows(BusinessRuleError, { code: 'four-eyes', message: expect.stringMatching(/^alice made the last change of substance \(wording/) });
  });

  it('refuses when nothing changed since the last publication', () => {
    const published = recorded({ type: 'AssessmentPublished', data: { reviewer: 'bob', rationale: 'ok' } }, { actor: 'bob' });
    given(drafted(), published)
      .when({ type: 'PublishAssessment', data: { rationale: 'again' } }, { actor: 'carol' })
      .thenThrows(BusinessRuleError, { code: 'nothing-to-publish' });
  });
});

describe('WithdrawAssessment and SupersedeAssessment', () => {
  it('withdraws', () => {
    given(drafted())
      .when({ type: 'WithdrawAssessment', data: { rationale: 'Overtaken by events.' } })
      .then([{ type: 'AssessmentWithdrawn', data: { rationale: 'Overtaken by events.' } }]);
  });

  it('supersedes by another assessment', () => {
    given(drafted())
      .when({ type: 'SupersedeAssessment', data: { supersededBy: OTHER_ID, rationale: 'New edition.' } })
      .then([{ type: 'AssessmentSuperseded', data: { supersededBy: OTHER_ID, rationale: 'New edition.' } }]);
  });

  it('refuses to supersede by itself', () => {
    given(drafted())
      .when({ type: 'SupersedeAssessment', data: { supersededBy: ASSESSMENT_ID, rationale: 'r' } })
      .thenThrows(BusinessRuleError, { code: 'supersede-self' });
  });

  it.each([
    ['withdrawn', { type: 'AssessmentWithdrawn' as const, data: { rationale: 'gone' } }],
    ['superseded', { type: 'AssessmentSuperseded' as const, data: { supersededBy: OTHER_ID, rationale: 'replaced' } }],
  ])('a %s assessment takes no further change', (status, closing) => {
    given(drafted(), closing)
      .when({ type: 'RewordStatement', data: { statement: 'New words.', rationale: 'r' } })
      .thenThrows(AssessmentClosedError, { status });
    given(drafted(), closing)
      .when({ type: 'WithdrawAssessment', data: { rationale: 'again' } })
      .thenThrows(AssessmentClosedError, { status });
  });
});

describe('effective time', () => {
  it('may be backdated, but not before the previous change', () => {
    const later = recorded(
      { type: 'ConfidenceChanged', data: { from: 'moderate', to: 'high', basis: 'new-information', rationale: 'r' } },
      { effectiveAt: '2023-02-20T00:00:00.000Z' },
    );
    given(drafted(), later)
      .when({ type: 'RewordStatement', data: { statement: 'Other words.', rationale: 'r' } }, { effectiveAt: '2023-02-10T00:00:00.000Z' })
      .thenThrows(BusinessRuleError, { code: 'effective-time-order', field: 'effectiveAt' });
    given(drafted(), later)
      .when({ type: 'RewordStatement', data: { statement: 'Other words.', rationale: 'r' } }, { effectiveAt: '2023-02-20T00:00:00.000Z' })
      .then([{ type: 'StatementReworded', data: { from: drafted().data.statement, statement: 'Other words.', rationale: 'r' } }]);
  });

  it('rejects a malformed effective time', () => {
    given(drafted())
      .when({ type: 'WithdrawAssessment', data: { rationale: 'r' } }, { effectiveAt: 'not-a-date' })
      .thenThrows(DomainValidationError, { field: 'effectiveAt' });
  });
});
