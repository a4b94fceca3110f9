import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AssessmentsModule } from './assessments/assessments.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { HealthModule } from './health/health.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';
import { IntegrityModule } from './integrity/integrity.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ProjectionsModule } from './projections/projections.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        AuthModule,
        CqrsModule.forRoot(),
        EventStoreModule,
        IntegrityModule,
        ProjectionsModule,
        AssessmentsModule,
        IdempotencyModule,
        HealthModule,
        MetricsModule.forRoot(config),
      ],
    };
  }
}
