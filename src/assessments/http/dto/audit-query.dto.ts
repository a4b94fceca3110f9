import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ASSESSMENT_EVENT_TYPES } from '../../domain/assessment-events.js';
import { CommaList, NumberFromQuery } from './list-query.transforms.js';

/** `GET /audit`: the change feed, filtered and paginated by position. */
export class AuditQueryDto {
  /** Who made the change. */
  @ApiPropertyOptional({ maxLength: 100, example: 'alice', description: 'Who made the change' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({ enum: ASSESSMENT_EVENT_TYPES, isArray: true, example: ['LikelihoodChanged'], description: 'Comma list of event types' })
  @IsOptional()
  @CommaList()
  @IsArray()
  @IsIn(ASSESSMENT_EVENT_TYPES, { each: true })
  type?: string[];

  @ApiPropertyOptional({ format: 'uuid', example: '0b8e1c7a-3f7e-4c55-9c1e-2f4a9d8b6e01' })
  @IsOptional()
  @IsUUID()
  assessmentId?: string;

  /** Recorded time range [from, to). */
  @ApiPropertyOptional({ format: 'date-time', example: '2023-01-01T00:00:00Z', description: 'Recorded from (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2024-01-01T00:00:00Z', description: 'Recorded before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  /** Effective time range [effectiveFrom, effectiveTo). */
  @ApiPropertyOptional({ format: 'date-time', example: '2023-02-05T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2023-12-31T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveTo?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], example: 'desc', description: 'By position; default desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, example: 50 })
  @IsOptional()
  @NumberFromQuery()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ pattern: '^\\d{1,20}$', example: '42', description: 'Wait (up to READ_MODEL_WAIT_MS) until the read models include this position, as a command answered; else 503' })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'minPosition must be a position as returned by a command (digits)' })
  minPosition?: string;
}
