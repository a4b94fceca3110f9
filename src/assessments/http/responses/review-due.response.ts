import { ApiProperty } from '@nestjs/swagger';
import { AssessmentSummaryResponse } from './assessment-summary.response.js';

export class ReviewDueItemSchema {
  @ApiProperty({ type: () => AssessmentSummaryResponse })
  assessment: AssessmentSummaryResponse;

  @ApiProperty({ enum: ['horizon-ended', 'not-revised', 'linchpin-invalid'], isArray: true, example: ['horizon-ended'] })
  reasons: string[];
}

export class ReviewDueResponse {
  @ApiProperty({ type: () => [ReviewDueItemSchema] })
  items: ReviewDueItemSchema[];

  @ApiProperty({ example: 1, description: 'Matches in all pages (up to the count limit: see totalIsLowerBound)' })
  total: number;

  @ApiProperty({
    example: false,
    description: 'True when the count stopped at its limit (LIST_COUNT_LIMIT, 10,000 by default): there are at least `total` matches, maybe more',
  })
  totalIsLowerBound: boolean;

  @ApiProperty({ nullable: true, example: null })
  nextCursor: string | null;

  @ApiProperty({ example: 180 })
  staleAfterDays: number;

  @ApiProperty({ example: '12' })
  position: string;
}
