/**
 * The same appends through a peer: Emmett's SQLite event store
 * (@event-driven-io/emmett-sqlite 0.38.5 on node-sqlite3 5.1.7), against the
 * ledger's SqliteEventStore in the same run. Both are durable: Emmett opens
 * its file in WAL mode and node-sqlite3 is compiled with
 * SQLITE_DEFAULT_WAL_SYNCHRONOUS=2 (FULL); the ledger sets synchronous=FULL.
 *   npm run build && node dist/bench/peer-appends.bench.js [singleAppends]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { getSQLiteEventStore } from 'ledger-bench-peer-emmett';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { appendConcurrently, appendSequentially, median } from './appends.bench.js';
import type { RateFigure } from './appends.bench.js';
import { batchAppends, eventCount, singleEventAppends, writeRaw } from './lib/append-workload.js';
import type { PlannedAppend } from './lib/append-workload.js';
import { isMain } from './lib/cli.js';
import { perSecond, ratio } from './lib/stats.js';

export interface PeerAppendsOptions {
  readonly singleAppends: number;
  readonly batches: number;
  readonly batchSize: number;
  /** For the ledger's group-commit figure (Emmett's store cannot take concurrent appends, see below). */
  readonly concurrency: number;
  /** Rounds after a discarded warm-up; each figure is the median over them (as in appends.bench.ts). */
  readonly rounds: number;
}

export const PEER_APPENDS_DEFAULTS: PeerAppendsOptions = { singleAppends: 1000, batches: 50, batchSize: 100, concurrency: 64, rounds: 3 };

export interface PeerAppendsFigures {
  readonly options: PeerAppendsOptions;
  readonly peer: string;
  /** Emmett appends that failed with SQLITE_BUSY and were retried (warm-up included). */
  readonly peerRetries: number;
  /**
   * One event per append, each awaited: like for like. `raw` is the
   * machine's limit for the same rows (as in appends.bench.ts) and
   * `rawRatio` = raw ÷ peer: no store on this machine can beat the peer by more.
   */
  readonly single: PeerComparison;
  readonly batch: PeerComparison;
  /** The ledger's single-event appends with `concurrency` in flight (group commit) ÷ the peer's sequential rate. */
  readonly ledgerGroupCommit: RateFigure & { readonly ratio: number };
}

export const PEER_NAME = '@event-driven-io/emmett-sqlite 0.38.5 (sqlite3 5.1.7)';

export interface PeerComparison {
  readonly peer: RateFigure;
  readonly ledger: RateFigure;
  readonly raw: RateFigure;
  /** Ledger ÷ peer. Target ≥ 3. */
  readonly ratio: number;
  readonly rawRatio: number;
  /** Ledger ÷ peer in each round: how far one round's ratio moves on this machine. */
  readonly roundRatios: number[];
}

type EmmettStore = ReturnType<typeof getSQLiteEventStore>;
type EmmettEvents = Parameters<EmmettStore['appendToStream']>[1];

/**
 * Emmett's stream version counts events (a new stream is at 0n), so the
 * ledger's expected revision r is Emmett's expected version r + 1: both
 * stores check optimistic concurrency on every append.
 *
 * Emmett 0.38.5 sometimes fails a commit with "SQLITE_BUSY: cannot commit
 * transaction - SQL statements in progress" (it reads `INSERT … RETURNING`
 * with node-sqlite3's `get`, which can leave the statement unfinished when
 * COMMIT runs). Such an append is retried and counted; the time of the
 * failed attempt stays in the measurement, as it would for a caller.
 */
async function appendToEmmett(store: EmmettStore, appends: readonly PlannedAppend[]): Promise<{ milliseconds: number; retries: number }> {
  const converted = appends.map((append) => ({
    stream: append.stream,
    expectedStreamVersion: BigInt(append.expectedRevision + 1),
    events: append.events.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata })) as unknown as EmmettEvents,
  }));
  let retries = 0;
  const started = performance.now();
  // Sequential: one Emmett store shares one connection and one transaction-nesting counter between
  // calls, and closes that connection after each call, so concurrent appends are not supported.
  for (const append of converted) {
    for (let attempt = 1; ; attempt++) {
      try {
        await store.appendToStream(append.stream, append.events, { expectedStreamVersion: append.expectedStreamVersion });
        break;
      } catch (error) {
        // A conflict after a failed attempt means that attempt did commit after all.
        if (attempt > 1 && error instanceof Error && error.name === 'ExpectedVersionConflictError') break;
        if (attempt >= 5) throw error;
        retries += 1;
      }
    }
  }
  return { milliseconds: performance.now() - started, retries };
}

function rate(events: number, milliseconds: number): RateFigure {
  return { events, milliseconds: Math.round(milliseconds), eventsPerSecond: perSecond(events, milliseconds) };
}

export async function benchPeerAppends(options: PeerAppendsOptions = PEER_APPENDS_DEFAULTS): Promise<PeerAppendsFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-peer-'));
  let file = 0;
  // Every variant on a fresh file, as in appends.bench.ts.
  const freshFile = () => join(dir, `events-${++file}.sqlite`);
  let peerRetries = 0;
  const emmett = async (appends: readonly PlannedAppend[]) => {
    const { milliseconds, retries } = await appendToEmmett(getSQLiteEventStore({ fileName: freshFile(), schema: { autoMigration: 'CreateOrUpdate' } }), appends);
    peerRetries += retries;
    return milliseconds;
  };
  const ledger = async (run: (store: SqliteEventStore) => Promise<number>) => {
    const store = new SqliteEventStore({ filename: freshFile(), synchronous: 'FULL' });
    try {
      return await run(store);
    } finally {
      await store.close();
    }
  };
  try {
    const single = singleEventAppends(options.singleAppends);
    const batches = batchAppends(options.batches, options.batchSize);
    const timings: Record<'peerSingle' | 'ledgerSingle' | 'rawSingle' | 'peerBatch' | 'ledgerBatch' | 'rawBatch' | 'ledgerConcurrent', number[]> = {
      peerSingle: [],
      ledgerSingle: [],
      rawSingle: [],
      peerBatch: [],
      ledgerBatch: [],
      rawBatch: [],
      ledgerConcurrent: [],
    };
    for (let round = 0; round <= options.rounds; round++) {
      const measured = {
        peerSingle: await emmett(single),
        ledgerSingle: await ledger((store) => appendSequentially(store, single)),
        rawSingle: writeRaw(freshFile(), single),
        peerBatch: await emmett(batches),
        ledgerBatch: await ledger((store) => appendSequentially(store, batches)),
        rawBatch: writeRaw(freshFile(), batches),
        ledgerConcurrent: await ledger((store) => appendConcurrently(store, single, options.concurrency)),
      };
      if (round === 0) continue; // warm-up
      for (const [variant, milliseconds] of Object.entries(measured)) timings[variant as keyof typeof timings].push(milliseconds);
    }

    const compare = (events: number, peer: number[], ledgerTimes: number[], raw: number[]): PeerComparison => {
      const figures = { peer: rate(events, median(peer)), ledger: rate(events, median(ledgerTimes)), raw: rate(events, median(raw)) };
      return {
        ...figures,
        ratio: ratio(figures.ledger.eventsPerSecond, figures.peer.eventsPerSecond),
        rawRatio: ratio(figures.raw.eventsPerSecond, figures.peer.eventsPerSecond),
        // Times, so peer ÷ ledger is the ledger's speed over the peer's.
        roundRatios: peer.map((peerMs, i) => ratio(peerMs, ledgerTimes[i])),
      };
    };
    const singleComparison = compare(eventCount(single), timings.peerSingle, timings.ledgerSingle, timings.rawSingle);
    const ledgerConcurrent = rate(eventCount(single), median(timings.ledgerConcurrent));
    return {
      options,
      peer: PEER_NAME,
      peerRetries,
      single: singleComparison,
      batch: compare(eventCount(batches), timings.peerBatch, timings.ledgerBatch, timings.rawBatch),
      ledgerGroupCommit: { ...ledgerConcurrent, ratio: ratio(ledgerConcurrent.eventsPerSecond, singleComparison.peer.eventsPerSecond) },
    };
  } finally {
    // Emmett closes its connection without waiting for it; let the last close finish before deleting the files.
    await sleep(100);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const singleAppends = Number(process.argv[2] ?? PEER_APPENDS_DEFAULTS.singleAppends);
  console.log(JSON.stringify(await benchPeerAppends({ ...PEER_APPENDS_DEFAULTS, singleAppends }), null, 2));
}
