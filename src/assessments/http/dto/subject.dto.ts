import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '../../domain/assessment-values.js';
import { NTA } from '../../../openapi/nta-examples.js';

export class SubjectDto {
  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.subjectItems, example: NTA.subject.actors })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.subjectItems)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LIMITS.subjectItem, { each: true })
  actors?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.subjectItems, example: NTA.subject.regions })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.subjectItems)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LIMITS.subjectItem, { each: true })
  regions?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.subjectItems, example: NTA.subject.topics })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.subjectItems)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LIMITS.subjectItem, { each: true })
  topics?: string[];
}
