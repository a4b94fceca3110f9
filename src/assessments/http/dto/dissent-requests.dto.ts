import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { CONFIDENCE_LEVELS } from '../../domain/assessment-values.js';
import type { Confidence } from '../../domain/assessment-values.js';
import { ChangeDto } from './change.dto.js';
import { LikelihoodDto } from './likelihood.dto.js';
import { NTA } from '../../../openapi/nta-examples.js';

/** A dissent's position: its own likelihood (any scale, or a number) and/or confidence. */
export class DissentDto extends ChangeDto {
  @ApiPropertyOptional({ type: () => LikelihoodDto, example: { scale: 'nta', term: 'possible' } })
  @IsOptional()
  @ValidateNested()
  @Type(() => LikelihoodDto)
  likelihood?: LikelihoodDto;

  @ApiPropertyOptional({ enum: CONFIDENCE_LEVELS, example: 'low' })
  @IsOptional()
  @IsIn(CONFIDENCE_LEVELS)
  confidence?: Confidence;

  /** Evidence of the assessment the dissenter weighs differently. */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 100, example: [NTA.subResourceId] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  evidenceIds?: string[];
}
