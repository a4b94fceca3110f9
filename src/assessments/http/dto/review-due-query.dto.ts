import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { NumberFromQuery } from './list-query.transforms.js';
import { ReadModelQueryDto } from './read-model-query.dto.js';
import { PageCursor, PageLimit } from './query-fields.decorators.js';

export class ReviewDueQueryDto extends ReadModelQueryDto {
  /** Overrides REVIEW_STALE_DAYS for this request. */
  @ApiPropertyOptional({ minimum: 1, maximum: 36500, example: 180, description: 'Overrides REVIEW_STALE_DAYS' })
  @IsOptional()
  @NumberFromQuery()
  @IsInt()
  @Min(1)
  @Max(36500)
  staleAfterDays?: number;

  @PageLimit()
  limit?: number;

  @PageCursor()
  cursor?: string;
}
