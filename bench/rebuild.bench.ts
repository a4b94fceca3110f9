/**
 * Projection rebuild: N events (default 1M: 100k assessments x 10 events)
 * rebuilt from position 0 into every read model, indexes included, exactly
 * as `npm run projections:rebuild` does. Baseline: reading the same events
 * back through the store (what any rebuild must at least do).
 *   npm run build && node dist/bench/rebuild.bench.js [events] [by-assessment|interleaved] [events per assessment] [projector states]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssessmentReadModelProjector } from '../src/assessments/projections/assessment-read-model.projector.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { PROJECTED_STREAM_PREFIX } from '../src/projections/projection.service.js';
import { ProjectionRunner } from '../src/projections/projection-runner.js';
import { ReadModelDatabase } from '../src/projections/read-model-database.js';
import { runInChild } from './lib/child-process.js';
import { isMain } from './lib/cli.js';
import { generateHistory } from './lib/generate-history.js';
import type { HistoryOrder } from './lib/generate-history.js';
import { peakRssMb, perSecond, ratio, round } from './lib/stats.js';

export interface RebuildOptions {
  readonly events: number;
  readonly eventsPerAssessment: number;
  /** Events per projection transaction (as the rebuild CLI uses). */
  readonly batchSize: number;
  /** The log's order (by-assessment unless given): interleaved is a ledger's usual order, and costs the rebuild more. */
  readonly order?: HistoryOrder;
  /** Folded states the projector keeps (PROJECTOR_STATES; its default unless given). */
  readonly projectorStates?: number;
}

export const REBUILD_DEFAULTS: RebuildOptions = { events: 1_000_000, eventsPerAssessment: 10, batchSize: 5000 };

export interface RebuildPass {
  readonly events: number;
  readonly loadSeconds: number;
  readonly indexSeconds: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Peak RSS when the rows were loaded, before the indexes: what loading holds, apart from indexing. */
  readonly loadPeakRssMb: number;
  /** JS heap in use when the rows were loaded (the projector's folded states live there). */
  readonly loadHeapUsedMb: number;
}

export interface RebuildFigures {
  readonly options: RebuildOptions;
  readonly generateSeconds: number;
  readonly rebuild: RebuildPass & { readonly peakRssMb: number };
  /** Reading and parsing every event through the store, nothing else: the rebuild's floor. */
  readonly readBaseline: { readonly events: number; readonly seconds: number; readonly eventsPerSecond: number; readonly peakRssMb: number };
  /** Rebuild events/s ÷ read-only events/s. */
  readonly ratio: number;
  /** Rebuild peak RSS ÷ the read-only pass's peak RSS. */
  readonly memoryRatio: number;
}

function openStore(dir: string): SqliteEventStore {
  return new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'OFF' });
}

/** Child task: the rebuild itself, into a fresh bulk-load file. */
export async function rebuildReadModels(options: { dir: string; batchSize: number; projectorStates?: number }): Promise<RebuildPass> {
  const store = openStore(options.dir);
  const db = new ReadModelDatabase(join(options.dir, 'read-models.sqlite'), { bulkLoad: true });
  try {
    const projector = new AssessmentReadModelProjector(db, store, options.projectorStates);
    db.applySchema(projector.schema);
    const runner = new ProjectionRunner(store, db, [projector], { name: 'read-models', streamPrefix: PROJECTED_STREAM_PREFIX });
    const started = performance.now();
    await runner.catchUp({ batchSize: options.batchSize });
    const loaded = performance.now();
    const loadPeakRssMb = peakRssMb();
    const loadHeapUsedMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
    db.createIndexes();
    const finished = performance.now();
    const events = runner.status().applied;
    return {
      events,
      loadSeconds: round((loaded - started) / 1000),
      indexSeconds: round((finished - loaded) / 1000),
      seconds: round((finished - started) / 1000),
      eventsPerSecond: perSecond(events, finished - started),
      loadPeakRssMb,
      loadHeapUsedMb,
    };
  } finally {
    db.close();
    await store.close();
  }
}

/** Child task: the baseline, every event read and parsed in the rebuild's batch size. */
export async function readAllEvents(options: { dir: string; batchSize: number }): Promise<{ events: number; seconds: number; eventsPerSecond: number }> {
  const store = openStore(options.dir);
  try {
    let after = 0n;
    let events = 0;
    const started = performance.now();
    for (;;) {
      const batch = store.readAllSync({ after, maxCount: options.batchSize });
      if (batch.length === 0) break;
      events += batch.length;
      after = batch[batch.length - 1].position;
    }
    const milliseconds = performance.now() - started;
    return { events, seconds: round(milliseconds / 1000), eventsPerSecond: perSecond(events, milliseconds) };
  } finally {
    await store.close();
  }
}

export async function benchRebuild(options: RebuildOptions = REBUILD_DEFAULTS): Promise<RebuildFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-rebuild-'));
  try {
    const generateStarted = performance.now();
    const store = openStore(dir);
    await generateHistory(store, Math.ceil(options.events / options.eventsPerAssessment), options.eventsPerAssessment, undefined, options.order);
    await store.close();
    const generateSeconds = round((performance.now() - generateStarted) / 1000, 1);

    // Each pass in a process of its own, so its peak RSS is its own and neither warms the other's heap.
    const read = await runInChild<{ events: number; seconds: number; eventsPerSecond: number }>('rebuild.bench', 'readAllEvents', {
      dir,
      batchSize: options.batchSize,
    });
    const rebuild = await runInChild<RebuildPass>('rebuild.bench', 'rebuildReadModels', {
      dir,
      batchSize: options.batchSize,
      projectorStates: options.projectorStates,
    });
    return {
      options,
      generateSeconds,
      rebuild: { ...rebuild.result, peakRssMb: rebuild.peakRssMb },
      readBaseline: { ...read.result, peakRssMb: read.peakRssMb },
      ratio: ratio(rebuild.result.eventsPerSecond, read.result.eventsPerSecond),
      memoryRatio: ratio(rebuild.peakRssMb, read.peakRssMb),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const events = Number(process.argv[2] ?? REBUILD_DEFAULTS.events);
  const order = process.argv[3] === 'interleaved' ? 'interleaved' : 'by-assessment';
  const eventsPerAssessment = Number(process.argv[4] ?? REBUILD_DEFAULTS.eventsPerAssessment);
  const projectorStates = process.argv[5] === undefined ? undefined : Number(process.argv[5]);
  console.log(JSON.stringify(await benchRebuild({ ...REBUILD_DEFAULTS, events, order, eventsPerAssessment, projectorStates }), null, 2));
}
