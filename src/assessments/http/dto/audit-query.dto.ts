import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ASSESSMENT_EVENT_TYPES } from '../../domain/assessment-events.js';
import { CommaList } from './list-query.transforms.js';
import { MinPosition, OptionalInstant, PageCursor, PageLimit } from './query-fields.decorators.js';

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
  @OptionalInstant('2023-01-01T00:00:00Z', 'Recorded from (inclusive)')
  from?: string;

  @OptionalInstant('2024-01-01T00:00:00Z', 'Recorded before')
  to?: string;

  /** Effective time range [effectiveFrom, effectiveTo). */
  @OptionalInstant('2023-02-05T00:00:00Z')
  effectiveFrom?: string;

  @OptionalInstant('2023-12-31T00:00:00Z')
  effectiveTo?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], example: 'desc', description: 'By position; default desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @PageLimit()
  limit?: number;

  @PageCursor()
  cursor?: string;

  @MinPosition()
  minPosition?: string;
}
