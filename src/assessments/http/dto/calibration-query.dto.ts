import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { CALIBRATION_GROUPINGS } from '../../queries/get-calibration.query.js';
import type { CalibrationGrouping } from '../../queries/get-calibration.query.js';
import { NumberFromQuery } from './list-query.transforms.js';

export class CalibrationQueryDto {
  /** Outcomes known from this time (inclusive). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Outcomes known before this time. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @IsOptional()
  @IsIn(CALIBRATION_GROUPINGS)
  groupBy?: CalibrationGrouping;

  @IsOptional()
  @NumberFromQuery()
  @IsInt()
  @Min(2)
  @Max(20)
  bins?: number;

  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'minPosition must be a position as returned by a command (digits)' })
  minPosition?: string;
}
