import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { CommitObserver, CommittedBatch } from '../event-store/commit-observer.js';

/**
 * What a command ended with, as a metric label: `ok`, `conflict` for a stale
 * expectedRevision, otherwise the HTTP status it answers (`400`, `404`, `422`, …).
 */
export type CommandResultLabel = string;

/**
 * The service's Prometheus metrics, in a registry of its own rather than
 * prom-client's global one: every application instance (several run in one
 * test process) counts for itself and never meets "metric already registered".
 */
@Injectable()
export class LedgerMetrics implements CommitObserver {
  readonly registry = new Registry();

  private readonly commands = new Counter({
    name: 'ledger_commands_total',
    help: 'Commands executed through the command bus, by command type and result (ok, conflict, or the HTTP status answered)',
    labelNames: ['command', 'result'] as const,
    registers: [this.registry],
  });

  private readonly commandSeconds = new Histogram({
    name: 'ledger_command_duration_seconds',
    help: 'Time from the command bus taking a command to its handler answering (load, fold, decide, append)',
    labelNames: ['command', 'result'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly commitBatchSize = new Histogram({
    name: 'ledger_event_store_commit_batch_size',
    help: 'Appends written per group commit (one transaction, one fsync) of the embedded SQLite store',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
    registers: [this.registry],
  });

  private readonly eventsAppended = new Counter({
    name: 'ledger_events_appended_total',
    help: 'Events committed to the embedded SQLite store (all streams, idempotency records included)',
    registers: [this.registry],
  });

  private readonly httpRequests = new Counter({
    name: 'ledger_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly httpSeconds = new Histogram({
    name: 'ledger_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly cacheLookups = new Counter({
    name: 'ledger_cache_lookups_total',
    help: 'Lookups in the in-memory caches of the read path, by cache (list: GET /assessments answers; token: verified bearer tokens) and result (hit, miss)',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Process CPU, memory, event-loop lag, GC: the usual Node.js series.
    collectDefaultMetrics({ register: this.registry });
  }

  recordCommand(command: string, result: CommandResultLabel, seconds: number): void {
    this.commands.inc({ command, result });
    this.commandSeconds.observe({ command, result }, seconds);
  }

  /**
   * The series of one label set, looked up by a key of our own: prom-client
   * sorts and joins the labels of every call to find its series, a cost every
   * request paid twice (count and duration) before.
   */
  private readonly httpSeries = new Map<string, { readonly count: Counter.Internal; readonly duration: Histogram.Internal<'method' | 'route'> }>();
  private readonly cacheSeries = new Map<string, Counter.Internal>();

  recordHttpRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.httpSeries.get(key);
    if (!series) {
      series = { count: this.httpRequests.labels({ method, route, status: String(status) }), duration: this.httpSeconds.labels({ method, route }) };
      this.httpSeries.set(key, series);
    }
    series.count.inc();
    series.duration.observe(seconds);
  }

  recordCacheLookup(cache: 'list' | 'token', hit: boolean): void {
    const result = hit ? 'hit' : 'miss';
    const key = `${cache} ${result}`;
    let series = this.cacheSeries.get(key);
    if (!series) this.cacheSeries.set(key, (series = this.cacheLookups.labels({ cache, result })));
    series.inc();
  }

  onCommit(batch: CommittedBatch): void {
    this.commitBatchSize.observe(batch.appends);
    this.eventsAppended.inc(batch.events);
  }

  /** The exposition text and its content type, for GET /metrics. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
