import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NumberFromQuery } from './list-query.transforms.js';
import { ReadModelQueryDto } from './read-model-query.dto.js';

export class ReviewDueQueryDto extends ReadModelQueryDto {
  /** Overrides REVIEW_STALE_DAYS for this request. */
  @ApiPropertyOptional({ minimum: 1, maximum: 36500, example: 180, description: 'Overrides REVIEW_STALE_DAYS' })
  @IsOptional()
  @NumberFromQuery()
  @IsInt()
  @Min(1)
  @Max(36500)
  staleAfterDays?: number;

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
}
