import { ApiProperty } from '@nestjs/swagger';
import { AssessmentSummaryResponse } from './assessment-summary.response.js';

export class AssessmentListResponse {
  @ApiProperty({ type: () => [AssessmentSummaryResponse] })
  items: AssessmentSummaryResponse[];

  @ApiProperty({ example: 1, description: 'Matches in all pages' })
  total: number;

  @ApiProperty({ nullable: true, example: null, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor: string | null;

  @ApiProperty({ example: '3', description: 'Read-model position the answer reflects' })
  position: string;
}
