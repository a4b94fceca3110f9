/**
 * Reads over HTTP: `GET /assessments/:id` (folds the stream) and a filtered
 * list from the read models, against a bare Fastify handler answering the
 * same bytes.
 *   npm run build && node dist/bench/http-reads.bench.js [seconds per load] [rounds]
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { isMain } from './lib/cli.js';
import { generateAssessments } from './lib/generate-history.js';
import { combineLoads, requestJson, runLoad, startServer } from './lib/http-load.js';
import type { LoadOptions, LoadResult, ServerHandle } from './lib/http-load.js';
import type { StoppedMessage } from './lib/http-server.child.js';
import type { LoadPlan } from './lib/load-plans.js';
import { ratio } from './lib/stats.js';

export interface HttpReadsOptions {
  readonly assessments: number;
  /** Events in each assessment's stream (the draft included): what GET /assessments/:id folds. */
  readonly eventsPerAssessment: number;
  readonly connections: number;
  /** Length of each load, in each round. */
  readonly durationSeconds: number;
  /** Before each server's first load of each path only. */
  readonly warmupSeconds: number;
  /**
   * Rounds of loads, each taking every path on every server in turn, bare
   * and ledger side by side: a machine that slows down for a while slows
   * both, instead of only whichever was measured then.
   */
  readonly rounds: number;
}

export const LIST_PATH = '/assessments?status=draft&region=Moldova&limit=20';

type Measured = 'bareGetOne' | 'ledgerGetOne' | 'bareList' | 'ledgerList' | 'ledgerListUncached';

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
  /** The same three ratios round by round, to show how much they moved. */
  readonly roundRatios: { readonly getOne: number[]; readonly list: number[]; readonly listUncached: number[] };
}

export const HTTP_READS_DEFAULTS: HttpReadsOptions = {
  assessments: 1000,
  eventsPerAssessment: 10,
  connections: 64,
  durationSeconds: 5,
  warmupSeconds: 2,
  rounds: 2,
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
    const cachedDir = join(dataDir, 'cached');
    const uncachedDir = join(dataDir, 'uncached');
    mkdirSync(cachedDir);
    mkdirSync(uncachedDir);
    const store = new SqliteEventStore({ filename: join(cachedDir, 'events.sqlite'), synchronous: 'OFF' });
    const { ids } = await generateAssessments(store, options.assessments, options.eventsPerAssessment);
    await store.close();
    // Each server has a data directory of its own: two services on one directory would both project into it.
    copyFileSync(join(cachedDir, 'events.sqlite'), join(uncachedDir, 'events.sqlite'));

    // All three servers run at once and take their loads in turns (only the loaded one has work).
    const servers: ServerHandle[] = [];
    const stopAll = () => Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
    let loads: Record<Measured, LoadResult[]>;
    let getOneBody: string;
    let listBody: string;
    let ledgerStopped: StoppedMessage;
    try {
      const ledger = await startServer({ type: 'start', kind: 'ledger', dataDir: cachedDir });
      servers.push(ledger);
      // The same list on a server that keeps no answers: what each read model query costs.
      const uncached = await startServer({ type: 'start', kind: 'ledger', dataDir: uncachedDir, env: { LIST_CACHE_ENTRIES: '0' } });
      servers.push(uncached);
      await projectionsCaughtUp(ledger);
      await projectionsCaughtUp(uncached);
      const one = await requestJson(`${ledger.url}/assessments/${ids[0]}`, 'GET');
      const list = await requestJson<{ total: number }>(`${ledger.url}${LIST_PATH}`, 'GET');
      if (one.status !== 200 || list.status !== 200 || list.body.total === 0) {
        throw new Error(`unexpected read answers: ${one.status} ${list.status} ${list.text.slice(0, 200)}`);
      }
      getOneBody = one.text;
      listBody = list.text;
      const bare = await startServer({ type: 'start', kind: 'bare', getOneBody, listBody });
      servers.push(bare);

      const getEach: LoadPlan = { kind: 'get-each', ids };
      const getList: LoadPlan = { kind: 'get-path', path: LIST_PATH };
      const order: [Measured, ServerHandle, LoadPlan][] = [
        ['bareGetOne', bare, getEach],
        ['ledgerGetOne', ledger, getEach],
        ['bareList', bare, getList],
        ['ledgerList', ledger, getList],
        ['ledgerListUncached', uncached, getList],
      ];
      loads = { bareGetOne: [], ledgerGetOne: [], bareList: [], ledgerList: [], ledgerListUncached: [] };
      for (let round = 0; round < options.rounds; round++) {
        for (const [measured, server, plan] of order) {
          loads[measured].push(await runLoad(server.url, plan, { ...load, warmupSeconds: round === 0 ? load.warmupSeconds : 0 }));
        }
      }
      ledgerStopped = await ledger.stop();
      servers.shift();
    } finally {
      await stopAll();
    }

    const combined = Object.fromEntries(Object.entries(loads).map(([measured, results]) => [measured, combineLoads(results)])) as Record<Measured, LoadResult>;
    const perRound = (ledger: Measured, bare: Measured) => loads[ledger].map((result, i) => ratio(result.requestsPerSecond, loads[bare][i].requestsPerSecond));
    return {
      options,
      listPath: LIST_PATH,
      responseBytes: { getOne: Buffer.byteLength(getOneBody), list: Buffer.byteLength(listBody) },
      bare: { getOne: combined.bareGetOne, list: combined.bareList },
      ledger: {
        getOne: combined.ledgerGetOne,
        list: combined.ledgerList,
        listUncached: combined.ledgerListUncached,
        serverPeakRssMb: ledgerStopped.peakRssMb,
      },
      getOneRatio: ratio(combined.ledgerGetOne.requestsPerSecond, combined.bareGetOne.requestsPerSecond),
      listRatio: ratio(combined.ledgerList.requestsPerSecond, combined.bareList.requestsPerSecond),
      listUncachedRatio: ratio(combined.ledgerListUncached.requestsPerSecond, combined.bareList.requestsPerSecond),
      roundRatios: {
        getOne: perRound('ledgerGetOne', 'bareGetOne'),
        list: perRound('ledgerList', 'bareList'),
        listUncached: perRound('ledgerListUncached', 'bareList'),
      },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const seconds = Number(process.argv[2] ?? HTTP_READS_DEFAULTS.durationSeconds);
  const rounds = Number(process.argv[3] ?? HTTP_READS_DEFAULTS.rounds);
  console.log(JSON.stringify(await benchHttpReads({ ...HTTP_READS_DEFAULTS, durationSeconds: seconds, rounds }), null, 2));
}
