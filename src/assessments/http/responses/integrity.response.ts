import { ApiProperty } from '@nestjs/swagger';
import { NTA } from '../../../openapi/nta-examples.js';

export class IntegrityResponse {
  @ApiProperty({ format: 'uuid', example: NTA.assessmentId })
  assessmentId: string;

  @ApiProperty({ example: `assessment-${NTA.assessmentId}` })
  stream: string;

  @ApiProperty({ example: 3 })
  events: number;

  @ApiProperty({ example: true })
  valid: boolean;

  @ApiProperty({ nullable: true, example: null, description: 'First revision whose hash or link does not hold' })
  firstBrokenRevision: number | null;

  @ApiProperty({ enum: ['hash-mismatch', 'broken-link', 'revision-gap', 'unhashed'], nullable: true, example: null })
  reason: string | null;

  @ApiProperty({
    nullable: true,
    example: '9f2c4e1a7b3d5f6e8a0c2b4d6f8e0a1c3e5b7d9f1a2c4e6b8d0f2a4c6e8b0d2f',
    description: 'SHA-256 of the last event when the chain holds: worth keeping outside the ledger',
  })
  headHash: string | null;
}
