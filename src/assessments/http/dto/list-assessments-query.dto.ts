import { IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ASSESSMENT_STATUSES, CONFIDENCE_LEVELS } from '../../domain/assessment-values.js';
import { LIST_SORT_KEYS } from '../../queries/list-assessments.query.js';
import { CommaList, NumberFromQuery } from './list-query.transforms.js';
import { ReadModelQueryDto } from './read-model-query.dto.js';

export const SORT_OPTIONS = LIST_SORT_KEYS.flatMap((key) => [key, `-${key}`]);

/** The filters of `GET /assessments`, shared by the reports that select assessments the same way. */
export class AssessmentFilterDto extends ReadModelQueryDto {
  @IsOptional()
  @CommaList()
  @IsArray()
  @IsIn(ASSESSMENT_STATUSES, { each: true })
  status?: string[];

  @IsOptional()
  @CommaList()
  @IsArray()
  @IsIn(CONFIDENCE_LEVELS, { each: true })
  confidence?: string[];

  @IsOptional()
  @CommaList()
  @IsArray()
  @Matches(/^[A-Z][A-Z0-9 _-]{0,39}$/, { each: true, message: 'classification must list markings in capitals' })
  classification?: string[];

  /** Subject actor, e.g. Russia. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  actor?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  region?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  topic?: string;

  /** The analyst who drafted it. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  createdBy?: string;

  /** A band in any scale, `scale:term` (e.g. `nta:likely`): band midpoints inside it match. */
  @IsOptional()
  @Matches(/^(icd203|phia|nta):[a-z-]+$/, { message: 'likelihood must be scale:term, e.g. nta:likely' })
  likelihood?: string;

  @IsOptional()
  @NumberFromQuery()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minProbability?: number;

  @IsOptional()
  @NumberFromQuery()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  maxProbability?: number;

  @IsOptional()
  @IsISO8601({ strict: true })
  horizonEndsBefore?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  horizonEndsAfter?: string;

  /** Only assessments with a standing dissent (true) or without one (false). */
  @IsOptional()
  @IsIn(['true', 'false'])
  hasDissent?: 'true' | 'false';

  /** Full-text search over statements and rationales. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;
}

/** `GET /assessments`: the filters, plus sort, cursor page, and an optional time point. */
export class ListAssessmentsQueryDto extends AssessmentFilterDto {
  @IsOptional()
  @IsIn(SORT_OPTIONS)
  sort?: string;

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

  /** Effective time: the list as it was judged to stand then. */
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  /** Recorded time: the list as the ledger held it then. */
  @IsOptional()
  @IsISO8601({ strict: true })
  recordedAsOf?: string;
}
