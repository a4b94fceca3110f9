import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { RationaleDto } from './rationale.dto.js';
import { NTA } from '../../../openapi/nta-examples.js';

/** A change to an existing assessment: made against the revision the caller read. */
export class ChangeDto extends RationaleDto {
  @ApiProperty({ minimum: 0, example: 0, description: 'The revision the change was made against (from the last answer, or the ETag); a stale one gets 409. May be left out when an If-Match header gives it' })
  @IsInt()
  @Min(0)
  expectedRevision: number;

  /** Id of the event that prompted this change (e.g. an indicator observation). */
  @ApiPropertyOptional({ format: 'uuid', example: NTA.eventId, description: 'Id of the event that prompted this change, e.g. an indicator observation' })
  @IsOptional()
  @IsUUID()
  causationId?: string;
}
