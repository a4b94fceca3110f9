import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LedgerMetrics } from './ledger-metrics.js';

/**
 * Counts and times every HTTP answer by route pattern (`/assessments/:id`,
 * never the concrete id, so the label set stays small), including those no
 * controller saw: 401/403/429 from the guards, 404 for unknown paths.
 */
@Injectable()
export class HttpMetricsHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: LedgerMetrics,
  ) {}

  onModuleInit(): void {
    // Offline tools build an application context with no HTTP server.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.metrics.recordHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    });
  }
}
