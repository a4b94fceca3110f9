import { ApiProperty } from '@nestjs/swagger';
import { NTA } from '../../../openapi/nta-examples.js';
import { ProbabilityBandSchema, StatedLikelihoodSchema } from './assessment-values.response.js';

export class TimelinePointSchema {
  @ApiProperty({ example: 0 })
  revision: number;

  @ApiProperty({ example: 'AssessmentDrafted' })
  type: string;

  @ApiProperty({ format: 'date-time', example: NTA.effectiveAt })
  effectiveAt: string;

  @ApiProperty({ format: 'date-time', example: '2023-02-05T10:15:00.000Z' })
  recordedAt: string;

  @ApiProperty({ example: NTA.analyst })
  actor: string;

  @ApiProperty({ example: 'draft' })
  status: string;

  @ApiProperty({ type: () => ProbabilityBandSchema })
  probability: ProbabilityBandSchema;

  @ApiProperty({ type: () => StatedLikelihoodSchema })
  likelihood: StatedLikelihoodSchema;

  @ApiProperty({ example: 'moderate' })
  confidence: string;

  @ApiProperty({ nullable: true, example: NTA.rationale })
  rationale: string | null;

  @ApiProperty({ nullable: true, example: null })
  basis: string | null;
}

export class AssessmentTimelineResponse {
  @ApiProperty({ format: 'uuid', example: NTA.assessmentId })
  assessmentId: string;

  @ApiProperty({ type: () => [TimelinePointSchema] })
  points: TimelinePointSchema[];

  @ApiProperty({ example: '3' })
  position: string;
}
