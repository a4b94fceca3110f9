import { IsIn, IsOptional, Matches } from 'class-validator';
import { LIKELIHOOD_SCALES } from '../../domain/likelihood-scales.js';
import type { LikelihoodScale } from '../../domain/likelihood-scales.js';

/** What every read-model query accepts: read-your-writes and the scale to show likelihoods in. */
export class ReadModelQueryDto {
  /** Wait (bounded) until the read models include this position, as answered by a command. */
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'minPosition must be a position as returned by a command (digits)' })
  minPosition?: string;

  @IsOptional()
  @IsIn(LIKELIHOOD_SCALES)
  scale?: LikelihoodScale;
}
