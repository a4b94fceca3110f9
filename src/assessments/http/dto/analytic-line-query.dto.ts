import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { AssessmentFilterDto } from './list-assessments-query.dto.js';

/** `GET /reports/analytic-line`: two editions (effective times) and the filters of `GET /assessments`. */
export class AnalyticLineQueryDto extends AssessmentFilterDto {
  @ApiProperty({ format: 'date-time', example: '2023-02-05T00:00:00Z', description: 'Effective time of the earlier edition' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ format: 'date-time', example: '2024-02-05T00:00:00Z', description: 'Effective time of the later edition (after from)' })
  @IsISO8601({ strict: true })
  to: string;
}
