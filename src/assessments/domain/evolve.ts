import type { AssessmentState, JudgmentHistory } from './assessment-state.js';
import type { Dissent } from './dissent-values.js';
import type { EventContext, RecordedAssessmentEvent } from './assessment-events.js';

function judged(state: Pick<AssessmentState, 'likelihood' | 'confidence' | 'judgments'>, at: EventContext): JudgmentHistory {
  return {
    point: {
      probability: state.likelihood.probability,
      scale: state.likelihood.scale,
      confidence: state.confidence,
      effectiveAt: at.effectiveAt,
      recordedAt: at.recordedAt,
    },
    previous: state.judgments,
  };
}

/**
 * A dissent's judgment history grows only when it states a likelihood of its
 * own: one that disputes only the confidence has no probability to score.
 */
function dissentJudged(
  state: AssessmentState,
  position: { likelihood: AssessmentState['likelihood'] | null; confidence: AssessmentState['confidence'] | null },
  at: EventContext,
  previous: JudgmentHistory,
): JudgmentHistory {
  const likelihood = position.likelihood;
  if (likelihood === null) return previous;
  return {
    point: {
      probability: likelihood.probability,
      scale: likelihood.scale,
      confidence: position.confidence ?? state.confidence,
      effectiveAt: at.effectiveAt,
      recordedAt: at.recordedAt,
    },
    previous,
  };
}

/**
 * Folds one event into the state. Pure and total over known events: replaying
 * a stream from the start always yields the same state.
 */
export function evolve(state: AssessmentState | null, event: RecordedAssessmentEvent): AssessmentState {
  const meta = event.metadata;
  const { actor, recordedAt, effectiveAt } = meta;
  if (event.type === 'AssessmentDrafted') {
    const d = event.data;
    const drafted: AssessmentState = {
      assessmentId: d.assessmentId,
      revision: 0,
      status: 'draft',
      statement: d.statement,
      likelihood: d.likelihood,
      confidence: d.confidence,
      horizon: d.horizon,
      subject: d.subject,
      classification: d.classification,
      source: d.source,
      createdAt: recordedAt,
      createdBy: actor,
      effectiveFrom: effectiveAt,
      updatedAt: recordedAt,
      updatedBy: actor,
      lastEffectiveAt: effectiveAt,
      lastAuthor: actor,
      publishedRevision: null,
      publishedAt: null,
      publishedBy: null,
      hasUnpublishedChanges: true,
      supersededBy: null,
      evidence: [],
      assumptions: [],
      indicators: [],
      outcome: null,
      statusBeforeOutcome: null,
      firstPublishedAt: null,
      judgments: null,
      dissents: [],
    };
    return { ...drafted, judgments: judged(drafted, meta) };
  }
  if (state === null) {
    // A stream that does not start with a draft is corrupt; refuse to guess.
    throw new Error(`cannot apply ${event.type} before AssessmentDrafted`);
  }
  const revision = state.revision + 1;
  const touched = { revision, updatedAt: recordedAt, updatedBy: actor, lastEffectiveAt: effectiveAt };
  // Changes of substance need a (new) publication, and their author may not give it.
  const authored = { ...touched, lastAuthor: actor, hasUnpublishedChanges: true };
  switch (event.type) {
    case 'StatementReworded':
      return { ...state, ...authored, statement: event.data.statement };
    case 'LikelihoodChanged': {
      const next = { ...state, ...authored, likelihood: event.data.to };
      return { ...next, judgments: judged(next, meta) };
    }
    case 'ConfidenceChanged': {
      const next = { ...state, ...authored, confidence: event.data.to };
      return { ...next, judgments: judged(next, meta) };
    }
    case 'HorizonChanged':
      return { ...state, ...authored, horizon: event.data.to };
    case 'SubjectChanged': {
      const { actors, regions, topics } = event.data;
      return { ...state, ...authored, subject: { actors, regions, topics } };
    }
    case 'AssessmentPublished':
      return {
        ...state,
        ...touched,
        status: 'published',
        publishedRevision: revision,
        publishedAt: recordedAt,
        publishedBy: actor,
        hasUnpublishedChanges: false,
        firstPublishedAt: state.firstPublishedAt ?? effectiveAt,
      };
    case 'ClassificationChanged':
      return { ...state, ...touched, classification: event.data.to };
    case 'AssessmentWithdrawn':
      return { ...state, ...touched, status: 'withdrawn' };
    case 'AssessmentSuperseded':
      return { ...state, ...touched, status: 'superseded', supersededBy: event.data.supersededBy };
    // Supporting material: recorded with its author, but no new publication is needed for it.
    case 'EvidenceLinked': {
      const { rationale: _rationale, ...evidence } = event.data;
      return { ...state, ...touched, evidence: [...state.evidence, { ...evidence, linkedAt: effectiveAt, linkedBy: actor }] };
    }
    case 'EvidenceUnlinked':
      return { ...state, ...touched, evidence: state.evidence.filter((e) => e.evidenceId !== event.data.evidenceId) };
    case 'AssumptionStated': {
      const { assumptionId, text, linchpin } = event.data;
      const assumption = { assumptionId, text, linchpin, statedAt: effectiveAt, statedBy: actor, review: null };
      return { ...state, ...touched, assumptions: [...state.assumptions, assumption] };
    }
    case 'AssumptionReviewed': {
      const review = { verdict: event.data.verdict, reviewedAt: effectiveAt, reviewedBy: actor };
      const assumptions = state.assumptions.map((a) => (a.assumptionId === event.data.assumptionId ? { ...a, review } : a));
      return { ...state, ...touched, assumptions };
    }
    case 'IndicatorAdded': {
      const { indicatorId, text, direction } = event.data;
      const indicator = { indicatorId, text, direction, addedAt: effectiveAt, addedBy: actor, observations: [] };
      return { ...state, ...touched, indicators: [...state.indicators, indicator] };
    }
    case 'IndicatorObserved': {
      const { indicatorId, observationId, observation, observedAt } = event.data;
      const seen = { observationId, observation, observedAt, recordedBy: actor, effectiveAt };
      const indicators = state.indicators.map((i) =>
        i.indicatorId === indicatorId ? { ...i, observations: [...i.observations, seen] } : i,
      );
      return { ...state, ...touched, indicators };
    }
    case 'OutcomeRecorded':
      return {
        ...state,
        ...touched,
        status: 'resolved',
        statusBeforeOutcome: state.status,
        outcome: { outcome: event.data.outcome, knownAt: event.data.knownAt, recordedAt, recordedBy: actor },
      };
    case 'DissentRecorded': {
      const d = event.data;
      const dissent: Dissent = {
        ...d,
        author: actor,
        recordedAt: effectiveAt,
        revisedAt: null,
        withdrawn: false,
        judgments: dissentJudged(state, d, meta, null),
      };
      return { ...state, ...touched, dissents: [...state.dissents, dissent] };
    }
    case 'DissentRevised': {
      const d = event.data;
      const dissents = state.dissents.map((x) =>
        x.dissentId === d.dissentId ? { ...x, ...d, revisedAt: effectiveAt, judgments: dissentJudged(state, d, meta, x.judgments) } : x,
      );
      return { ...state, ...touched, dissents };
    }
    case 'DissentWithdrawn': {
      const dissents = state.dissents.map((x) => (x.dissentId === event.data.dissentId ? { ...x, withdrawn: true } : x));
      return { ...state, ...touched, dissents };
    }
    case 'OutcomeRetracted':
      return { ...state, ...touched, status: state.statusBeforeOutcome ?? 'published', statusBeforeOutcome: null, outcome: null };
    default:
      return unknownEvent(state, event, touched);
  }
}

/**
 * Events written by a newer version of the service still advance the
 * revision, so optimistic concurrency keeps working across a rolling upgrade.
 */
function unknownEvent(
  state: AssessmentState,
  _event: never,
  touched: Pick<AssessmentState, 'revision' | 'updatedAt' | 'updatedBy' | 'lastEffectiveAt'>,
): AssessmentState {
  return { ...state, ...touched };
}

export function fold(events: Iterable<RecordedAssessmentEvent>, from: AssessmentState | null = null): AssessmentState | null {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}

/** A judgment history (the main line's by default) oldest first. */
export function judgmentsOf(state: Pick<AssessmentState, 'judgments'>): NonNullable<JudgmentHistory>['point'][] {
  const points = [];
  for (let node = state.judgments; node !== null; node = node.previous) points.push(node.point);
  return points.reverse();
}
