import { IsISO8601 } from 'class-validator';
import { AssessmentFilterDto } from './list-assessments-query.dto.js';

/** `GET /reports/analytic-line`: two editions (effective times) and the filters of `GET /assessments`. */
export class AnalyticLineQueryDto extends AssessmentFilterDto {
  @IsISO8601({ strict: true })
  from: string;

  @IsISO8601({ strict: true })
  to: string;
}
