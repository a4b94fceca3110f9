import type { AssessmentEvent } from '../../../src/assessments/domain/assessment-events.js';
import { AssessmentClosedError, BusinessRuleError, DomainValidationError, SubResourceNotFoundError } from '../../../src/assessments/domain/domain-errors.js';
import { foldJudged } from '../../../src/assessments/domain/evolve.js';
import { scoreDissent } from '../../../src/assessments/domain/scoring.js';
import { given, recorded } from '../../support/decider-spec.js';
import { drafted } from '../../support/fixtures.js';

const DISSENT_ID = '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const OTHER_DISSENT_ID = '7d2e3f4a-5b6c-4d7e-9f8a-0b1c2d3e4f5a';
const EVIDENCE_ID = '1e6b9f3a-2c4d-4e5f-8a7b-9c0d1e2f3a4b';
const likely = { scale: 'nta' as const, term: 'likely', probability: { low: 0.5, high: 0.75 } };
const recordedByBob: AssessmentEvent = {
  type: 'DissentRecorded',
  data: { dissentId: DISSENT_ID, likelihood: likely, confidence: null, evidenceIds: [], rationale: 'Reserves are being rebuilt.' },
};
const bob = { actor: 'bob' };

describe('RecordDissent', () => {
  it('records another analyst’s likelihood beside the main line', () => {
    given(drafted())
      .when({ type: 'RecordDissent', data: { dissentId: DISSENT_ID, likelihood: { scale: 'nta', term: 'likely' }, rationale: 'Reserves are being rebuilt.' } }, bob)
      .then([recordedByBob]);
  });

  it('may weigh linked evidence differently, but only evidence the assessment has', () => {
    const evidence: AssessmentEvent = {
      type: 'EvidenceLinked',
      data: { evidenceId: EVIDENCE_ID, title: 't', source: 's', reliability: 'B', credibility: 2, bearing: 'supports', url: null, excerpt: null, rationale: 'r' },
    };
    given(drafted(), evidence)
      .when({ type: 'RecordDissent', data: { dissentId: DISSENT_ID, confidence: 'low', evidenceIds: [EVIDENCE_ID, EVIDENCE_ID], rationale: 'Source doubtful.' } }, bob)
      .then([{ type: 'DissentRecorded', data: { dissentId: DISSENT_ID, likelihood: null, confidence: 'low', evidenceIds: [EVIDENCE_ID], rationale: 'Source doubtful.' } }]);
    given(drafted())
      .when({ type: 'RecordDissent', data: { dissentId: DISSENT_ID, confidence: 'low', evidenceIds: [EVIDENCE_ID], rationale: 'r' } }, bob)
      .thenThrows(BusinessRuleError, { code: 'unknown-evidence', field: 'evidenceIds' });
  });

  it('refuses the author, a second standing dissent by the same analyst, an empty position and a closed assessment', () => {
    given(drafted())
      .when({ type: 'RecordDissent', data: { dissentId: DISSENT_ID, confidence: 'low', rationale: 'r' } }, { actor: 'alice' })
      .thenThrows(BusinessRuleError, { code: 'author-cannot-dissent' });
    given(drafted(), recorded(recordedByBob, bob))
      .when({ type: 'RecordDissent', data: { dissentId: 'other', confidence: 'low', rationale: 'r' } }, bob)
      .thenThrows(BusinessRuleError, { code: 'dissent-exists' });
    given(drafted())
      .when({ type: 'RecordDissent', data: { dissentId: DISSENT_ID, rationale: 'r' } }, bob)
      .thenThrows(DomainValidationError, { field: 'likelihood' });
    given(drafted(), { type: 'AssessmentWithdrawn', data: { rationale: 'r' } })
      .when({ type: 'RecordDissent', data: { dissentId: DISSENT_ID, confidence: 'low', rationale: 'r' } }, bob)
      .thenThrows(AssessmentClosedError);
  });
});

describe('ReviseDissent / WithdrawDissent', () => {
  it('lets the dissent’s author revise and withdraw it', () => {
    given(drafted(), recorded(recordedByBob, bob))
      .when({ type: 'ReviseDissent', data: { dissentId: DISSENT_ID, likelihood: { probability: 0.7 }, rationale: 'Firmer now.' } }, bob)
      .then([
        {
          type: 'DissentRevised',
          data: { dissentId: DISSENT_ID, likelihood: { scale: null, term: null, probability: { low: 0.7, high: 0.7 } }, confidence: null, evidenceIds: [], rationale: 'Firmer now.' },
        },
      ]);
    given(drafted(), recorded(recordedByBob, bob))
      .when({ type: 'WithdrawDissent', data: { dissentId: DISSENT_ID, rationale: 'Persuaded.' } }, bob)
      .then([{ type: 'DissentWithdrawn', data: { dissentId: DISSENT_ID, rationale: 'Persuaded.' } }]);
  });

  it('refuses anyone else, an unknown or withdrawn dissent, and a revision that changes nothing', () => {
    given(drafted(), recorded(recordedByBob, bob))
      .when({ type: 'WithdrawDissent', data: { dissentId: DISSENT_ID, rationale: 'r' } }, { actor: 'carol' })
      .thenThrows(BusinessRuleError, { code: 'not-dissent-author' });
    given(drafted(), recorded(recordedByBob, bob))
      .when({ type: 'ReviseDissent', data: { dissentId: OTHER_DISSENT_ID, confidence: 'low', rationale: 'r' } }, bob)
      .thenThrows(SubResourceNotFoundError, { kind: 'dissent' });
    // A withdrawn dissent exists (its history shows it): a rule refuses it, not a 404.
    const withdrawn = recorded({ type: 'DissentWithdrawn', data: { dissentId: DISSENT_ID, rationale: 'r' } }, bob);
    given(drafted(), recorded(recordedByBob, bob), withdrawn)
      .when({ type: 'ReviseDissent', data: { dissentId: DISSENT_ID, confidence: 'low', rationale: 'r' } }, bob)
      .thenThrows(BusinessRuleError, { code: 'dissent-withdrawn' });
    given(drafted(), recorded(recordedByBob, bob), withdrawn)
      .when({ type: 'WithdrawDissent', data: { dissentId: DISSENT_ID, rationale: 'again' } }, bob)
      .thenThrows(BusinessRuleError, { code: 'dissent-withdrawn' });
    given(drafted(), recorded(recordedByBob, bob))
      .when({ type: 'ReviseDissent', data: { dissentId: DISSENT_ID, likelihood: { scale: 'nta', term: 'likely' }, rationale: 'Reserves are being rebuilt.' } }, bob)
      .thenThrows(BusinessRuleError, { code: 'no-change' });
  });
});

describe('a dissent citing evidence unlinked since', () => {
  it('may be revised keeping that citation, but may not cite other unlinked evidence', () => {
    const linked: AssessmentEvent = {
      type: 'EvidenceLinked',
      data: { evidenceId: EVIDENCE_ID, title: 't', source: 's', reliability: 'B', credibility: 2, bearing: 'supports', url: null, excerpt: null, rationale: 'r' },
    };
    const citing: AssessmentEvent = { type: 'DissentRecorded', data: { ...recordedByBob.data, evidenceIds: [EVIDENCE_ID] } as never };
    const unlinked: AssessmentEvent = { type: 'EvidenceUnlinked', data: { evidenceId: EVIDENCE_ID, rationale: 'Source burned.' } };
    given(drafted(), linked, recorded(citing, bob), unlinked)
      .when({ type: 'ReviseDissent', data: { dissentId: DISSENT_ID, likelihood: { scale: 'nta', term: 'possible' }, evidenceIds: [EVIDENCE_ID], rationale: 'Still.' } }, bob)
      .then([
        {
          type: 'DissentRevised',
          data: { dissentId: DISSENT_ID, likelihood: { scale: 'nta', term: 'possible', probability: { low: 0.25, high: 0.5 } }, confidence: null, evidenceIds: [EVIDENCE_ID], rationale: 'Still.' },
        },
      ]);
    given(drafted(), linked, recorded(recordedByBob, bob), unlinked)
      .when({ type: 'ReviseDissent', data: { dissentId: DISSENT_ID, confidence: 'low', evidenceIds: [EVIDENCE_ID], rationale: 'r' } }, bob)
      .thenThrows(BusinessRuleError, { code: 'unknown-evidence' });
  });
});

describe('scoring a dissent', () => {
  it('scores the dissent’s own probability like the main line', () => {
    const at = (iso: string) => ({ recordedAt: iso, effectiveAt: iso });
    const confidenceOnly: AssessmentEvent = {
      type: 'DissentRecorded',
      data: { dissentId: OTHER_DISSENT_ID, likelihood: null, confidence: 'high', evidenceIds: [], rationale: 'The sources are better than that.' },
    };
    const { state, judgments } = foldJudged([
      recorded(drafted(), at('2023-01-01T00:00:00.000Z')),
      recorded({ type: 'AssessmentPublished', data: { reviewer: 'carol', rationale: 'ok' } }, { actor: 'carol', ...at('2023-01-02T00:00:00.000Z') }),
      recorded(recordedByBob, { actor: 'bob', ...at('2023-01-03T00:00:00.000Z') }),
      recorded(confidenceOnly, { actor: 'dave', ...at('2023-01-04T00:00:00.000Z') }),
      recorded({ type: 'OutcomeRecorded', data: { outcome: 'occurred', knownAt: '2023-02-01T00:00:00.000Z', rationale: 'r' } }, at('2023-02-01T00:00:00.000Z')),
    ])!;
    // Dissent: NTA likely, 50–75%, midpoint 0.625 → (0.625 − 1)² = 0.140625; the main line (0.125) scores 0.765625.
    expect(scoreDissent(state, state.dissents[0], judgments)).toMatchObject({ scored: true, probability: 0.625, brier: 0.140625, timeWeightedBrier: 0.140625 });
    // One that disputes only the confidence states no probability to score.
    expect(scoreDissent(state, state.dissents[1], judgments)).toEqual({ scored: false, reason: 'no-judgment-before-outcome' });
  });
});
