import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** GET /health: kept as it always answered, for the crash tests and older probes. */
export class HealthResponseSchema {
  @ApiProperty({ example: 'ok', enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ example: '1742', description: 'Head position of the log (a string: positions are 64-bit)' })
  position: string;
}

const READY_DETAILS = {
  eventStore: { status: 'up', head: '1742' },
  projections: { status: 'up', position: '1740', head: '1742', lag: '2', maxLag: 1000, running: true },
};

/** GET /health/live and /health/ready when they pass (Terminus's result). */
export class HealthCheckResponseSchema {
  @ApiProperty({ example: 'ok', enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ type: 'object', additionalProperties: true, example: READY_DETAILS, description: 'Each check that passed' })
  info: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true, example: {}, description: 'Each check that failed (none)' })
  error: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true, example: READY_DETAILS, description: 'Every check, passed or not' })
  details: Record<string, unknown>;
}

/** GET /health/ready when a check fails: the service's error shape, with the checks beside it. */
export class NotReadyResponseSchema {
  @ApiProperty({ example: 503 })
  statusCode: number;

  @ApiProperty({ example: 'Service Unavailable' })
  error: string;

  @ApiProperty({ example: 'not ready: projections' })
  message: string;

  @ApiProperty({ example: 'error', enum: ['error'] })
  status: 'error';

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { projections: { status: 'down', position: '0', head: '5000', lag: '5000', maxLag: 1000, running: false } },
    description: 'The checks that failed, with why',
  })
  failing: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Every check, passed or not' })
  details?: Record<string, unknown>;
}
