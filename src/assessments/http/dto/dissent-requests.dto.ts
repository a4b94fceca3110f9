import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { CONFIDENCE_LEVELS } from '../../domain/assessment-values.js';
import type { Confidence } from '../../domain/assessment-values.js';
import { ChangeDto } from './change.dto.js';
import { LikelihoodDto } from './likelihood.dto.js';

/** A dissent's position: its own likelihood (any scale, or a number) and/or confidence. */
export class DissentDto extends ChangeDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => LikelihoodDto)
  likelihood?: LikelihoodDto;

  @IsOptional()
  @IsIn(CONFIDENCE_LEVELS)
  confidence?: Confidence;

  /** Evidence of the assessment the dissenter weighs differently. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  evidenceIds?: string[];
}
