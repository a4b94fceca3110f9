/** Value types shared by commands, events and state. */
export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Why a likelihood or confidence moved (ICD 203 standard 7). */
export const CHANGE_BASES = ['new-information', 'new-reasoning', 'correction'] as const;
export type ChangeBasis = (typeof CHANGE_BASES)[number];

export const DEFAULT_CLASSIFICATIONS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'] as const;

export const ASSESSMENT_STATUSES = ['draft', 'published', 'withdrawn', 'superseded', 'resolved'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const CLOSED_STATUSES: ReadonlySet<AssessmentStatus> = new Set(['withdrawn', 'superseded', 'resolved']);

export interface Subject {
  readonly actors: readonly string[];
  readonly regions: readonly string[];
  readonly topics: readonly string[];
}

export interface SourceReference {
  readonly document: string;
  readonly section: string | null;
}

/** Limits that keep one event small enough to fold fast and show in a list. */
export const LIMITS = {
  statement: 2000,
  rationale: 4000,
  subjectItems: 50,
  subjectItem: 200,
  sourceField: 500,
} as const;

export function confidenceRank(level: Confidence): number {
  return CONFIDENCE_LEVELS.indexOf(level);
}
