import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONFIDENCE_LEVELS } from '../../domain/assessment-values.js';
import {
  ASSUMPTION_VERDICTS,
  CREDIBILITY_GRADES,
  EVIDENCE_BEARINGS,
  INDICATOR_DIRECTIONS,
  OUTCOMES,
  RELIABILITY_GRADES,
} from '../../domain/tradecraft-values.js';
import { NTA } from '../../../openapi/nta-examples.js';
import { AssessmentSummaryResponse } from './assessment-summary.response.js';
import { LikelihoodViewSchema } from './assessment-values.response.js';

export class EvidenceSchema {
  @ApiProperty({ format: 'uuid', example: NTA.subResourceId })
  evidenceId: string;

  @ApiProperty({ example: NTA.evidenceTitle })
  title: string;

  @ApiProperty({ example: 'Open-source reporting' })
  source: string;

  @ApiProperty({ enum: RELIABILITY_GRADES, example: 'B' })
  reliability: string;

  @ApiProperty({ enum: CREDIBILITY_GRADES, example: 3 })
  credibility: number;

  @ApiProperty({ enum: EVIDENCE_BEARINGS, example: 'supports' })
  bearing: string;

  @ApiProperty({ nullable: true, example: null })
  url: string | null;

  @ApiProperty({ nullable: true, example: null })
  excerpt: string | null;

  @ApiProperty({ format: 'date-time', example: NTA.effectiveAt })
  linkedAt: string;

  @ApiProperty({ example: NTA.analyst })
  linkedBy: string;
}

export class EvidenceSummarySchema {
  @ApiProperty({ example: 1 })
  total: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { B3: 1 }, description: 'Counts by Admiralty grade' })
  byGrade: Record<string, number>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { supports: 1, contradicts: 0, context: 0 } })
  byBearing: Record<string, number>;
}

export class EvidenceListSchema {
  @ApiProperty({ type: () => [EvidenceSchema] })
  items: EvidenceSchema[];

  @ApiProperty({ type: () => EvidenceSummarySchema })
  summary: EvidenceSummarySchema;
}

export class AssumptionReviewSchema {
  @ApiProperty({ enum: ASSUMPTION_VERDICTS, example: 'holds' })
  verdict: string;

  @ApiProperty({ format: 'date-time', example: '2023-07-01T00:00:00.000Z' })
  reviewedAt: string;

  @ApiProperty({ example: NTA.analyst })
  reviewedBy: string;
}

export class AssumptionSchema {
  @ApiProperty({ format: 'uuid', example: NTA.subResourceId })
  assumptionId: string;

  @ApiProperty({ example: NTA.assumption })
  text: string;

  @ApiProperty({ example: true })
  linchpin: boolean;

  @ApiProperty({ format: 'date-time', example: NTA.effectiveAt })
  statedAt: string;

  @ApiProperty({ example: NTA.analyst })
  statedBy: string;

  @ApiProperty({ type: () => AssumptionReviewSchema, nullable: true, description: 'The latest review, or null until first checked' })
  review: AssumptionReviewSchema | null;
}

export class ObservationSchema {
  @ApiProperty({ format: 'uuid', example: NTA.eventId })
  observationId: string;

  @ApiProperty({ example: NTA.observation })
  observation: string;

  @ApiProperty({ format: 'date-time', example: '2023-04-10T00:00:00.000Z' })
  observedAt: string;

  @ApiProperty({ example: NTA.analyst })
  recordedBy: string;

  @ApiProperty({ format: 'date-time', example: '2023-04-12T00:00:00.000Z' })
  effectiveAt: string;
}

export class IndicatorSchema {
  @ApiProperty({ format: 'uuid', example: NTA.subResourceId })
  indicatorId: string;

  @ApiProperty({ example: NTA.indicator })
  text: string;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS, example: 'raises' })
  direction: string;

  @ApiProperty({ format: 'date-time', example: NTA.effectiveAt })
  addedAt: string;

  @ApiProperty({ example: NTA.analyst })
  addedBy: string;

  @ApiProperty({ type: () => [ObservationSchema] })
  observations: ObservationSchema[];
}

export class OutcomeSchema {
  @ApiProperty({ enum: OUTCOMES, example: 'did-not-occur' })
  outcome: string;

  @ApiProperty({ format: 'date-time', example: '2023-08-06T00:00:00.000Z', description: 'When it became known' })
  knownAt: string;

  @ApiProperty({ format: 'date-time', example: '2023-08-07T08:30:00.000Z' })
  recordedAt: string;

  @ApiProperty({ example: NTA.analyst })
  recordedBy: string;
}

/** A Brier score (`scored: true`), or why there is none (`scored: false` with `reason`). */
export class ScoreSchema {
  @ApiProperty({ example: true })
  scored: boolean;

  @ApiPropertyOptional({
    enum: ['no-outcome', 'indeterminate', 'never-published', 'published-after-outcome', 'no-judgment-before-outcome'],
    description: 'Unscored: why',
  })
  reason?: string;

  @ApiPropertyOptional({ enum: ['occurred', 'did-not-occur'], example: 'did-not-occur' })
  outcome?: string;

  @ApiPropertyOptional({ enum: [0, 1], example: 0 })
  observed?: number;

  @ApiPropertyOptional({ example: 0.125, description: 'Probability standing when the outcome became known' })
  probability?: number;

  @ApiPropertyOptional({ enum: CONFIDENCE_LEVELS, example: 'moderate' })
  confidence?: string;

  @ApiPropertyOptional({ nullable: true, example: 'nta' })
  scale?: string | null;

  @ApiPropertyOptional({ example: 0.015625, description: '(p − o)²' })
  brier?: number;

  @ApiPropertyOptional({ example: 0.015625, description: 'Each probability’s (p − o)², weighted by how long it stood while published' })
  timeWeightedBrier?: number;

  @ApiPropertyOptional({ format: 'date-time', example: '2023-08-06T00:00:00.000Z' })
  knownAt?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2023-02-06T09:00:00.000Z' })
  publishedFrom?: string;
}

export class DissentSpreadSchema {
  @ApiProperty({ example: 0.25, description: 'Dissent band midpoint minus the main one (positive: higher)' })
  midpoint: number;

  @ApiProperty({ example: 0.15, description: 'Gap between the bands when they do not overlap, else 0' })
  gap: number;
}

export class StandingDissentSchema {
  @ApiProperty({ format: 'uuid', example: NTA.subResourceId })
  dissentId: string;

  @ApiProperty({ example: 'carol' })
  author: string;

  @ApiProperty({ type: () => LikelihoodViewSchema, nullable: true })
  likelihood: LikelihoodViewSchema | null;

  @ApiProperty({ enum: CONFIDENCE_LEVELS, nullable: true, example: 'low' })
  confidence: string | null;

  @ApiProperty({ type: [String], example: [NTA.subResourceId] })
  evidenceIds: string[];

  @ApiProperty({ example: 'Rotation reports suggest preparation for pressure on Moldova.' })
  rationale: string;

  @ApiProperty({ format: 'date-time', example: '2023-03-01T00:00:00.000Z' })
  recordedAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, example: null })
  revisedAt: string | null;

  @ApiProperty({ type: () => DissentSpreadSchema, nullable: true })
  spread: DissentSpreadSchema | null;

  @ApiProperty({ example: true })
  confidenceDiffers: boolean;

  @ApiProperty({ type: () => ScoreSchema, nullable: true })
  score: ScoreSchema | null;
}

/** One assessment in full, folded from its own stream: never stale. */
export class AssessmentResponse extends AssessmentSummaryResponse {
  @ApiProperty({ type: () => EvidenceListSchema })
  evidence: EvidenceListSchema;

  @ApiProperty({ type: () => [AssumptionSchema] })
  assumptions: AssumptionSchema[];

  @ApiProperty({ type: () => [IndicatorSchema] })
  indicators: IndicatorSchema[];

  @ApiProperty({ type: () => OutcomeSchema, nullable: true })
  outcome: OutcomeSchema | null;

  @ApiProperty({ type: () => ScoreSchema, nullable: true })
  score: ScoreSchema | null;

  @ApiProperty({ type: () => [StandingDissentSchema] })
  dissents: StandingDissentSchema[];
}
