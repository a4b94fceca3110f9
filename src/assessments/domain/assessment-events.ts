import type { Confidence, ChangeBasis, SourceReference, Subject } from './assessment-values.js';
import type { Horizon } from './horizons.js';
import type { Likelihood } from './likelihood.js';

/**
 * Event catalogue, schema version 1. Every payload carries the rationale the
 * analyst gave; likelihood and confidence changes also carry their basis.
 */
export interface AssessmentDrafted {
  readonly type: 'AssessmentDrafted';
  readonly data: {
    readonly assessmentId: string;
    readonly statement: string;
    readonly likelihood: Likelihood;
    readonly confidence: Confidence;
    readonly horizon: Horizon;
    readonly subject: Subject;
    readonly classification: string;
    readonly source: SourceReference | null;
    readonly rationale: string;
  };
}

export interface StatementReworded {
  readonly type: 'StatementReworded';
  readonly data: { readonly from: string; readonly statement: string; readonly rationale: string };
}

export interface LikelihoodChanged {
  readonly type: 'LikelihoodChanged';
  readonly data: {
    readonly from: Likelihood;
    readonly to: Likelihood;
    readonly basis: ChangeBasis;
    readonly rationale: string;
  };
}

export interface ConfidenceChanged {
  readonly type: 'ConfidenceChanged';
  readonly data: {
    readonly from: Confidence;
    readonly to: Confidence;
    readonly basis: ChangeBasis;
    readonly rationale: string;
  };
}

export interface HorizonChanged {
  readonly type: 'HorizonChanged';
  readonly data: { readonly from: Horizon; readonly to: Horizon; readonly rationale: string };
}

export interface SubjectChanged {
  readonly type: 'SubjectChanged';
  readonly data: Subject & { readonly rationale: string };
}

export interface AssessmentPublished {
  readonly type: 'AssessmentPublished';
  readonly data: { readonly reviewer: string; readonly rationale: string };
}

export interface AssessmentWithdrawn {
  readonly type: 'AssessmentWithdrawn';
  readonly data: { readonly rationale: string };
}

export interface AssessmentSuperseded {
  readonly type: 'AssessmentSuperseded';
  readonly data: { readonly supersededBy: string; readonly rationale: string };
}

export type AssessmentEvent =
  | AssessmentDrafted
  | StatementReworded
  | LikelihoodChanged
  | ConfidenceChanged
  | HorizonChanged
  | SubjectChanged
  | AssessmentPublished
  | AssessmentWithdrawn
  | AssessmentSuperseded;

export type AssessmentEventType = AssessmentEvent['type'];

export const ASSESSMENT_EVENT_TYPES: readonly AssessmentEventType[] = [
  'AssessmentDrafted',
  'StatementReworded',
  'LikelihoodChanged',
  'ConfidenceChanged',
  'HorizonChanged',
  'SubjectChanged',
  'AssessmentPublished',
  'AssessmentWithdrawn',
  'AssessmentSuperseded',
];

/** Current schema version of every event type above. */
export const EVENT_SCHEMA_VERSION = 1;

/** What the domain needs to know about when and by whom an event was recorded. */
export interface EventContext {
  readonly actor: string;
  readonly recordedAt: string;
  readonly effectiveAt: string;
}

export type RecordedAssessmentEvent = AssessmentEvent & { readonly metadata: EventContext };
