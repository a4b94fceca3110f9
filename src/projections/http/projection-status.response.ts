import { ApiProperty } from '@nestjs/swagger';

export class RebuildProgressSchema {
  @ApiProperty({ enum: ['loading', 'indexing', 'swapping'], example: 'loading' })
  phase: string;

  @ApiProperty({ example: '2500' })
  position: string;

  @ApiProperty({ example: '5000' })
  head: string;

  @ApiProperty({ format: 'date-time', example: '2024-03-01T10:00:00.000Z' })
  startedAt: string;
}

export class ProjectionStatusResponse {
  @ApiProperty({ example: 'read-models' })
  name: string;

  @ApiProperty({ example: true, description: 'The live runner is subscribed to the log' })
  running: boolean;

  @ApiProperty({ example: '1740', description: 'Last position applied to the read models' })
  position: string;

  @ApiProperty({ example: 1740, description: 'Events applied since start' })
  applied: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: {}, description: 'Unknown event types skipped, with counts' })
  skipped: Record<string, number>;

  @ApiProperty({ example: 0 })
  failures: number;

  @ApiProperty({ nullable: true, example: null })
  lastError: string | null;

  @ApiProperty({ example: '1742', description: 'Head position of the log' })
  head: string;

  @ApiProperty({ example: '2', description: 'head − position' })
  lag: string;

  @ApiProperty({ type: () => RebuildProgressSchema, nullable: true, description: 'The rebuild running now, if any' })
  rebuild: RebuildProgressSchema | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { events: 1740, position: '1740', seconds: 0.84, eventsPerSecond: 2071, finishedAt: '2024-03-01T10:00:01.000Z' },
    description: 'Report of the last rebuild (or its error)',
  })
  lastRebuild: Record<string, unknown> | null;
}

export class RebuildStartedResponse {
  @ApiProperty({ type: () => RebuildProgressSchema })
  rebuild: RebuildProgressSchema;
}
