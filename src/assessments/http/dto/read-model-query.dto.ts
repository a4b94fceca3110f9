import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LIKELIHOOD_SCALES } from '../../domain/likelihood-scales.js';
import type { LikelihoodScale } from '../../domain/likelihood-scales.js';
import { MinPosition } from './query-fields.decorators.js';

/** What every read-model query accepts: read-your-writes and the scale to show likelihoods in. */
export class ReadModelQueryDto {
  /** Wait (bounded) until the read models include this position, as answered by a command. */
  @MinPosition()
  minPosition?: string;

  @ApiPropertyOptional({ enum: LIKELIHOOD_SCALES, example: 'icd203', description: 'Express likelihoods in this scale (largest band overlap)' })
  @IsOptional()
  @IsIn(LIKELIHOOD_SCALES)
  scale?: LikelihoodScale;
}
