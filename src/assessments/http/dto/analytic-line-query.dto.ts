import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { ANALYTIC_LINES } from '../../queries/get-analytic-line-report.query.js';
import type { AnalyticLine } from '../../queries/get-analytic-line-report.query.js';
import { AssessmentFilterDto } from './list-assessments-query.dto.js';

/** `GET /reports/analytic-line`: two editions (effective times) and the filters of `GET /assessments`. */
export class AnalyticLineQueryDto extends AssessmentFilterDto {
  @ApiProperty({ format: 'date-time', example: '2023-02-05T00:00:00Z', description: 'Effective time of the earlier edition' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ format: 'date-time', example: '2024-02-05T00:00:00Z', description: 'Effective time of the later edition (after from)' })
  @IsISO8601({ strict: true })
  to: string;

  @ApiPropertyOptional({
    enum: ANALYTIC_LINES,
    default: 'working',
    description:
      '`working`: every judgment as recorded, drafts and changes awaiting publication included; `published`: the line as readers saw it at each edition (published judgments only, as last published then)',
  })
  @IsOptional()
  @IsIn(ANALYTIC_LINES)
  line?: AnalyticLine;
}
