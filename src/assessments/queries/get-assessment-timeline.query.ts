import type { Visibility } from '../../auth/principal.js';
import { Query } from '@nestjs/cqrs';
import type { LikelihoodScale } from '../domain/likelihood-scales.js';

export interface TimelinePoint {
  readonly revision: number;
  readonly type: string;
  readonly effectiveAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly status: string;
  readonly probability: { readonly low: number; readonly high: number };
  readonly likelihood: { readonly scale: string | null; readonly term: string | null };
  readonly confidence: string;
  readonly rationale: string | null;
  readonly basis: string | null;
}

export interface AssessmentTimeline {
  readonly assessmentId: string;
  readonly points: TimelinePoint[];
  readonly position: string;
}

/** Likelihood band and confidence over time, one point per change, for charts. */
export class GetAssessmentTimelineQuery extends Query<AssessmentTimeline> {
  constructor(
    readonly assessmentId: string,
    readonly scale?: LikelihoodScale,
    readonly minPosition?: bigint,
    readonly visibility?: Visibility,
  ) {
    super();
  }
}
