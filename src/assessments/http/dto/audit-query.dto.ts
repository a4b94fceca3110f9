import { IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ASSESSMENT_EVENT_TYPES } from '../../domain/assessment-events.js';
import { CommaList, NumberFromQuery } from './list-query.transforms.js';

/** `GET /audit`: the change feed, filtered and paginated by position. */
export class AuditQueryDto {
  /** Who made the change. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  actor?: string;

  @IsOptional()
  @CommaList()
  @IsArray()
  @IsIn(ASSESSMENT_EVENT_TYPES, { each: true })
  type?: string[];

  @IsOptional()
  @IsUUID()
  assessmentId?: string;

  /** Recorded time range [from, to). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  /** Effective time range [effectiveFrom, effectiveTo). */
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveFrom?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveTo?: string;

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @IsOptional()
  @NumberFromQuery()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'minPosition must be a position as returned by a command (digits)' })
  minPosition?: string;
}
