import { ApiProperty } from '@nestjs/swagger';
import { NTA } from '../../../openapi/nta-examples.js';

export class CausedBySchema {
  @ApiProperty({ format: 'uuid', example: NTA.eventId })
  eventId: string;

  @ApiProperty({ example: 4 })
  revision: number;

  @ApiProperty({ example: 'IndicatorObserved' })
  type: string;
}

export class HistoryEntrySchema {
  @ApiProperty({ example: 0 })
  revision: number;

  @ApiProperty({ example: '1' })
  position: string;

  @ApiProperty({ format: 'uuid', example: NTA.eventId })
  eventId: string;

  @ApiProperty({ example: 'AssessmentDrafted' })
  type: string;

  @ApiProperty({ example: NTA.analyst, description: 'Subject of the token that caused it' })
  actor: string;

  @ApiProperty({ format: 'date-time', example: '2023-02-05T10:15:00.000Z' })
  recordedAt: string;

  @ApiProperty({ format: 'date-time', example: NTA.effectiveAt })
  effectiveAt: string;

  @ApiProperty({ nullable: true, example: NTA.rationale })
  rationale: string | null;

  @ApiProperty({ nullable: true, example: null })
  basis: string | null;

  @ApiProperty({ example: NTA.requestId, description: 'The request id (X-Request-Id) of the request that caused it' })
  correlationId: string;

  @ApiProperty({ example: NTA.eventId })
  causationId: string;

  @ApiProperty({ example: 1 })
  schemaVersion: number;

  @ApiProperty({ type: () => CausedBySchema, nullable: true })
  causedBy: CausedBySchema | null;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { statement: NTA.statement, rationale: NTA.rationale } })
  data: Record<string, unknown>;
}

export class AssessmentHistoryResponse {
  @ApiProperty({ format: 'uuid', example: NTA.assessmentId })
  assessmentId: string;

  @ApiProperty({ example: 0 })
  revision: number;

  @ApiProperty({ type: () => [HistoryEntrySchema] })
  events: HistoryEntrySchema[];
}
