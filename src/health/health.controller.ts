import { Controller, Get, Inject, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService } from '@nestjs/terminus';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/access.decorators.js';
import { EVENT_STORE } from '../event-store/event-store.port.js';
import type { EventStore } from '../event-store/event-store.port.js';
import { ApiErrorResponses } from '../openapi/api-error-responses.decorator.js';
import { EventStoreHealthIndicator } from './event-store.health-indicator.js';
import { HealthCheckResponseSchema, HealthResponseSchema, NotReadyResponseSchema } from './health.responses.js';
import { ProjectionLagHealthIndicator } from './projection-lag.health-indicator.js';

/**
 * Probes, all public. `/health/live`: the process answers (restart it if
 * not). `/health/ready`: the event store answers and the read models are
 * within READY_MAX_LAG of the log (send it traffic if so). `/health`: the
 * original check, kept as it was for existing probes and tests.
 */
@ApiTags('health')
@Public()
@ApiErrorResponses(429)
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  private wasReady = true;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly checks: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly projectionLag: ProjectionLagHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The event store answers; the head position of the log' })
  @ApiOkResponse({ type: HealthResponseSchema })
  @ApiErrorResponses(503)
  async health() {
    return { status: 'ok', position: (await this.store.headPosition()).toString() };
  }

  @Get('live')
  @ApiOperation({
    summary: 'Liveness: the process is up and its event loop answers',
    description: 'Checks nothing else, so a slow store never gets a healthy process restarted.',
  })
  @ApiOkResponse({ type: HealthCheckResponseSchema })
  live() {
    return this.checks.check([]);
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the event store answers and the read models trail the log by at most READY_MAX_LAG positions',
  })
  @ApiOkResponse({ type: HealthCheckResponseSchema })
  @ApiServiceUnavailableResponse({ type: NotReadyResponseSchema, description: 'A check failed; `failing` says which and why' })
  async ready(): Promise<HealthCheckResult> {
    try {
      const result = await this.checks.check([() => this.eventStore.check(), () => this.projectionLag.check()]);
      if (!this.wasReady) this.logger.log('ready again');
      this.wasReady = true;
      return result;
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const failing = result.error ?? {};
      // Logged when readiness is lost, not on every probe of a replica that is catching up.
      if (this.wasReady) this.logger.warn(`not ready: ${JSON.stringify(failing)}`);
      this.wasReady = false;
      // Terminus's own body has a field named `error`, which the service's error shape uses for the status text.
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'Service Unavailable',
        message: `not ready: ${Object.keys(failing).join(', ')}`,
        status: 'error',
        failing,
        details: result.details,
      });
    }
  }
}
