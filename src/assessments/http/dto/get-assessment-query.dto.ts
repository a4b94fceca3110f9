import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Min } from 'class-validator';
import { LIKELIHOOD_SCALES } from '../../domain/likelihood-scales.js';
import type { LikelihoodScale } from '../../domain/likelihood-scales.js';
import { IsExclusiveOf } from './field-validators.js';

/** `GET /assessments/:id`: at most one of revision, asOf, recordedAsOf; any scale. */
export class GetAssessmentQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;

  /** Effective time: the assessment as it was judged to stand then. */
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsExclusiveOf(['revision'])
  asOf?: string;

  /** Recorded time: the assessment as the ledger held it then. */
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsExclusiveOf(['revision', 'asOf'])
  recordedAsOf?: string;

  @IsOptional()
  @IsIn(LIKELIHOOD_SCALES)
  scale?: LikelihoodScale;
}
