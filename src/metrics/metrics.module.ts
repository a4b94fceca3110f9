import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { COMMIT_OBSERVER } from '../event-store/commit-observer.js';
import { CommandMetricsRecorder } from './command-metrics.recorder.js';
import { HttpMetricsHook } from './http-metrics.hook.js';
import { LedgerMetrics } from './ledger-metrics.js';
import { AdminMetricsController, PublicMetricsController } from './metrics.controller.js';
import { ProjectionMetricsCollector } from './projection-metrics.collector.js';

/**
 * Prometheus metrics at GET /metrics. Global so the event store's factory can
 * find its commit observer wherever the store module sits in the import order.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [config.metricsPublic ? PublicMetricsController : AdminMetricsController],
      providers: [
        LedgerMetrics,
        { provide: COMMIT_OBSERVER, useExisting: LedgerMetrics },
        CommandMetricsRecorder,
        HttpMetricsHook,
        ProjectionMetricsCollector,
      ],
      exports: [LedgerMetrics, COMMIT_OBSERVER],
    };
  }
}
