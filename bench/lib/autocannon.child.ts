/**
 * Child entry for the load generator: runs autocannon in a process of its
 * own, so that generating load never competes with the server's event loop.
 * Protocol: parent sends `run` with the plan, child answers `result`.
 */
import autocannon from 'autocannon';
import { reportChildError } from './child-process.js';
import { requestsFor } from './load-plans.js';
import type { LoadPlan } from './load-plans.js';
import { perSecond, round, summariseLatencies } from './stats.js';

export interface RunLoadMessage {
  readonly type: 'run';
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Load sent first and discarded: lets the server's JIT and caches settle. */
  readonly warmupSeconds: number;
  readonly plan: LoadPlan;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Latency of 2xx answers (as autocannon counts it), from the client's side. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly status2xx: number;
  readonly non2xx: number;
  readonly share2xx: number;
  /** Count per HTTP status, to tell conflicts (409) from refusals (4xx) and failures (5xx). */
  readonly statusCodes: Record<string, number>;
  readonly errors: number;
  readonly timeouts: number;
}

async function runLoad(message: RunLoadMessage): Promise<LoadResult> {
  // One set of request definitions for warm-up and measurement, so revisions tracked during the warm-up carry on.
  const requests = requestsFor(message.plan);
  if (message.warmupSeconds > 0) {
    await autocannon({ url: message.url, connections: message.connections, duration: message.warmupSeconds, requests });
  }
  const latencies: number[] = [];
  const instance = autocannon({ url: message.url, connections: message.connections, duration: message.durationSeconds, requests });
  // autocannon's own histogram has 1 ms resolution; the response event carries the hrtime duration.
  instance.on('response', (_client: unknown, status: number, _bytes: number, milliseconds: number) => {
    if (status >= 200 && status < 300) latencies.push(milliseconds);
  });
  const result = await instance;
  const completed = Object.values(result.statusCodeStats).reduce((sum, s) => sum + s.count, 0);
  const latency = summariseLatencies(latencies);
  return {
    requests: completed,
    seconds: result.duration,
    requestsPerSecond: perSecond(completed, result.duration * 1000),
    p50Ms: latency.p50Ms,
    p99Ms: latency.p99Ms,
    status2xx: result['2xx'],
    non2xx: result.non2xx,
    share2xx: completed > 0 ? round(result['2xx'] / completed, 4) : 0,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

process.once('message', async (message: RunLoadMessage) => {
  try {
    process.send?.({ type: 'result', result: await runLoad(message) }, () => process.exit(0));
  } catch (error) {
    reportChildError(error);
    process.exitCode = 1;
  }
});
