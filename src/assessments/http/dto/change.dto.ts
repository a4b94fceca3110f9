import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { RationaleDto } from './rationale.dto.js';

/** A change to an existing assessment: made against the revision the caller read. */
export class ChangeDto extends RationaleDto {
  @IsInt()
  @Min(0)
  expectedRevision: number;

  /** Id of the event that prompted this change (e.g. an indicator observation). */
  @IsOptional()
  @IsUUID()
  causationId?: string;
}
