import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '../../domain/assessment-values.js';

/** What every command carries: why, and optionally when the judgment was made. */
export class RationaleDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.rationale)
  rationale: string;

  /** Backdates the change (imports of past reports); defaults to now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveAt?: string;
}
