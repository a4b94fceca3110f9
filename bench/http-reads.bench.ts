/**
 * Reads over HTTP: `GET /assessments/:id` (folds the stream) and a filtered
 * list from the read models, against a bare Fastify handler answering the
 * same bytes.
 *   npm run build && node dist/bench/http-reads.bench.js [seconds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { isMain } from './lib/cli.js';
import { generateAssessments } from './lib/generate-history.js';
import { requestJson, runLoad, startServer } from './lib/http-load.js';
import type { LoadOptions, LoadResult, ServerHandle } from './lib/http-load.js';
import { ratio } from './lib/stats.js';

export interface HttpReadsOptions {
  readonly assessments: number;
  /** Events in each assessment's stream (the draft included): what GET /assessments/:id folds. */
  readonly eventsPerAssessment: number;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
}

export const LIST_PATH = '/assessments?status=draft&region=Moldova&limit=20';

export interface HttpReadsFigures {
  readonly options: HttpReadsOptions;
  readonly listPath: string;
  readonly responseBytes: { readonly getOne: number; readonly list: number };
  readonly bare: { readonly getOne: LoadResult; readonly list: LoadResult };
  readonly ledger: {
    readonly getOne: LoadResult;
    /** With the list-answer cache (the default): repeated lists between two writes come from memory. */
    readonly list: LoadResult;
    /** LIST_CACHE_ENTRIES=0: every request runs the count and page queries. */
    readonly listUncached: LoadResult;
    readonly serverPeakRssMb: number;
  };
  /** Ledger requests/s ÷ bare handler requests/s. Target ≥ 0.5 each. */
  readonly getOneRatio: number;
  readonly listRatio: number;
  readonly listUncachedRatio: number;
}

export const HTTP_READS_DEFAULTS: HttpReadsOptions = {
  assessments: 1000,
  eventsPerAssessment: 10,
  connections: 64,
  durationSeconds: 10,
  warmupSeconds: 2,
};

/** Polls the admin endpoint until the read models have applied everything in the log. */
async function projectionsCaughtUp(server: ServerHandle, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await requestJson<{ lag: string; head: string }>(`${server.url}/admin/projections`, 'GET');
    if (status.status === 200 && status.body.lag === '0' && status.body.head !== '0') return;
    if (Date.now() > deadline) throw new Error(`projections did not catch up: ${status.text}`);
    await sleep(50);
  }
}

export async function benchHttpReads(options: HttpReadsOptions = HTTP_READS_DEFAULTS): Promise<HttpReadsFigures> {
  const load: LoadOptions = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-http-reads-'));
  try {
    // Histories written straight into the store the server will open (the service's own event shapes),
    // so that preparing 10k events takes a second, not a minute of HTTP.
    const store = new SqliteEventStore({ filename: join(dataDir, 'events.sqlite'), synchronous: 'OFF' });
    const { ids } = await generateAssessments(store, options.assessments, options.eventsPerAssessment);
    await store.close();

    const server = await startServer({ type: 'start', kind: 'ledger', dataDir });
    let ledgerGetOne: LoadResult;
    let ledgerList: LoadResult;
    let getOneBody: string;
    let listBody: string;
    try {
      await projectionsCaughtUp(server);
      const one = await requestJson(`${server.url}/assessments/${ids[0]}`, 'GET');
      const list = await requestJson<{ total: number }>(`${server.url}${LIST_PATH}`, 'GET');
      if (one.status !== 200 || list.status !== 200 || list.body.total === 0) {
        throw new Error(`unexpected read answers: ${one.status} ${list.status} ${list.text.slice(0, 200)}`);
      }
      getOneBody = one.text;
      listBody = list.text;
      ledgerGetOne = await runLoad(server.url, { kind: 'get-each', ids }, load);
      ledgerList = await runLoad(server.url, { kind: 'get-path', path: LIST_PATH }, load);
    } catch (error) {
      await server.stop().catch(() => undefined);
      throw error;
    }
    const stopped = await server.stop();

    // The same list again on a server that keeps no answers: what each read model query costs.
    const uncachedServer = await startServer({ type: 'start', kind: 'ledger', dataDir, env: { LIST_CACHE_ENTRIES: '0' } });
    let ledgerListUncached: LoadResult;
    try {
      await projectionsCaughtUp(uncachedServer);
      ledgerListUncached = await runLoad(uncachedServer.url, { kind: 'get-path', path: LIST_PATH }, load);
    } finally {
      await uncachedServer.stop();
    }

    const bareServer = await startServer({ type: 'start', kind: 'bare', getOneBody, listBody });
    let bareGetOne: LoadResult;
    let bareList: LoadResult;
    try {
      bareGetOne = await runLoad(bareServer.url, { kind: 'get-each', ids }, load);
      bareList = await runLoad(bareServer.url, { kind: 'get-path', path: LIST_PATH }, load);
    } finally {
      await bareServer.stop();
    }

    return {
      options,
      listPath: LIST_PATH,
      responseBytes: { getOne: Buffer.byteLength(getOneBody), list: Buffer.byteLength(listBody) },
      bare: { getOne: bareGetOne, list: bareList },
      ledger: { getOne: ledgerGetOne, list: ledgerList, listUncached: ledgerListUncached, serverPeakRssMb: stopped.peakRssMb },
      getOneRatio: ratio(ledgerGetOne.requestsPerSecond, bareGetOne.requestsPerSecond),
      listRatio: ratio(ledgerList.requestsPerSecond, bareList.requestsPerSecond),
      listUncachedRatio: ratio(ledgerListUncached.requestsPerSecond, bareList.requestsPerSecond),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const seconds = Number(process.argv[2] ?? HTTP_READS_DEFAULTS.durationSeconds);
  console.log(JSON.stringify(await benchHttpReads({ ...HTTP_READS_DEFAULTS, durationSeconds: seconds }), null, 2));
}
