import type { AssessmentState } from './assessment-state.js';
import type { AssessmentEvent } from './assessment-events.js';

/**
 * Changes of substance: readers see them only once a reviewer publishes them
 * (evolve leaves the public view as it was for these).
 */
export const SUBSTANCE_EVENTS = [
  'StatementReworded',
  'LikelihoodChanged',
  'ConfidenceChanged',
  'HorizonChanged',
  'SubjectChanged',
] as const satisfies readonly AssessmentEvent['type'][];

/**
 * The assessment as a reader sees it: its substance as last published and
 * the last change a reader may see (revision, update, effective time), with
 * nothing left unpublished from where they stand. Null when it was never
 * published: then a reader may not see it at all.
 */
export function readerView(state: AssessmentState): AssessmentState | null {
  const seen = state.publicView;
  if (seen === null) return null;
  return { ...state, ...seen, hasUnpublishedChanges: false };
}
