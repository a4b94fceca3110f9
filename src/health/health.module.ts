import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health-indicator.js';
import { HealthController } from './health.controller.js';
import { ProjectionLagHealthIndicator } from './projection-lag.health-indicator.js';

@Module({
  // The controller logs a failed readiness check itself, once, at warn: a
  // lagging replica is expected while it catches up, not an error.
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator, ProjectionLagHealthIndicator],
})
export class HealthModule {}
