/**
 * Durable revisions over HTTP: the real application (synchronous=FULL) under
 * autocannon, against a bare Fastify handler taking the same requests.
 *   npm run build && node dist/bench/http-writes.bench.js [seconds per load] [rounds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { combineLoads, draftAssessments, mapConcurrently, requestJson, runLoad, startServer } from './lib/http-load.js';
import type { LoadResult, ServerHandle } from './lib/http-load.js';
import { isMain } from './lib/cli.js';
import type { PlannedAssessment } from './lib/load-plans.js';
import { ratio } from './lib/stats.js';

export interface HttpWritesOptions {
  readonly assessments: number;
  readonly connections: number;
  /** Length of each load, in each round. */
  readonly durationSeconds: number;
  /** Before each server's first load only. */
  readonly warmupSeconds: number;
  /** Rounds, each loading bare then the ledger: both servers run throughout, so a slower spell of the machine weighs on both. */
  readonly rounds: number;
}

export interface ServerFigures extends LoadResult {
  /** Peak RSS of the server process over its whole life (start, preparation, load). */
  readonly serverPeakRssMb: number;
}

export interface HttpWritesFigures {
  readonly options: HttpWritesOptions;
  readonly bare: ServerFigures;
  readonly ledger: ServerFigures & {
    /** Appends per committed transaction: how much the group commit saved in fsyncs. */
    readonly appendsPerCommit: number | null;
    readonly largestBatch: number | null;
  };
  /** Ledger requests/s ÷ bare handler requests/s. Target ≥ 0.25. */
  readonly throughputRatio: number;
  /** The same ratio round by round. */
  readonly roundRatios: number[];
  /** Ledger peak RSS ÷ bare handler peak RSS. */
  readonly memoryRatio: number;
}

export const HTTP_WRITES_DEFAULTS: HttpWritesOptions = { assessments: 1000, connections: 64, durationSeconds: 5, warmupSeconds: 2, rounds: 2 };

export async function benchHttpWrites(options: HttpWritesOptions = HTTP_WRITES_DEFAULTS): Promise<HttpWritesFigures> {
  const load = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-http-writes-'));
  const servers: ServerHandle[] = [];
  try {
    // Baseline: the same requests (same bodies, same revision tracking in the load generator) answered by a bare handler.
    const bare = await startServer({ type: 'start', kind: 'bare' });
    servers.push(bare);
    const ledger = await startServer({ type: 'start', kind: 'ledger', dataDir });
    servers.push(ledger);
    const bareIds = Array.from({ length: options.assessments }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const ids = await draftAssessments(ledger.url, options.assessments);
    const beforeLoad = await ledger.groupCommit();

    const bareLoads: LoadResult[] = [];
    const ledgerLoads: LoadResult[] = [];
    let standing: PlannedAssessment[] = ids.map((id) => ({ id, revision: 0 }));
    for (let round = 0; round < options.rounds; round++) {
      const roundLoad = { ...load, warmupSeconds: round === 0 ? load.warmupSeconds : 0 };
      bareLoads.push(await runLoad(bare.url, { kind: 'revisions', assessments: bareIds.map((id) => ({ id, revision: 0 })) }, roundLoad));
      ledgerLoads.push(await runLoad(ledger.url, { kind: 'revisions', assessments: standing }, roundLoad));
      // Answers in flight when a load stops never reach its tracking, so the next round starts from what the ledger holds.
      if (round + 1 < options.rounds) standing = await standingOf(ledger.url, ids);
    }

    const bareStopped = await bare.stop();
    const stopped = await ledger.stop();
    servers.length = 0;
    // Only the commits made under load (warm-up included), not those of the drafting.
    const commit =
      stopped.groupCommit && beforeLoad
        ? {
            commits: stopped.groupCommit.commits - beforeLoad.commits,
            appends: stopped.groupCommit.appends - beforeLoad.appends,
            largestBatch: stopped.groupCommit.largestBatch,
          }
        : null;
    const bareLoad = combineLoads(bareLoads);
    const ledgerLoad = combineLoads(ledgerLoads);
    return {
      options,
      bare: { ...bareLoad, serverPeakRssMb: bareStopped.peakRssMb },
      ledger: {
        ...ledgerLoad,
        serverPeakRssMb: stopped.peakRssMb,
        appendsPerCommit: commit && commit.commits > 0 ? Math.round((commit.appends / commit.commits) * 10) / 10 : null,
        largestBatch: commit?.largestBatch ?? null,
      },
      throughputRatio: ratio(ledgerLoad.requestsPerSecond, bareLoad.requestsPerSecond),
      roundRatios: ledgerLoads.map((result, i) => ratio(result.requestsPerSecond, bareLoads[i].requestsPerSecond)),
      memoryRatio: ratio(stopped.peakRssMb, bareStopped.peakRssMb),
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What each assessment holds now, read back from the ledger, for the next round's changes to start from. */
async function standingOf(url: string, ids: readonly string[]): Promise<PlannedAssessment[]> {
  type View = { revision: number; confidence: 'low' | 'moderate' | 'high'; likelihood: { scale?: string; term?: string } };
  return mapConcurrently(ids, 16, async (id) => {
    const answer = await requestJson<View>(`${url}/assessments/${id}`, 'GET');
    if (answer.status !== 200) throw new Error(`reading ${id} back failed: ${answer.status} ${answer.text}`);
    const { revision, confidence, likelihood } = answer.body;
    const term = likelihood.scale === 'icd203' && (likelihood.term === 'likely' || likelihood.term === 'unlikely') ? likelihood.term : null;
    // Each change so far moved the revision by one; the wording is numbered by them.
    return { id, revision, changes: revision, confidence, likelihoodTerm: term };
  });
}

if (isMain(import.meta.url)) {
  const seconds = Number(process.argv[2] ?? HTTP_WRITES_DEFAULTS.durationSeconds);
  const rounds = Number(process.argv[3] ?? HTTP_WRITES_DEFAULTS.rounds);
  console.log(JSON.stringify(await benchHttpWrites({ ...HTTP_WRITES_DEFAULTS, durationSeconds: seconds, rounds }), null, 2));
}
