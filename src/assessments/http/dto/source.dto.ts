import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '../../domain/assessment-values.js';
import { NTA } from '../../../openapi/nta-examples.js';

/** Where the statement was published: document and, optionally, section. */
export class SourceDto {
  @ApiProperty({ maxLength: LIMITS.sourceField, example: NTA.source.document })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.sourceField)
  document: string;

  @ApiPropertyOptional({ maxLength: LIMITS.sourceField, example: NTA.source.section })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.sourceField)
  section?: string;
}
