import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '../../domain/assessment-values.js';

export class SubjectDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.subjectItems)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LIMITS.subjectItem, { each: true })
  actors?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.subjectItems)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LIMITS.subjectItem, { each: true })
  regions?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.subjectItems)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LIMITS.subjectItem, { each: true })
  topics?: string[];
}
