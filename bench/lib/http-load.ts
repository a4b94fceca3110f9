/**
 * Parent side of the HTTP benchmarks: a server in one child process, the
 * load generator in another, and small fetch helpers to prepare data.
 */
import type { ChildProcess } from 'node:child_process';
import { BENCH_AUTH_HEADERS } from './bearer-token.js';
import { childExited, forkBenchChild, nextMessage } from './child-process.js';
import type { LoadResult, RunLoadMessage } from './autocannon.child.js';
import type { StartMessage, StoppedMessage } from './http-server.child.js';
import type { LoadPlan } from './load-plans.js';
import { round } from './stats.js';

export type { LoadResult } from './autocannon.child.js';

export interface ServerHandle {
  readonly url: string;
  readonly pid: number;
  /** The event store's group-commit counters so far (ledger only). */
  groupCommit(): Promise<StoppedMessage['groupCommit']>;
  /** Stops the server; resolves with its peak memory and (ledger) group-commit counters. */
  stop(): Promise<StoppedMessage>;
}

export async function startServer(start: StartMessage): Promise<ServerHandle> {
  const child: ChildProcess = forkBenchChild('lib/http-server.child');
  try {
    child.send(start);
    const { url } = await nextMessage<{ type: 'ready'; url: string }>(child, 'ready', 60_000);
    return {
      url,
      pid: child.pid!,
      async groupCommit() {
        child.send({ type: 'stats' });
        return (await nextMessage<{ type: 'stats'; groupCommit: StoppedMessage['groupCommit'] }>(child, 'stats', 10_000)).groupCommit;
      },
      async stop() {
        try {
          child.send({ type: 'stop' });
          return await nextMessage<StoppedMessage>(child, 'stopped', 30_000);
        } finally {
          await childExited(child);
        }
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

export interface LoadOptions {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
}

/**
 * Several loads of one kind taken as one: requests and seconds summed (so
 * requests/s is over all of them), status counts summed, p50 the median of
 * the loads' p50s and p99 the highest of their p99s.
 */
export function combineLoads(loads: readonly LoadResult[]): LoadResult {
  if (loads.length === 0) throw new Error('combineLoads needs at least one load');
  if (loads.length === 1) return loads[0];
  const sum = (pick: (load: LoadResult) => number) => loads.reduce((total, load) => total + pick(load), 0);
  const requests = sum((l) => l.requests);
  const seconds = sum((l) => l.seconds);
  const status2xx = sum((l) => l.status2xx);
  const non2xx = sum((l) => l.non2xx);
  const statusCodes: Record<string, number> = {};
  for (const load of loads) for (const [code, count] of Object.entries(load.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const p50s = loads.map((l) => l.p50Ms).sort((a, b) => a - b);
  return {
    requests,
    seconds: round(seconds, 3),
    requestsPerSecond: seconds > 0 ? Math.round(requests / seconds) : 0,
    p50Ms: p50s[(p50s.length - 1) >> 1],
    p99Ms: Math.max(...loads.map((l) => l.p99Ms)),
    status2xx,
    non2xx,
    share2xx: status2xx + non2xx > 0 ? round(status2xx / (status2xx + non2xx), 4) : 0,
    statusCodes,
    errors: sum((l) => l.errors),
    timeouts: sum((l) => l.timeouts),
  };
}

/** Runs autocannon in its own process against `url` and returns what it measured. */
export async function runLoad(url: string, plan: LoadPlan, options: LoadOptions): Promise<LoadResult> {
  const child = forkBenchChild('lib/autocannon.child');
  try {
    const message: RunLoadMessage = { type: 'run', url, plan, ...options };
    child.send(message);
    const timeoutMs = (options.durationSeconds + options.warmupSeconds) * 1000 + 60_000;
    return (await nextMessage<{ type: 'result'; result: LoadResult }>(child, 'result', timeoutMs)).result;
  } finally {
    await childExited(child);
  }
}

export async function requestJson<T>(url: string, method: 'GET' | 'POST', body?: unknown): Promise<{ status: number; text: string; body: T }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? { ...BENCH_AUTH_HEADERS } : { 'content-type': 'application/json', ...BENCH_AUTH_HEADERS },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Runs `task` over `items` with at most `concurrency` in flight; results in input order. */
export async function mapConcurrently<I, O>(items: readonly I[], concurrency: number, task: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  });
  await Promise.all(workers);
  return results;
}

const REGIONS = ['Moldova', 'Georgia', 'Armenia', 'Belarus', 'Kazakhstan', 'Azerbaijan', 'Ukraine', 'Baltic states'];

/**
 * Drafts `count` assessments through the API (as users would), one region
 * each in turn so a region filter matches one in eight. Returns their ids;
 * each is at revision 0.
 */
export async function draftAssessments(url: string, count: number): Promise<string[]> {
  return mapConcurrently(Array.from({ length: count }, (_, i) => i), 16, async (i) => {
    const answer = await requestJson<{ assessmentId: string }>(`${url}/assessments`, 'POST', {
      statement: `Active escalation of the frozen conflicts is unlikely in the short term while Russian resources are committed to the war against Ukraine (${i}).`,
      likelihood: { scale: 'nta', term: 'unlikely' },
      confidence: 'moderate',
      horizon: { term: 'short-term', start: '2023-02-05' },
      subject: { actors: ['Russia'], regions: [REGIONS[i % REGIONS.length]], topics: ['military pressure'] },
      source: { document: 'National Threat Assessment 2023', section: 'Post-Soviet region' },
      rationale: 'Russian resources are tied up in the war against Ukraine, so pressure elsewhere stays limited.',
    });
    if (answer.status !== 201) throw new Error(`drafting failed: ${answer.status} ${answer.text}`);
    return answer.body.assessmentId;
  });
}
