import type { AssessmentState } from './assessment-state.js';
import type { Dissent } from './dissent-values.js';
import type { RecordedAssessmentEvent } from './assessment-events.js';
import { NO_JUDGMENTS, recordJudgments } from './judgment-lines.js';
import type { JudgmentLines } from './judgment-lines.js';

/**
 * Folds one event into the state. Pure and total over known events: replaying
 * a stream from the start always yields the same state.
 */
export function evolve(state: AssessmentState | null, event: RecordedAssessmentEvent): AssessmentState {
  const { actor, recordedAt, effectiveAt } = event.metadata;
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
      dissents: [],
      publicView: null,
    };
    return drafted;
  }
  if (state === null) {
    // A stream that does not start with a draft is corrupt; refuse to guess.
    throw new Error(`cannot apply ${event.type} before AssessmentDrafted`);
  }
  const revision = state.revision + 1;
  const stamp = { revision, updatedAt: recordedAt, updatedBy: actor, lastEffectiveAt: effectiveAt };
  // Readers see every change but one of substance as it happens (once the assessment was published).
  const publicView = state.publicView === null ? null : { ...state.publicView, ...stamp };
  const touched = { ...stamp, publicView };
  // Changes of substance need a (new) publication, and their author may not give it; until then readers do not see them.
  const authored = { ...stamp, lastAuthor: actor, hasUnpublishedChanges: true };
  switch (event.type) {
    case 'StatementReworded':
      return { ...state, ...authored, statement: event.data.statement };
    case 'LikelihoodChanged':
      return { ...state, ...authored, likelihood: event.data.to };
    case 'ConfidenceChanged':
      return { ...state, ...authored, confidence: event.data.to };
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
        publicView: {
          ...stamp,
          statement: state.statement,
          likelihood: state.likelihood,
          confidence: state.confidence,
          horizon: state.horizon,
          subject: state.subject,
        },
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
      };
      return { ...state, ...touched, dissents: [...state.dissents, dissent] };
    }
    case 'DissentRevised': {
      const d = event.data;
      const dissents = state.dissents.map((x) =>
        x.dissentId === d.dissentId ? { ...x, ...d, revisedAt: effectiveAt } : x,
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
  touched: Pick<AssessmentState, 'revision' | 'updatedAt' | 'updatedBy' | 'lastEffectiveAt' | 'publicView'>,
): AssessmentState {
  return { ...state, ...touched };
}

export function fold(events: Iterable<RecordedAssessmentEvent>, from: AssessmentState | null = null): AssessmentState | null {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}

/** The state and the judgment lines scoring reads, folded together. */
export function foldJudged(events: Iterable<RecordedAssessmentEvent>): { state: AssessmentState; judgments: JudgmentLines } | null {
  let state: AssessmentState | null = null;
  let judgments = NO_JUDGMENTS;
  for (const event of events) {
    state = evolve(state, event);
    judgments = recordJudgments(judgments, state, event);
  }
  return state === null ? null : { state, judgments };
}
