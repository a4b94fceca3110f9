import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Min } from 'class-validator';
import { LIKELIHOOD_SCALES } from '../../domain/likelihood-scales.js';
import type { LikelihoodScale } from '../../domain/likelihood-scales.js';
import { IsExclusiveOf } from './field-validators.js';

/** `GET /assessments/:id`: at most one of revision, asOf, recordedAsOf; any scale. */
export class GetAssessmentQueryDto {
  @ApiPropertyOptional({ minimum: 0, example: 0, description: 'The assessment as it was at this revision' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;

  /** Effective time: the assessment as it was judged to stand then. */
  @ApiPropertyOptional({ format: 'date-time', example: '2023-02-05T12:00:00Z', description: 'Effective time (not with revision)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsExclusiveOf(['revision'])
  asOf?: string;

  /** Recorded time: the assessment as the ledger held it then. */
  @ApiPropertyOptional({ format: 'date-time', example: '2023-03-01T00:00:00Z', description: 'Recorded time (not with revision or asOf)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @IsExclusiveOf(['revision', 'asOf'])
  recordedAsOf?: string;

  @ApiPropertyOptional({ enum: LIKELIHOOD_SCALES, example: 'phia', description: 'Express the likelihood in this scale' })
  @IsOptional()
  @IsIn(LIKELIHOOD_SCALES)
  scale?: LikelihoodScale;
}
