import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { EVENT_STORE } from '../event-store/event-store.port.js';
import type { EventStore } from '../event-store/event-store.port.js';
import { ProjectionService } from '../projections/projection.service.js';
import { LedgerMetrics } from './ledger-metrics.js';

/**
 * Gauges read at scrape time rather than pushed: the log's head, and where
 * the read models stand against it. Nothing runs between scrapes.
 */
@Injectable()
export class ProjectionMetricsCollector implements OnModuleInit {
  constructor(
    private readonly metrics: LedgerMetrics,
    private readonly projections: ProjectionService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const projections = this.projections;
    const store = this.store;
    new Gauge({
      name: 'ledger_event_store_head_position',
      help: 'Position of the newest event in the log',
      registers,
      async collect() {
        const head = await store.headPosition().catch(() => null);
        if (head !== null) this.set(Number(head));
      },
    });
    // A closed store makes status() throw: the gauges then keep their last value.
    const status = () => projections.status().catch(() => null);
    new Gauge({
      name: 'ledger_projection_position',
      help: 'Last log position applied to the read models',
      registers,
      async collect() {
        const s = await status();
        if (s) this.set(Number(s.position));
      },
    });
    new Gauge({
      name: 'ledger_projection_lag',
      help: 'Positions the read models trail the head of the log (what /health/ready compares with READY_MAX_LAG)',
      registers,
      async collect() {
        const s = await status();
        if (s) this.set(Number(s.lag));
      },
    });
    new Gauge({
      name: 'ledger_projection_running',
      help: '1 while the live projection runner is subscribed to the log, 0 when stopped (PROJECTIONS=off) or failed',
      registers,
      async collect() {
        const s = await status();
        if (s) this.set(s.running ? 1 : 0);
      },
    });
  }
}
