import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ANALYTIC_LINES, LINE_CLASSES } from '../../queries/get-analytic-line-report.query.js';
import { NTA } from '../../../openapi/nta-examples.js';
import { AssessmentSummaryResponse } from './assessment-summary.response.js';

export class LineChangesSchema {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { from: { scale: 'nta', term: 'unlikely' }, to: { scale: 'nta', term: 'possible' }, direction: 'up' },
    description: 'from, to (likelihoods) and direction (up, down or null)',
  })
  likelihood?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { from: 'moderate', to: 'high', direction: 'up' } })
  confidence?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { from: NTA.statement, to: NTA.rewording } })
  reworded?: Record<string, unknown>;
}

export class InterimChangeSchema {
  @ApiProperty({ example: 2 })
  revision: number;

  @ApiProperty({ example: 'LikelihoodChanged' })
  type: string;

  @ApiProperty({ example: NTA.analyst })
  actor: string;

  @ApiProperty({ format: 'date-time', example: '2023-11-01T00:00:00.000Z' })
  effectiveAt: string;

  @ApiProperty({ nullable: true, example: 'Partners hedge more than expected.' })
  rationale: string | null;

  @ApiProperty({ nullable: true, example: 'new-reasoning' })
  basis: string | null;
}

export class LineItemSchema {
  @ApiProperty({ enum: LINE_CLASSES, example: 'changed' })
  class: string;

  @ApiProperty({ format: 'uuid', example: NTA.assessmentId })
  assessmentId: string;

  @ApiProperty({ example: false, description: 'Created inside the window' })
  createdInWindow: boolean;

  @ApiProperty({ type: () => AssessmentSummaryResponse, nullable: true })
  atFrom: AssessmentSummaryResponse | null;

  @ApiProperty({ type: () => AssessmentSummaryResponse })
  atTo: AssessmentSummaryResponse;

  @ApiProperty({ type: () => LineChangesSchema })
  changes: LineChangesSchema;

  @ApiProperty({ type: () => [InterimChangeSchema] })
  interim: InterimChangeSchema[];
}

export class AnalyticLineResponse {
  @ApiProperty({ format: 'date-time', example: '2023-02-05T00:00:00.000Z' })
  from: string;

  @ApiProperty({ format: 'date-time', example: '2024-02-05T00:00:00.000Z' })
  to: string;

  @ApiProperty({ enum: ANALYTIC_LINES, example: 'working', description: 'The line reported: as recorded, or as published' })
  line: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { new: 1, changed: 1, consistent: 3, withdrawn: 0, superseded: 1, resolved: 2 },
  })
  counts: Record<string, number>;

  @ApiProperty({ type: () => [LineItemSchema] })
  items: LineItemSchema[];

  @ApiProperty({ example: '40' })
  position: string;
}
