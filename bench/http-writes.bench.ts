/**
 * Durable revisions over HTTP: the real application (synchronous=FULL) under
 * autocannon, against a bare Fastify handler taking the same requests.
 *   npm run build && node dist/bench/http-writes.bench.js [seconds]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftAssessments, runLoad, startServer } from './lib/http-load.js';
import type { LoadResult } from './lib/http-load.js';
import type { StoppedMessage } from './lib/http-server.child.js';
import { isMain } from './lib/cli.js';
import { ratio } from './lib/stats.js';

export interface HttpWritesOptions {
  readonly assessments: number;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
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
  /** Ledger peak RSS ÷ bare handler peak RSS. */
  readonly memoryRatio: number;
}

export const HTTP_WRITES_DEFAULTS: HttpWritesOptions = { assessments: 1000, connections: 64, durationSeconds: 10, warmupSeconds: 2 };

export async function benchHttpWrites(options: HttpWritesOptions = HTTP_WRITES_DEFAULTS): Promise<HttpWritesFigures> {
  const load = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };

  // Baseline: the same requests (same bodies, same revision tracking in the load generator) answered by a bare handler.
  const bareServer = await startServer({ type: 'start', kind: 'bare' });
  const bareIds = Array.from({ length: options.assessments }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const bareLoad = await runLoad(bareServer.url, { kind: 'revisions', assessments: bareIds.map((id) => ({ id, revision: 0 })) }, load);
  const bareStopped = await bareServer.stop();

  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-http-writes-'));
  try {
    const server = await startServer({ type: 'start', kind: 'ledger', dataDir });
    let ledgerLoad: LoadResult;
    let beforeLoad: StoppedMessage['groupCommit'];
    try {
      const ids = await draftAssessments(server.url, options.assessments);
      beforeLoad = await server.groupCommit();
      ledgerLoad = await runLoad(server.url, { kind: 'revisions', assessments: ids.map((id) => ({ id, revision: 0 })) }, load);
    } catch (error) {
      await server.stop().catch(() => undefined);
      throw error;
    }
    const stopped = await server.stop();
    // Only the commits made under load (warm-up included), not those of the drafting.
    const commit =
      stopped.groupCommit && beforeLoad
        ? {
            commits: stopped.groupCommit.commits - beforeLoad.commits,
            appends: stopped.groupCommit.appends - beforeLoad.appends,
            largestBatch: stopped.groupCommit.largestBatch,
          }
        : null;
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
      memoryRatio: ratio(stopped.peakRssMb, bareStopped.peakRssMb),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const seconds = Number(process.argv[2] ?? HTTP_WRITES_DEFAULTS.durationSeconds);
  console.log(JSON.stringify(await benchHttpWrites({ ...HTTP_WRITES_DEFAULTS, durationSeconds: seconds }), null, 2));
}
