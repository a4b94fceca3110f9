import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ASSESSMENT_STATUSES, CONFIDENCE_LEVELS } from '../../domain/assessment-values.js';
import { LIST_SORT_KEYS } from '../../queries/list-assessments.query.js';
import { CommaList, NumberFromQuery } from './list-query.transforms.js';
import { ReadModelQueryDto } from './read-model-query.dto.js';
import { OptionalInstant, PageCursor, PageLimit } from './query-fields.decorators.js';

export const SORT_OPTIONS = LIST_SORT_KEYS.flatMap((key) => [key, `-${key}`]);

/** The filters of `GET /assessments`, shared by the reports that select assessments the same way. */
export class AssessmentFilterDto extends ReadModelQueryDto {
  @ApiPropertyOptional({ enum: ASSESSMENT_STATUSES, isArray: true, example: ['published'], description: 'Comma list' })
  @IsOptional()
  @CommaList()
  @IsArray()
  @IsIn(ASSESSMENT_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ enum: CONFIDENCE_LEVELS, isArray: true, example: ['moderate', 'high'], description: 'Comma list' })
  @IsOptional()
  @CommaList()
  @IsArray()
  @IsIn(CONFIDENCE_LEVELS, { each: true })
  confidence?: string[];

  @ApiPropertyOptional({ type: [String], example: ['UNCLASSIFIED'], description: 'Comma list of markings' })
  @IsOptional()
  @CommaList()
  @IsArray()
  @Matches(/^[A-Z][A-Z0-9 _-]{0,39}$/, { each: true, message: 'classification must list markings in capitals' })
  classification?: string[];

  /** Subject actor, e.g. Russia. */
  @ApiPropertyOptional({ maxLength: 200, example: 'Russia', description: 'Subject actor (case-insensitive)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Moldova', description: 'Subject region (case-insensitive)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  region?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'military pressure', description: 'Subject topic (case-insensitive)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  topic?: string;

  /** The analyst who drafted it. */
  @ApiPropertyOptional({ maxLength: 100, example: 'alice', description: 'Who drafted it' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  createdBy?: string;

  /** A band in any scale, `scale:term` (e.g. `nta:likely`): band midpoints inside it match. */
  @ApiPropertyOptional({ pattern: '^(icd203|phia|nta):[a-z-]+$', example: 'nta:unlikely', description: 'A band in any scale: assessments whose band midpoint lies in it' })
  @IsOptional()
  @Matches(/^(icd203|phia|nta):[a-z-]+$/, { message: 'likelihood must be scale:term, e.g. nta:likely' })
  likelihood?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.1 })
  @IsOptional()
  @NumberFromQuery()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minProbability?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.4 })
  @IsOptional()
  @NumberFromQuery()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  maxProbability?: number;

  @OptionalInstant('2024-01-01T00:00:00Z')
  horizonEndsBefore?: string;

  @OptionalInstant('2023-06-01T00:00:00Z')
  horizonEndsAfter?: string;

  /** Only assessments with a standing dissent (true) or without one (false). */
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only with (true) or without (false) a standing dissent' })
  @IsOptional()
  @IsIn(['true', 'false'])
  hasDissent?: 'true' | 'false';

  /** A reviewer's queue: open assessments with something to publish (true), or the rest (false). */
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'Only assessments awaiting publication (true: drafts, and published ones with changes of substance since; closed ones take no publication) or the rest (false)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  awaitingPublication?: 'true' | 'false';

  /** Full-text search over statements and rationales. */
  @ApiPropertyOptional({ maxLength: 500, example: 'escalation', description: 'Full text over statements and rationales' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;
}

/** `GET /assessments`: the filters, plus sort, cursor page, and an optional time point. */
export class ListAssessmentsQueryDto extends AssessmentFilterDto {
  @ApiPropertyOptional({ enum: SORT_OPTIONS, example: '-updatedAt', description: 'Leading - for descending; default -updatedAt' })
  @IsOptional()
  @IsIn(SORT_OPTIONS)
  sort?: string;

  @PageLimit()
  limit?: number;

  @PageCursor()
  cursor?: string;

  /** Effective time: the list as it was judged to stand then. */
  @OptionalInstant('2023-02-05T12:00:00Z', 'Effective time: the list as judged to stand then')
  asOf?: string;

  /** Recorded time: the list as the ledger held it then. */
  @OptionalInstant('2023-03-01T00:00:00Z', 'Recorded time: the list as the ledger held it then')
  recordedAsOf?: string;
}
