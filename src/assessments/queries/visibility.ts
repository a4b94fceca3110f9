import type { Visibility } from '../../auth/principal.js';
import type { AssessmentState } from '../domain/assessment-state.js';
import { AssessmentNotFoundError } from '../domain/domain-errors.js';

/**
 * An assessment the caller may not see does not exist for them: 404, never
 * 403, so its existence is not disclosed either. Every state given (the head
 * and, for an as-of read, the version asked for) must be visible.
 */
export function assertVisible(assessmentId: string, visibility: Visibility | undefined, ...states: (AssessmentState | null)[]): void {
  if (!visibility) return;
  for (const state of states) {
    if (state === null) continue;
    const hidden = !visibility.levels.includes(state.classification) || (visibility.publishedOnly && state.publicView === null);
    if (hidden) throw new AssessmentNotFoundError(assessmentId);
  }
}
