import { ApiProperty } from '@nestjs/swagger';
import { AssessmentSummaryResponse } from './assessment-summary.response.js';

export class AssessmentListResponse {
  @ApiProperty({ type: () => [AssessmentSummaryResponse] })
  items: AssessmentSummaryResponse[];

  @ApiProperty({ example: 1, description: 'Matches in all pages (up to the count limit: see totalIsLowerBound)' })
  total: number;

  @ApiProperty({
    example: false,
    description: 'True when the count stopped at its limit (LIST_COUNT_LIMIT, 10,000 by default): there are at least `total` matches, maybe more',
  })
  totalIsLowerBound: boolean;

  @ApiProperty({ nullable: true, example: null, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor: string | null;

  @ApiProperty({ example: '3', description: 'Read-model position the answer reflects' })
  position: string;
}
