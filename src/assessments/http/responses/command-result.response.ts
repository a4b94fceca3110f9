import { ApiProperty } from '@nestjs/swagger';
import { NTA } from '../../../openapi/nta-examples.js';

/** What every accepted command answers. */
export class CommandResultResponse {
  @ApiProperty({ format: 'uuid', example: NTA.assessmentId })
  assessmentId: string;

  @ApiProperty({ example: 0, description: 'Revision the assessment is at now: the next change sends it as expectedRevision' })
  revision: number;

  @ApiProperty({ example: '1', description: 'Global position of the last event written; pass it as minPosition to read your write' })
  position: string;

  @ApiProperty({ type: [String], example: [NTA.eventId], description: 'Ids of the events written, in order; one may be a later causationId' })
  eventIds: string[];
}

export class EvidenceLinkedResponse extends CommandResultResponse {
  @ApiProperty({ format: 'uuid', example: NTA.subResourceId })
  evidenceId: string;
}

export class AssumptionStatedResponse extends CommandResultResponse {
  @ApiProperty({ format: 'uuid', example: NTA.subResourceId })
  assumptionId: string;
}

export class IndicatorAddedResponse extends CommandResultResponse {
  @ApiProperty({ format: 'uuid', example: NTA.subResourceId })
  indicatorId: string;
}

export class IndicatorObservedResponse extends CommandResultResponse {
  @ApiProperty({ format: 'uuid', example: NTA.eventId, description: 'Id of the event recording the observation; a change it prompts names it as causationId' })
  observationId: string;
}

export class DissentRecordedResponse extends CommandResultResponse {
  @ApiProperty({ format: 'uuid', example: NTA.subResourceId })
  dissentId: string;
}
