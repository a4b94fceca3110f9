import type { AssessmentState } from './assessment-state.js';

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
