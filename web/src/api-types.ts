/** The shapes of the API answers this page reads (see the README's API section). */

export interface ProbabilityBand {
  readonly low: number;
  readonly high: number;
}

/** As stored, or (with `?scale=`) expressed in another scale beside what was stated. */
export interface LikelihoodView {
  readonly scale: string | null;
  readonly term: string | null;
  readonly probability: ProbabilityBand;
  readonly termBand?: ProbabilityBand;
  readonly stated?: { readonly scale: string | null; readonly term: string | null };
}

export interface AssessmentSummary {
  readonly assessmentId: string;
  readonly revision: number;
  readonly status: string;
  readonly statement: string;
  readonly likelihood: LikelihoodView;
  readonly confidence: string;
  readonly horizon: { readonly term: string | null; readonly start: string; readonly end: string };
  readonly subject: { readonly actors: string[]; readonly regions: string[]; readonly topics: string[] };
  readonly classification: string;
  readonly source: { readonly document: string; readonly section: string | null } | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly effectiveAt: string;
  readonly lastEffectiveAt: string;
  readonly published: { readonly revision: number; readonly at: string; readonly by: string } | null;
  readonly hasUnpublishedChanges: boolean;
  readonly supersededBy: string | null;
}

export interface Evidence {
  readonly evidenceId: string;
  readonly title: string;
  readonly source: string;
  readonly reliability: string;
  readonly credibility: number;
  readonly bearing: string;
  readonly url: string | null;
  readonly excerpt: string | null;
  readonly linkedAt: string;
  readonly linkedBy: string;
}

export interface Assumption {
  readonly assumptionId: string;
  readonly text: string;
  readonly linchpin: boolean;
  readonly statedAt: string;
  readonly statedBy: string;
  readonly review: { readonly verdict: string; readonly reviewedAt: string; readonly reviewedBy: string } | null;
}

export interface Indicator {
  readonly indicatorId: string;
  readonly text: string;
  readonly direction: string;
  readonly addedAt: string;
  readonly addedBy: string;
  readonly observations: readonly { observationId: string; observation: string; observedAt: string; recordedBy: string }[];
}

export interface AssessmentDetail extends AssessmentSummary {
  readonly evidence: {
    readonly items: Evidence[];
    readonly summary: { readonly total: number; readonly byGrade: Record<string, number>; readonly byBearing: Record<string, number> };
  };
  readonly assumptions: Assumption[];
  readonly indicators: Indicator[];
  readonly outcome: { readonly outcome: string; readonly knownAt: string; readonly recordedAt: string; readonly recordedBy: string } | null;
  readonly score: Record<string, unknown> | null;
  readonly dissents: Dissent[];
}

/** A standing dissent: another analyst's likelihood and/or confidence beside the main line. */
export interface Dissent {
  readonly dissentId: string;
  readonly author: string;
  readonly likelihood: LikelihoodView | null;
  readonly confidence: string | null;
  /** Evidence of the assessment the dissenter weighs differently. */
  readonly evidenceIds: readonly string[];
  readonly rationale: string;
  readonly recordedAt: string;
  readonly revisedAt: string | null;
  /** How far the dissent's band lies from the main one (probability, positive = higher). */
  readonly spread: { readonly midpoint: number; readonly gap: number } | null;
  readonly confidenceDiffers: boolean;
}

export interface AssessmentList {
  readonly items: AssessmentSummary[];
  readonly total: number;
  /** The service counted up to its limit and stopped: at least `total` match. */
  readonly totalIsLowerBound: boolean;
  readonly nextCursor: string | null;
  readonly position: string;
}

export interface ReviewDueList {
  readonly items: { readonly assessment: AssessmentSummary; readonly reasons: string[] }[];
  readonly nextCursor: string | null;
}

export interface TimelinePoint {
  readonly revision: number;
  readonly type: string;
  readonly effectiveAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly status: string;
  readonly probability: ProbabilityBand;
  readonly likelihood: { readonly scale: string | null; readonly term: string | null };
  readonly confidence: string;
  readonly rationale: string | null;
  readonly basis: string | null;
}

export interface Timeline {
  readonly assessmentId: string;
  readonly points: TimelinePoint[];
}

export interface HistoryEntry {
  readonly revision: number;
  readonly position: string;
  readonly type: string;
  readonly actor: string;
  readonly recordedAt: string;
  readonly effectiveAt: string;
  readonly rationale: string | null;
  readonly basis: string | null;
  readonly data: Record<string, unknown>;
}

export interface History {
  readonly assessmentId: string;
  readonly revision: number;
  readonly events: HistoryEntry[];
}

export interface CalibrationBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanProbability: number | null;
  readonly observedFrequency: number | null;
  readonly meanBrier: number | null;
}

export interface CalibrationSummary {
  readonly count: number;
  readonly meanBrier: number | null;
  readonly meanTimeWeightedBrier: number | null;
  readonly bins: CalibrationBin[];
}

export interface CalibrationReport extends CalibrationSummary {
  readonly groupBy: string | null;
  readonly line: 'working' | 'published';
  readonly groups: (CalibrationSummary & { readonly key: string })[];
}

export interface CommandResult {
  readonly assessmentId: string;
  readonly revision: number;
  readonly position: string;
}

/** Every error answer: 400 adds `errors`, 409 and 422 add `code`, a stale revision adds `currentRevision`. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly code?: string;
  readonly field?: string;
  readonly errors?: { readonly field: string; readonly message: string }[];
  readonly currentRevision?: number | null;
  readonly expectedRevision?: number;
}
