import type { Confidence, ChangeBasis, SourceReference, Subject } from './assessment-values.js';
import type { Horizon } from './horizons.js';
import type { Likelihood } from './likelihood.js';
import type {
  AssumptionVerdict,
  Credibility,
  EvidenceBearing,
  IndicatorDirection,
  Outcome,
  Reliability,
} from './tradecraft-values.js';

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

/** A handling marking raised or lowered (who may see the assessment). */
export interface ClassificationChanged {
  readonly type: 'ClassificationChanged';
  readonly data: { readonly from: string; readonly to: string; readonly rationale: string };
}

export interface EvidenceLinked {
  readonly type: 'EvidenceLinked';
  readonly data: {
    readonly evidenceId: string;
    readonly title: string;
    readonly source: string;
    readonly reliability: Reliability;
    readonly credibility: Credibility;
    readonly bearing: EvidenceBearing;
    readonly url: string | null;
    readonly excerpt: string | null;
    readonly rationale: string;
  };
}

export interface EvidenceUnlinked {
  readonly type: 'EvidenceUnlinked';
  readonly data: { readonly evidenceId: string; readonly rationale: string };
}

export interface AssumptionStated {
  readonly type: 'AssumptionStated';
  readonly data: { readonly assumptionId: string; readonly text: string; readonly linchpin: boolean; readonly rationale: string };
}

export interface AssumptionReviewed {
  readonly type: 'AssumptionReviewed';
  readonly data: { readonly assumptionId: string; readonly verdict: AssumptionVerdict; readonly rationale: string };
}

export interface IndicatorAdded {
  readonly type: 'IndicatorAdded';
  readonly data: {
    readonly indicatorId: string;
    readonly text: string;
    readonly direction: IndicatorDirection;
    readonly rationale: string;
  };
}

export interface IndicatorObserved {
  readonly type: 'IndicatorObserved';
  readonly data: {
    readonly indicatorId: string;
    /** Also the id of this event, so a later change can name it as its cause. */
    readonly observationId: string;
    readonly observation: string;
    readonly observedAt: string;
    readonly rationale: string;
  };
}

/** A dissent's position: its own likelihood and/or confidence, and the evidence it weighs differently. */
export interface DissentPosition {
  readonly dissentId: string;
  readonly likelihood: Likelihood | null;
  readonly confidence: Confidence | null;
  readonly evidenceIds: readonly string[];
  readonly rationale: string;
}

export interface DissentRecorded {
  readonly type: 'DissentRecorded';
  readonly data: DissentPosition;
}

export interface DissentRevised {
  readonly type: 'DissentRevised';
  readonly data: DissentPosition;
}

export interface DissentWithdrawn {
  readonly type: 'DissentWithdrawn';
  readonly data: { readonly dissentId: string; readonly rationale: string };
}

export interface OutcomeRecorded {
  readonly type: 'OutcomeRecorded';
  readonly data: { readonly outcome: Outcome; readonly knownAt: string; readonly rationale: string };
}

export interface OutcomeRetracted {
  readonly type: 'OutcomeRetracted';
  readonly data: { readonly rationale: string };
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
  | AssessmentSuperseded
  | ClassificationChanged
  | EvidenceLinked
  | EvidenceUnlinked
  | AssumptionStated
  | AssumptionReviewed
  | IndicatorAdded
  | IndicatorObserved
  | OutcomeRecorded
  | OutcomeRetracted
  | DissentRecorded
  | DissentRevised
  | DissentWithdrawn;

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
  'ClassificationChanged',
  'EvidenceLinked',
  'EvidenceUnlinked',
  'AssumptionStated',
  'AssumptionReviewed',
  'IndicatorAdded',
  'IndicatorObserved',
  'OutcomeRecorded',
  'OutcomeRetracted',
  'DissentRecorded',
  'DissentRevised',
  'DissentWithdrawn',
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
