import type { AssessmentState } from './assessment-state.js';
import type { RecordedAssessmentEvent } from './assessment-events.js';

/**
 * Folds one event into the state. Pure and total over known events: replaying
 * a stream from the start always yields the same state.
 */
export function evolve(state: AssessmentState | null, event: RecordedAssessmentEvent): AssessmentState {
  const { actor, recordedAt, effectiveAt } = event.metadata;
  if (event.type === 'AssessmentDrafted') {
    const d = event.data;
    return {
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
    };
  }
  if (state === null) {
    // A stream that does not start with a draft is corrupt; refuse to guess.
    throw new Error(`cannot apply ${event.type} before AssessmentDrafted`);
  }
  const revision = state.revision + 1;
  const touched = { revision, updatedAt: recordedAt, updatedBy: actor, lastEffectiveAt: effectiveAt };
  const authored = { ...touched, lastAuthor: actor, hasUnpublishedChanges: true };
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
      };
    case 'AssessmentWithdrawn':
      return { ...state, ...touched, status: 'withdrawn' };
    case 'AssessmentSuperseded':
      return { ...state, ...touched, status: 'superseded', supersededBy: event.data.supersededBy };
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
