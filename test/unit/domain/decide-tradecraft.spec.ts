import {
  AssessmentClosedError,
  BusinessRuleError,
  DomainValidationError,
  SubResourceNotFoundError,
} from '../../../src/assessments/domain/domain-errors.js';
import type { AssessmentEvent } from '../../../src/assessments/domain/assessment-events.js';
import { given, NOW, recorded } from '../../support/decider-spec.js';
import { drafted } from '../../support/fixtures.js';

const EVIDENCE_ID = '1e6b9f3a-2c4d-4e5f-8a7b-9c0d1e2f3a4b';
const ASSUMPTION_ID = '2f7c0a4b-3d5e-4f60-9b8c-0d1e2f3a4b5c';
const INDICATOR_ID = '3a8d1b5c-4e6f-4071-8c9d-1e2f3a4b5c6d';
const OBSERVATION_ID = '4b9e2c6d-5f70-4182-9dae-2f3a4b5c6d7e';

const evidenceLinked: AssessmentEvent = {
  type: 'EvidenceLinked',
  data: {
    evidenceId: EVIDENCE_ID,
    title: 'Battalion redeployed from Transnistria',
    source: 'Open-source imagery',
    reliability: 'B',
    credibility: 2,
    bearing: 'supports',
    url: null,
    excerpt: null,
    rationale: 'Shows forces tied down.',
  },
};
const linchpinStated: AssessmentEvent = {
  type: 'AssumptionStated',
  data: { assumptionId: ASSUMPTION_ID, text: 'The war absorbs Russian reserves.', linchpin: true, rationale: 'Key assumption.' },
};
const indicatorAdded: AssessmentEvent = {
  type: 'IndicatorAdded',
  data: { indicatorId: INDICATOR_ID, text: 'Troops return to Transnistria', direction: 'raises', rationale: 'Signpost.' },
};
const published: AssessmentEvent = { type: 'AssessmentPublished', data: { reviewer: 'bob', rationale: 'ok' } };

describe('LinkEvidence / UnlinkEvidence', () => {
  it('links evidence graded apart on reliability and credibility', () => {
    const { rationale, ...rest } = evidenceLinked.data as { rationale: string };
    given(drafted())
      .when({ type: 'LinkEvidence', data: { ...(rest as Record<string, unknown>), rationale } as never })
      .then([evidenceLinked]);
  });

  it.each([
    ['reliability', { reliability: 'G' }],
    ['credibility', { credibility: 7 }],
    ['bearing', { bearing: 'neutral' }],
    ['title', { title: ' ' }],
    ['source', { source: '' }],
  ])('rejects a bad %s', (field, patch) => {
    given(drafted())
      .when({ type: 'LinkEvidence', data: { ...(evidenceLinked.data as Record<string, unknown>), ...patch } as never })
      .thenThrows(DomainValidationError, { field });
  });

  it('unlinks linked evidence, and refuses evidence it does not have', () => {
    given(drafted(), evidenceLinked)
      .when({ type: 'UnlinkEvidence', data: { evidenceId: EVIDENCE_ID, rationale: 'Source retracted.' } })
      .then([{ type: 'EvidenceUnlinked', data: { evidenceId: EVIDENCE_ID, rationale: 'Source retracted.' } }]);
    given(drafted(), evidenceLinked, { type: 'EvidenceUnlinked', data: { evidenceId: EVIDENCE_ID, rationale: 'x' } })
      .when({ type: 'UnlinkEvidence', data: { evidenceId: EVIDENCE_ID, rationale: 'again' } })
      .thenThrows(SubResourceNotFoundError, { kind: 'evidence' });
  });
});

describe('StateAssumption / ReviewAssumption', () => {
  it('states a linchpin assumption and reviews it', () => {
    given(drafted())
      .when({ type: 'StateAssumption', data: { assumptionId: ASSUMPTION_ID, text: 'The war absorbs Russian reserves.', linchpin: true, rationale: 'Key assumption.' } })
      .then([linchpinStated]);
    given(drafted(), linchpinStated)
      .when({ type: 'ReviewAssumption', data: { assumptionId: ASSUMPTION_ID, verdict: 'invalid', rationale: 'Reserves freed by ceasefire.' } })
      .then([{ type: 'AssumptionReviewed', data: { assumptionId: ASSUMPTION_ID, verdict: 'invalid', rationale: 'Reserves freed by ceasefire.' } }]);
  });

  it('refuses an unknown assumption, an unknown verdict and the same verdict twice', () => {
    given(drafted())
      .when({ type: 'ReviewAssumption', data: { assumptionId: ASSUMPTION_ID, verdict: 'holds', rationale: 'r' } })
      .thenThrows(SubResourceNotFoundError, { kind: 'assumption' });
    given(drafted(), linchpinStated)
      .when({ type: 'ReviewAssumption', data: { assumptionId: ASSUMPTION_ID, verdict: 'maybe' as never, rationale: 'r' } })
      .thenThrows(DomainValidationError, { field: 'verdict' });
    const reviewed: AssessmentEvent = { type: 'AssumptionReviewed', data: { assumptionId: ASSUMPTION_ID, verdict: 'holds', rationale: 'r' } };
    given(drafted(), linchpinStated, reviewed)
      .when({ type: 'ReviewAssumption', data: { assumptionId: ASSUMPTION_ID, verdict: 'holds', rationale: 'r' } })
      .thenThrows(BusinessRuleError, { code: 'no-change' });
  });
});

describe('AddIndicator / ObserveIndicator', () => {
  it('adds an indicator and records an observation of it', () => {
    given(drafted())
      .when({ type: 'AddIndicator', data: { indicatorId: INDICATOR_ID, text: 'Troops return to Transnistria', direction: 'raises', rationale: 'Signpost.' } })
      .then([indicatorAdded]);
    given(drafted(), indicatorAdded)
      .when({
        type: 'ObserveIndicator',
        data: { indicatorId: INDICATOR_ID, observationId: OBSERVATION_ID, observation: 'Two companies seen at Tiraspol.', observedAt: '2023-02-20', rationale: 'Imagery.' },
      })
      .then([
        {
          type: 'IndicatorObserved',
          data: { indicatorId: INDICATOR_ID, observationId: OBSERVATION_ID, observation: 'Two companies seen at Tiraspol.', observedAt: '2023-02-20T00:00:00.000Z', rationale: 'Imagery.' },
        },
      ]);
  });

  it('refuses an unknown indicator, a bad direction and an observation from the future', () => {
    const observe = (observedAt: string) => ({
      type: 'ObserveIndicator' as const,
      data: { indicatorId: INDICATOR_ID, observationId: OBSERVATION_ID, observation: 'x', observedAt, rationale: 'r' },
    });
    given(drafted()).when(observe('2023-02-20')).thenThrows(SubResourceNotFoundError, { kind: 'indicator' });
    given(drafted(), indicatorAdded).when(observe('2999-01-01')).thenThrows(DomainValidationError, { field: 'observedAt' });
    given(drafted())
      .when({ type: 'AddIndicator', data: { indicatorId: INDICATOR_ID, text: 't', direction: 'sideways' as never, rationale: 'r' } })
      .thenThrows(DomainValidationError, { field: 'direction' });
  });
});

describe('RecordOutcome / RetractOutcome', () => {
  const outcome: AssessmentEvent = { type: 'OutcomeRecorded', data: { outcome: 'did-not-occur', knownAt: '2023-02-20T00:00:00.000Z', rationale: 'No escalation by late February.' } };

  it('records an outcome known before it is recorded', () => {
    given(drafted(), published)
      .when({ type: 'RecordOutcome', data: { outcome: 'did-not-occur', knownAt: '2023-02-20', rationale: 'No escalation by late February.' } })
      .then([outcome]);
  });

  it('refuses an outcome known before the judgment was made, or in the future', () => {
    given(drafted(), published)
      .when({ type: 'RecordOutcome', data: { outcome: 'occurred', knownAt: '2023-01-01', rationale: 'r' } })
      .thenThrows(BusinessRuleError, { code: 'outcome-before-judgment', field: 'knownAt' });
    given(drafted(), published)
      .when({ type: 'RecordOutcome', data: { outcome: 'occurred', knownAt: new Date(NOW.getTime() + 1).toISOString(), rationale: 'r' } })
      .thenThrows(DomainValidationError, { field: 'knownAt' });
    given(drafted(), published)
      .when({ type: 'RecordOutcome', data: { outcome: 'perhaps' as never, knownAt: '2023-03-01', rationale: 'r' } })
      .thenThrows(DomainValidationError, { field: 'outcome' });
  });

  it('closes the assessment to every change but a retraction, which reopens it', () => {
    given(drafted(), published, outcome)
      .when({ type: 'ChangeConfidence', data: { confidence: 'high', basis: 'new-information', rationale: 'hindsight' } })
      .thenThrows(AssessmentClosedError, { status: 'resolved' });
    given(drafted(), published, outcome)
      .when({ type: 'RecordOutcome', data: { outcome: 'occurred', knownAt: '2023-02-20', rationale: 'r' } })
      .thenThrows(AssessmentClosedError, { status: 'resolved' });
    given(drafted(), published, outcome)
      .when({ type: 'RetractOutcome', data: { rationale: 'Recorded against the wrong statement.' } })
      .then([{ type: 'OutcomeRetracted', data: { rationale: 'Recorded against the wrong statement.' } }]);
    given(drafted(), published, outcome, { type: 'OutcomeRetracted', data: { rationale: 'r' } })
      .when({ type: 'ChangeConfidence', data: { confidence: 'high', basis: 'new-information', rationale: 'open again' } })
      .then([{ type: 'ConfidenceChanged', data: { from: 'moderate', to: 'high', basis: 'new-information', rationale: 'open again' } }]);
  });

  it('refuses to retract an outcome that is not there', () => {
    given(drafted(), published)
      .when({ type: 'RetractOutcome', data: { rationale: 'r' } })
      .thenThrows(BusinessRuleError, { code: 'no-outcome' });
  });

  it('does not ask for a new publication after supporting material changes', () => {
    given(drafted(), recorded(published, { actor: 'bob' }), evidenceLinked)
      .when({ type: 'PublishAssessment', data: { rationale: 'again' } }, { actor: 'carol' })
      .thenThrows(BusinessRuleError, { code: 'nothing-to-publish' });
  });
});
