import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { ANALYTIC_LINES } from '../../queries/get-analytic-line-report.query.js';
import type { AnalyticLine } from '../../queries/get-analytic-line-report.query.js';
import { CALIBRATION_GROUPINGS } from '../../queries/get-calibration.query.js';
import type { CalibrationGrouping } from '../../queries/get-calibration.query.js';
import { NumberFromQuery } from './list-query.transforms.js';
import { MinPosition } from './query-fields.decorators.js';

export class CalibrationQueryDto {
  /** Outcomes known from this time (inclusive). */
  @ApiPropertyOptional({ format: 'date-time', example: '2023-01-01T00:00:00Z', description: 'Outcomes known from (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Outcomes known before this time. */
  @ApiPropertyOptional({ format: 'date-time', example: '2025-01-01T00:00:00Z', description: 'Outcomes known before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: CALIBRATION_GROUPINGS, example: 'topic' })
  @IsOptional()
  @IsIn(CALIBRATION_GROUPINGS)
  groupBy?: CalibrationGrouping;

  @ApiPropertyOptional({ minimum: 2, maximum: 20, example: 10 })
  @IsOptional()
  @NumberFromQuery()
  @IsInt()
  @Min(2)
  @Max(20)
  bins?: number;

  @ApiPropertyOptional({
    enum: ANALYTIC_LINES,
    default: 'working',
    description:
      '`working`: every judgment stated, published or not (the analysts\' record); `published`: the main line as readers were shown it (each publication standing from its date)',
  })
  @IsOptional()
  @IsIn(ANALYTIC_LINES)
  line?: AnalyticLine;

  @MinPosition()
  minPosition?: string;
}
