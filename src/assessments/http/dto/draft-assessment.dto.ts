import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CONFIDENCE_LEVELS, LIMITS } from '../../domain/assessment-values.js';
import type { Confidence } from '../../domain/assessment-values.js';
import { HorizonDto } from './horizon.dto.js';
import { LikelihoodDto } from './likelihood.dto.js';
import { RationaleDto } from './rationale.dto.js';
import { SourceDto } from './source.dto.js';
import { SubjectDto } from './subject.dto.js';
import { NTA } from '../../../openapi/nta-examples.js';

export class DraftAssessmentDto extends RationaleDto {
  @ApiProperty({ maxLength: LIMITS.statement, example: NTA.statement })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.statement)
  statement: string;

  @ApiProperty({ type: () => LikelihoodDto, example: NTA.likelihood })
  @IsDefined()
  @ValidateNested()
  @Type(() => LikelihoodDto)
  likelihood: LikelihoodDto;

  @ApiProperty({ enum: CONFIDENCE_LEVELS, example: 'moderate' })
  @IsIn(CONFIDENCE_LEVELS)
  confidence: Confidence;

  @ApiProperty({ type: () => HorizonDto, example: { term: 'short-term', start: '2023-02-05' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => HorizonDto)
  horizon: HorizonDto;

  @ApiPropertyOptional({ type: () => SubjectDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubjectDto)
  subject?: SubjectDto;

  @ApiPropertyOptional({ type: () => SourceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto;

  /** One of the configured markings (CLASSIFICATION_LEVELS); the lowest when omitted. */
  @ApiPropertyOptional({ example: 'UNCLASSIFIED', description: 'One of CLASSIFICATION_LEVELS, not above your clearance; the lowest when omitted' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][A-Z0-9 _-]{0,39}$/, { message: 'classification must be a marking in capitals, e.g. RESTRICTED' })
  classification?: string;
}
