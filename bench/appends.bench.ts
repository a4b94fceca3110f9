/**
 * In-process appends through the EventStore port (SqliteEventStore,
 * synchronous=FULL) against raw better-sqlite3 inserts of the same rows, and
 * the gain of group commit over one fsync per append.
 *   npm run build && node dist/bench/appends.bench.js [singleAppends]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { batchAppends, eventCount, singleEventAppends, writeRaw } from './lib/append-workload.js';
import type { PlannedAppend } from './lib/append-workload.js';
import { isMain } from './lib/cli.js';
import { perSecond, ratio } from './lib/stats.js';

export interface AppendsOptions {
  /** Single-event appends per variant (each is one command's worth). */
  readonly singleAppends: number;
  /** Appends of `batchSize` events each. */
  readonly batches: number;
  readonly batchSize: number;
  /** Appends in flight at once for the group-commit variant (as many as HTTP connections). */
  readonly concurrency: number;
  /**
   * Every variant runs once per round, in turn, after one discarded warm-up
   * round; each figure is the median over the rounds, so neither a cold
   * start nor a burst of noise from a neighbour decides a ratio.
   */
  readonly rounds: number;
}

export const APPENDS_DEFAULTS: AppendsOptions = { singleAppends: 2000, batches: 100, batchSize: 100, concurrency: 64, rounds: 5 };

export interface RateFigure {
  readonly events: number;
  readonly milliseconds: number;
  readonly eventsPerSecond: number;
}

export interface AppendsFigures {
  readonly options: AppendsOptions;
  readonly single: { readonly raw: RateFigure; readonly store: RateFigure; readonly ratio: number };
  readonly batch: { readonly raw: RateFigure; readonly store: RateFigure; readonly ratio: number };
  readonly groupCommit: {
    readonly sequential: RateFigure;
    readonly concurrent: RateFigure & { readonly appendsPerCommit: number };
    /** Concurrent ÷ sequential events/s. */
    readonly gain: number;
  };
}

function rate(events: number, milliseconds: number): RateFigure {
  return { events, milliseconds: Math.round(milliseconds), eventsPerSecond: perSecond(events, milliseconds) };
}

const expected = (revision: number) => (revision < 0 ? ('no_stream' as const) : revision);

/** Awaits each append before the next: one transaction, one fsync per append. */
export async function appendSequentially(store: SqliteEventStore, appends: readonly PlannedAppend[]): Promise<number> {
  const started = performance.now();
  for (const append of appends) {
    await store.appendToStream(append.stream, append.events, { expectedRevision: expected(append.expectedRevision) });
  }
  return performance.now() - started;
}

/**
 * `concurrency` writers, each owning whole streams and awaiting its own
 * appends in order (as concurrent commands on different assessments do);
 * the store commits whatever is queued at each turn in one transaction.
 */
export async function appendConcurrently(store: SqliteEventStore, appends: readonly PlannedAppend[], concurrency: number): Promise<number> {
  const byStream = new Map<string, PlannedAppend[]>();
  for (const append of appends) byStream.set(append.stream, [...(byStream.get(append.stream) ?? []), append]);
  const streams = [...byStream.values()];
  const lanes: PlannedAppend[][][] = Array.from({ length: concurrency }, () => []);
  streams.forEach((stream, i) => lanes[i % concurrency].push(stream));
  const started = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (const stream of lane) {
        for (const append of stream) {
          await store.appendToStream(append.stream, append.events, { expectedRevision: expected(append.expectedRevision) });
        }
      }
    }),
  );
  return performance.now() - started;
}

/** The median over rounds of the milliseconds each variant took. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function benchAppends(options: AppendsOptions = APPENDS_DEFAULTS): Promise<AppendsFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-appends-'));
  let file = 0;
  // Each variant on a fresh file, so none pays for another's WAL or page cache.
  const freshFile = () => join(dir, `events-${++file}.sqlite`);
  const withDurableStore = async <T>(use: (store: SqliteEventStore) => Promise<T>): Promise<T> => {
    const store = new SqliteEventStore({ filename: freshFile(), synchronous: 'FULL' });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };
  try {
    const single = singleEventAppends(options.singleAppends);
    const batches = batchAppends(options.batches, options.batchSize);
    const timings = { rawSingle: [] as number[], storeSingle: [] as number[], rawBatch: [] as number[], storeBatch: [] as number[], concurrent: [] as number[] };
    let appendsPerCommit = 0;
    for (let round = 0; round <= options.rounds; round++) {
      const rawSingle = writeRaw(freshFile(), single);
      const storeSingle = await withDurableStore((store) => appendSequentially(store, single));
      const rawBatch = writeRaw(freshFile(), batches);
      const storeBatch = await withDurableStore((store) => appendSequentially(store, batches));
      const concurrent = await withDurableStore(async (store) => {
        const milliseconds = await appendConcurrently(store, single, options.concurrency);
        appendsPerCommit = Math.round((store.stats.appends / store.stats.commits) * 10) / 10;
        return milliseconds;
      });
      if (round === 0) continue; // warm-up
      timings.rawSingle.push(rawSingle);
      timings.storeSingle.push(storeSingle);
      timings.rawBatch.push(rawBatch);
      timings.storeBatch.push(storeBatch);
      timings.concurrent.push(concurrent);
    }

    const singleEvents = eventCount(single);
    const batchEvents = eventCount(batches);
    const figures = {
      rawSingle: rate(singleEvents, median(timings.rawSingle)),
      storeSingle: rate(singleEvents, median(timings.storeSingle)),
      rawBatch: rate(batchEvents, median(timings.rawBatch)),
      storeBatch: rate(batchEvents, median(timings.storeBatch)),
      concurrent: { ...rate(singleEvents, median(timings.concurrent)), appendsPerCommit },
    };
    return {
      options,
      single: { raw: figures.rawSingle, store: figures.storeSingle, ratio: ratio(figures.storeSingle.eventsPerSecond, figures.rawSingle.eventsPerSecond) },
      batch: { raw: figures.rawBatch, store: figures.storeBatch, ratio: ratio(figures.storeBatch.eventsPerSecond, figures.rawBatch.eventsPerSecond) },
      groupCommit: {
        sequential: figures.storeSingle,
        concurrent: figures.concurrent,
        gain: ratio(figures.concurrent.eventsPerSecond, figures.storeSingle.eventsPerSecond),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const singleAppends = Number(process.argv[2] ?? APPENDS_DEFAULTS.singleAppends);
  console.log(JSON.stringify(await benchAppends({ ...APPENDS_DEFAULTS, singleAppends }), null, 2));
}
