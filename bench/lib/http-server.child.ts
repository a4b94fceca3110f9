/**
 * Child entry serving HTTP for the load benchmarks, so that the server has a
 * process (and a core) of its own, apart from the load generator:
 *  - `ledger`: the real application (createApp) on a temporary data directory;
 *  - `bare`:   a bare Fastify server whose handlers do no work, the baseline.
 * Protocol: parent sends `start`, child answers `ready` with its URL; parent
 * sends `stop`, child answers `stopped` with its peak memory, closes and exits.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { EVENT_STORE } from '../../src/event-store/event-store.port.js';
import { BENCH_JWT_SECRET } from './bearer-token.js';
import { reportChildError } from './child-process.js';
import { peakRssMb } from './stats.js';

export interface StartLedgerMessage {
  readonly type: 'start';
  readonly kind: 'ledger';
  readonly dataDir: string;
  /** Extra configuration, as environment variables (e.g. LIST_CACHE_ENTRIES=0). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface StartBareMessage {
  readonly type: 'start';
  readonly kind: 'bare';
  /** Bodies the GET routes answer with, byte for byte what the ledger answered. */
  readonly getOneBody?: string;
  readonly listBody?: string;
}

export type StartMessage = StartLedgerMessage | StartBareMessage;

export interface StoppedMessage {
  readonly type: 'stopped';
  /** process.resourceUsage().maxRSS: peak resident memory over the server's life. */
  readonly peakRssMb: number;
  /** VmHWM from /proc (Linux): the same peak seen by the kernel, as a cross-check. */
  readonly vmHwmMb: number | null;
  /** The event store's group-commit counters (ledger only). */
  readonly groupCommit: { commits: number; appends: number; largestBatch: number } | null;
}

interface RunningServer {
  close(): Promise<void>;
  groupCommit(): StoppedMessage['groupCommit'];
}

async function startLedger(message: StartLedgerMessage): Promise<{ url: string; server: RunningServer }> {
  const config: AppConfig = {
    // Through the environment, as an operator would (versions without these settings ignore them): the
    // clients' tokens are signed with BENCH_JWT_SECRET, and the load comes from one address, which the
    // service's per-client rate limit would otherwise answer mostly with 429.
    ...loadConfig({ JWT_SECRET: BENCH_JWT_SECRET, RATE_LIMIT_PER_MINUTE: '10000000', ...message.env }),
    dataDir: message.dataDir,
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    // Durable, as the benchmark requires, unless an experiment asks otherwise through the child's environment
    // (e.g. BENCH_SQLITE_SYNCHRONOUS=NORMAL node dist/bench/http-writes.bench.js 10, to see what fsync costs).
    sqliteSynchronous: process.env.BENCH_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
  };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const store = app.get<symbol, { stats?: { commits: number; appends: number; largestBatch: number } }>(EVENT_STORE);
  return {
    url: await app.getUrl(),
    server: { close: () => app.close(), groupCommit: () => (store.stats ? { ...store.stats } : null) },
  };
}

async function startBare(message: StartBareMessage): Promise<{ url: string; server: RunningServer }> {
  // Same body limit as the ledger's default, and Fastify's own JSON body parsing: the floor any Fastify service pays.
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  let position = 0;
  app.post<{ Params: { id: string }; Body: { expectedRevision?: number } }>('/assessments/:id/:change', async (request) => ({
    assessmentId: request.params.id,
    revision: (request.body?.expectedRevision ?? 0) + 1,
    position: String(++position),
  }));
  app.get('/assessments/:id', async (_request, reply) => reply.type('application/json').send(message.getOneBody ?? '{}'));
  app.get('/assessments', async (_request, reply) => reply.type('application/json').send(message.listBody ?? '{}'));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, server: { close: () => app.close(), groupCommit: () => null } };
}

function vmHwmMb(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

let running: RunningServer | null = null;

process.on('message', async (message: StartMessage | { type: 'stop' } | { type: 'stats' }) => {
  try {
    if (message.type === 'start') {
      const started = message.kind === 'ledger' ? await startLedger(message) : await startBare(message);
      running = started.server;
      process.send?.({ type: 'ready', url: started.url });
    } else if (message.type === 'stats') {
      process.send?.({ type: 'stats', groupCommit: running?.groupCommit() ?? null });
    } else if (message.type === 'stop') {
      const stopped: StoppedMessage = {
        type: 'stopped',
        peakRssMb: peakRssMb(),
        vmHwmMb: vmHwmMb(),
        groupCommit: running?.groupCommit() ?? null,
      };
      await running?.close();
      process.send?.(stopped, () => process.exit(0));
    }
  } catch (error) {
    reportChildError(error);
    process.exitCode = 1;
  }
});

// If the parent dies, do not linger as an orphan holding a port and a data directory.
process.once('disconnect', () => process.exit(0));
