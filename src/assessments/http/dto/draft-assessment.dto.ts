import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CONFIDENCE_LEVELS, LIMITS } from '../../domain/assessment-values.js';
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

  /** One of the configured markings (CLASSIFICATION_LEVELS); the lowest when omitted. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9 _-]{0,39}$/, { message: 'classification must be a marking in capitals, e.g. RESTRICTED' })
  classification?: string;
}
