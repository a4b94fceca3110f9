import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '../../domain/assessment-values.js';

/** Where the statement was published: document and, optionally, section. */
export class SourceDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.sourceField)
  document: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.sourceField)
  section?: string;
}
