import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HORIZON_TERMS } from '../../domain/horizons.js';
import { LIKELIHOOD_SCALES } from '../../domain/likelihood-scales.js';
import { NTA } from '../../../openapi/nta-examples.js';

/** The value shapes an assessment is shown with, shared by the assessment, list and report answers. */

export class ProbabilityBandSchema {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0 })
  low: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.25 })
  high: number;
}

export class StatedLikelihoodSchema {
  @ApiProperty({ enum: LIKELIHOOD_SCALES, nullable: true, example: 'nta' })
  scale: string | null;

  @ApiProperty({ nullable: true, example: 'unlikely' })
  term: string | null;
}

/**
 * A likelihood as stored (scale and term null when it was given as a number),
 * or, with `?scale=`, expressed in that scale: then `termBand` is the target
 * term's band and `stated` what was originally said.
 */
export class LikelihoodViewSchema {
  @ApiProperty({ enum: LIKELIHOOD_SCALES, nullable: true, example: 'nta' })
  scale: string | null;

  @ApiProperty({ nullable: true, example: 'unlikely' })
  term: string | null;

  @ApiProperty({ type: () => ProbabilityBandSchema, description: 'The probability band the judgment commits to' })
  probability: ProbabilityBandSchema;

  @ApiPropertyOptional({ type: () => ProbabilityBandSchema, description: 'With ?scale=: the band of the term in that scale' })
  termBand?: ProbabilityBandSchema;

  @ApiPropertyOptional({ type: () => StatedLikelihoodSchema, description: 'With ?scale=: the scale and term as stated' })
  stated?: StatedLikelihoodSchema;
}

export class HorizonViewSchema {
  @ApiProperty({ enum: HORIZON_TERMS, nullable: true, example: NTA.horizon.term })
  term: string | null;

  @ApiProperty({ format: 'date-time', example: NTA.horizon.start })
  start: string;

  @ApiProperty({ format: 'date-time', example: NTA.horizon.end })
  end: string;
}

export class SubjectViewSchema {
  @ApiProperty({ type: [String], example: NTA.subject.actors })
  actors: string[];

  @ApiProperty({ type: [String], example: NTA.subject.regions })
  regions: string[];

  @ApiProperty({ type: [String], example: NTA.subject.topics })
  topics: string[];
}

export class SourceViewSchema {
  @ApiProperty({ example: NTA.source.document })
  document: string;

  @ApiProperty({ nullable: true, example: NTA.source.section })
  section: string | null;
}

export class PublicationSchema {
  @ApiProperty({ example: 1 })
  revision: number;

  @ApiProperty({ format: 'date-time', example: '2023-02-06T09:00:00.000Z' })
  at: string;

  @ApiProperty({ example: NTA.reviewer })
  by: string;
}
