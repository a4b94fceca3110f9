import { ApiProperty } from '@nestjs/swagger';
import { NTA } from '../../../openapi/nta-examples.js';

export class AuditEntrySchema {
  @ApiProperty({ example: '2' })
  position: string;

  @ApiProperty({ format: 'uuid', example: NTA.assessmentId })
  assessmentId: string;

  @ApiProperty({ example: 1 })
  revision: number;

  @ApiProperty({ example: 'LikelihoodChanged' })
  type: string;

  @ApiProperty({ example: NTA.analyst })
  actor: string;

  @ApiProperty({ format: 'date-time', example: '2023-03-01T09:12:00.000Z' })
  recordedAt: string;

  @ApiProperty({ format: 'date-time', example: '2023-03-01T00:00:00.000Z' })
  effectiveAt: string;

  @ApiProperty({ nullable: true, example: 'Further units withdrawn from Transnistria to Ukraine.' })
  rationale: string | null;

  @ApiProperty({ nullable: true, example: 'new-information' })
  basis: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { likelihood: { from: { scale: 'nta', term: 'unlikely' }, to: { scale: 'icd203', term: 'very-unlikely' } } },
    description: 'Fields of the judgment this event changed: { field: { from, to } }',
  })
  changes: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: null,
    description: 'For evidence, assumptions, indicators and outcomes: what was linked, stated, seen or recorded',
  })
  details: Record<string, unknown> | null;

  @ApiProperty({ format: 'uuid', example: NTA.eventId })
  eventId: string;

  @ApiProperty({ nullable: true, example: NTA.requestId })
  correlationId: string | null;

  @ApiProperty({ nullable: true, example: NTA.eventId })
  causationId: string | null;
}

export class AuditFeedResponse {
  @ApiProperty({ type: () => [AuditEntrySchema] })
  items: AuditEntrySchema[];

  @ApiProperty({ example: 1, description: 'Matches in all pages (up to the count limit: see totalIsLowerBound)' })
  total: number;

  @ApiProperty({
    example: false,
    description: 'True when the count stopped at its limit (LIST_COUNT_LIMIT, 10,000 by default): there are at least `total` matches, maybe more',
  })
  totalIsLowerBound: boolean;

  @ApiProperty({ nullable: true, example: null })
  nextCursor: string | null;

  @ApiProperty({ example: '2' })
  position: string;
}
