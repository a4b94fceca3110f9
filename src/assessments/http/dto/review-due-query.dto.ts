import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NumberFromQuery } from './list-query.transforms.js';
import { ReadModelQueryDto } from './read-model-query.dto.js';

export class ReviewDueQueryDto extends ReadModelQueryDto {
  /** Overrides REVIEW_STALE_DAYS for this request. */
  @IsOptional()
  @NumberFromQuery()
  @IsInt()
  @Min(1)
  @Max(36500)
  staleAfterDays?: number;

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
}
