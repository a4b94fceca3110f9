/**
 * Errors the domain raises. The HTTP layer maps each class to a status; the
 * domain itself knows nothing of HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** A value that can never be valid, whatever the state (e.g. an unknown term). */
export class DomainValidationError extends DomainError {
  readonly code = 'invalid-value';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}

export class AssessmentNotFoundError extends DomainError {
  readonly code = 'not-found';
  constructor(
    readonly assessmentId: string,
    detail = 'does not exist',
  ) {
    super(`assessment ${assessmentId} ${detail}`);
  }
}

export class AssessmentAlreadyExistsError extends DomainError {
  readonly code = 'already-exists';
  constructor(readonly assessmentId: string) {
    super(`assessment ${assessmentId} already exists`);
  }
}

/** Withdrawn, superseded and resolved assessments take no further changes. */
export class AssessmentClosedError extends DomainError {
  readonly code = 'assessment-closed';
  constructor(
    readonly assessmentId: string,
    readonly status: string,
  ) {
    super(`assessment ${assessmentId} is ${status} and can no longer be changed`);
  }
}

/** A rule of the analytic process the command would break (four eyes, no-op change, time order). */
export class BusinessRuleError extends DomainError {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A part of an assessment (evidence, assumption, indicator) that it does not have. */
export class SubResourceNotFoundError extends DomainError {
  readonly code = 'not-found';
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`the assessment has no ${kind} ${id}`);
  }
}

/**
 * Another assessment the command was decided on kept changing while it was
 * applied (a successor revised at every attempt): a conflict to retry later.
 */
export class RelatedAssessmentChangingError extends DomainError {
  readonly code = 'related-assessment-changing';
  constructor(
    readonly assessmentId: string,
    readonly field: string,
  ) {
    super(`assessment ${assessmentId} changed while this command was applied; retry`);
  }
}
