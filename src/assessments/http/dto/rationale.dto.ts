import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '../../domain/assessment-values.js';
import { NTA } from '../../../openapi/nta-examples.js';

/** What every command carries: why, and optionally when the judgment was made. */
export class RationaleDto {
  @ApiProperty({ maxLength: LIMITS.rationale, example: NTA.rationale, description: 'Why: recorded on the event and shown in the history and audit feed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.rationale)
  rationale: string;

  /** Backdates the change (imports of past reports); defaults to now. */
  @ApiPropertyOptional({ format: 'date-time', example: NTA.effectiveAt, description: 'When the judgment was made, if not now (backdating an imported report); not in the future, not before the previous change' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveAt?: string;
}
