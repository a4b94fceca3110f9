import type { AssessmentState } from '../domain/assessment-state.js';
import { expressIn } from '../domain/likelihood.js';
import type { LikelihoodScale } from '../domain/likelihood-scales.js';

/** The public shape of one assessment, optionally with its likelihood expressed in another scale. */
export function toAssessmentView(state: AssessmentState, scale?: LikelihoodScale) {
  return {
    assessmentId: state.assessmentId,
    revision: state.revision,
    status: state.status,
    statement: state.statement,
    likelihood: scale ? expressIn(state.likelihood, scale) : state.likelihood,
    confidence: state.confidence,
    horizon: state.horizon,
    subject: state.subject,
    classification: state.classification,
    source: state.source,
    createdAt: state.createdAt,
    createdBy: state.createdBy,
    updatedAt: state.updatedAt,
    updatedBy: state.updatedBy,
    effectiveAt: state.effectiveFrom,
    lastEffectiveAt: state.lastEffectiveAt,
    published:
      state.publishedRevision === null
        ? null
        : { revision: state.publishedRevision, at: state.publishedAt, by: state.publishedBy },
    hasUnpublishedChanges: state.hasUnpublishedChanges,
    supersededBy: state.supersededBy,
  };
}

export type AssessmentView = ReturnType<typeof toAssessmentView>;
