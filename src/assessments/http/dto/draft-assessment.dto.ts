import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { CONFIDENCE_LEVELS, DEFAULT_CLASSIFICATIONS, LIMITS } from '../../domain/assessment-values.js';
import type { Confidence } from '../../domain/assessment-values.js';
import { HorizonDto } from './horizon.dto.js';
import { LikelihoodDto } from './likelihood.dto.js';
import { RationaleDto } from './rationale.dto.js';
import { SourceDto } from './source.dto.js';
import { SubjectDto } from './subject.dto.js';

export class DraftAssessmentDto extends RationaleDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.statement)
  statement: string;

  @IsDefined()
  @ValidateNested()
  @Type(() => LikelihoodDto)
  likelihood: LikelihoodDto;

  @IsIn(CONFIDENCE_LEVELS)
  confidence: Confidence;

  @IsDefined()
  @ValidateNested()
  @Type(() => HorizonDto)
  horizon: HorizonDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => SubjectDto)
  subject?: SubjectDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto;

  @IsOptional()
  @IsIn(DEFAULT_CLASSIFICATIONS)
  classification?: string;
}
