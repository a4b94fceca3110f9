/**
 * The analyst's supporting material: evidence graded on the Admiralty (NATO)
 * system, key assumptions, indicators, and the outcome that resolves a judgment.
 */

/** Source reliability, graded apart from the information's credibility. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];

/** Information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY_GRADES)[number];

export const EVIDENCE_BEARINGS = ['supports', 'contradicts', 'context'] as const;
export type EvidenceBearing = (typeof EVIDENCE_BEARINGS)[number];

/** Verdicts of a Key Assumptions Check. */
export const ASSUMPTION_VERDICTS = ['holds', 'weakened', 'invalid'] as const;
export type AssumptionVerdict = (typeof ASSUMPTION_VERDICTS)[number];

/** Whether seeing the indicator makes the judged event more or less likely. */
export const INDICATOR_DIRECTIONS = ['raises', 'lowers'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const OUTCOMES = ['occurred', 'did-not-occur', 'indeterminate'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Evidence {
  readonly evidenceId: string;
  readonly title: string;
  readonly source: string;
  readonly reliability: Reliability;
  readonly credibility: Credibility;
  readonly bearing: EvidenceBearing;
  readonly url: string | null;
  readonly excerpt: string | null;
  readonly linkedAt: string;
  readonly linkedBy: string;
}

export interface AssumptionReview {
  readonly verdict: AssumptionVerdict;
  readonly reviewedAt: string;
  readonly reviewedBy: string;
}

export interface Assumption {
  readonly assumptionId: string;
  readonly text: string;
  readonly linchpin: boolean;
  readonly statedAt: string;
  readonly statedBy: string;
  /** Latest review, or null until the assumption is first checked. */
  readonly review: AssumptionReview | null;
}

export interface Observation {
  readonly observationId: string;
  readonly observation: string;
  readonly observedAt: string;
  readonly recordedBy: string;
  readonly effectiveAt: string;
}

export interface Indicator {
  readonly indicatorId: string;
  readonly text: string;
  readonly direction: IndicatorDirection;
  readonly addedAt: string;
  readonly addedBy: string;
  readonly observations: readonly Observation[];
}

export interface RecordedOutcome {
  readonly outcome: Outcome;
  /** When the outcome became known (may precede when it was recorded). */
  readonly knownAt: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export const TRADECRAFT_LIMITS = {
  title: 300,
  source: 300,
  url: 2000,
  excerpt: 2000,
  text: 1000,
  observation: 2000,
  /** Per assessment, so a stream cannot grow its state without bound. */
  items: 500,
} as const;
