import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { LIKELIHOOD_SCALES } from '../../domain/likelihood-scales.js';
import type { LikelihoodScale } from '../../domain/likelihood-scales.js';

/** What every read-model query accepts: read-your-writes and the scale to show likelihoods in. */
export class ReadModelQueryDto {
  /** Wait (bounded) until the read models include this position, as answered by a command. */
  @ApiPropertyOptional({ pattern: '^\\d{1,20}$', example: '42', description: 'Wait (up to READ_MODEL_WAIT_MS) until the read models include this position, as a command answered; else 503' })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'minPosition must be a position as returned by a command (digits)' })
  minPosition?: string;

  @ApiPropertyOptional({ enum: LIKELIHOOD_SCALES, example: 'icd203', description: 'Express likelihoods in this scale (largest band overlap)' })
  @IsOptional()
  @IsIn(LIKELIHOOD_SCALES)
  scale?: LikelihoodScale;
}
