/**
 * Fold / as-of: one assessment with 10,000 events read through
 * AssessmentRepository.load at head, as of a middle revision and as of a
 * middle effective time; warm (one repository, as the service holds it),
 * cold (a new repository per load, starting from the snapshots the
 * projector stored in the read models, as the service does after a restart)
 * and cold without snapshots (every event folded). Baseline: the same rows
 * read raw from SQLite (no JSON parsing, no fold), the floor of a full read
 * of the stream.
 *   npm run build && node dist/bench/fold.bench.js [events] [iterations] [coldIterations]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssessmentRepository } from '../src/assessments/application/assessment.repository.js';
import type { FoldLimit } from '../src/assessments/application/assessment.repository.js';
import { assessmentStream } from '../src/assessments/application/assessment-stream.js';
import { AssessmentReadModelProjector } from '../src/assessments/projections/assessment-read-model.projector.js';
import { ReadModelAssessmentSnapshots } from '../src/assessments/projections/read-model-assessment-snapshots.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { PROJECTED_STREAM_PREFIX } from '../src/projections/projection.service.js';
import { ProjectionRunner } from '../src/projections/projection-runner.js';
import { ReadModelDatabase } from '../src/projections/read-model-database.js';
import { isMain } from './lib/cli.js';
import { assessmentHistory, seeded } from './lib/generate-history.js';
import { round, summariseLatencies } from './lib/stats.js';
import type { LatencySummary } from './lib/stats.js';

export interface FoldOptions {
  readonly events: number;
  /** Loads measured per limit through one long-lived repository (as the service holds it). */
  readonly iterations: number;
  /** Loads measured per limit through a new repository each time: nothing in memory from earlier loads. */
  readonly coldIterations: number;
  /** Runs before measuring, so the JIT has compiled the fold. */
  readonly warmupIterations: number;
  /** Stops sampling a limit after this long even if fewer loads were made (a slow fold must not stall the run). */
  readonly maxSecondsPerLimit: number;
}

export const FOLD_DEFAULTS: FoldOptions = { events: 10_000, iterations: 200, coldIterations: 20, warmupIterations: 10, maxSecondsPerLimit: 20 };

type Limits = 'head' | 'asOfRevision' | 'asOfEffective';

export interface FoldFigures {
  readonly options: FoldOptions;
  readonly asOfRevision: number;
  readonly asOfEffectiveAt: string;
  /** Repeated loads through one repository: what a service answering for a busy assessment sees. */
  readonly warm: Record<Limits, LatencySummary>;
  /**
   * Each load through a fresh repository: the first read after a restart, or
   * of an assessment not read lately. It starts at the nearest snapshot the
   * projector stored and folds the events after it.
   */
  readonly cold: Record<Limits, LatencySummary>;
  /** The same without stored snapshots: every event up to the limit folded (what cold loads cost before snapshots). */
  readonly coldWithoutSnapshots: Record<Limits, LatencySummary>;
  /** Snapshots the projector stored for the stream, and the size of the newest. */
  readonly snapshots: { readonly count: number; readonly headBytes: number };
  /** SELECT of all the stream's rows without parsing or folding: the floor of a full read of that stream. */
  readonly rawRead: LatencySummary;
  /** Cold head p50 without snapshots ÷ raw read p50: how many times the floor a full fold costs. */
  readonly coldHeadTimesRawRead: number;
}

async function measure(iterations: number, maxSeconds: number, run: () => unknown): Promise<LatencySummary> {
  const samples: number[] = [];
  const deadline = performance.now() + maxSeconds * 1000;
  for (let i = 0; i < iterations && (i < 3 || performance.now() < deadline); i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return summariseLatencies(samples);
}

export async function benchFold(options: FoldOptions = FOLD_DEFAULTS): Promise<FoldFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-fold-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'OFF' });
  const readModels = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
  try {
    const { id, events } = assessmentHistory(seeded(42), options.events);
    await store.appendToStream(assessmentStream(id), events, { expectedRevision: 'no_stream' });
    // Projected as the service projects it, which stores the snapshots.
    const projector = new AssessmentReadModelProjector(readModels, store);
    readModels.applySchema(projector.schema);
    await new ProjectionRunner(store, readModels, [projector], { name: 'read-models', streamPrefix: PROJECTED_STREAM_PREFIX }).catchUp();
    const snapshots = new ReadModelAssessmentSnapshots(readModels);
    const snapshotRows = readModels.db
      .prepare('SELECT count(*) AS count, coalesce(max(length(state)), 0) AS headBytes FROM assessment_snapshots')
      .get() as { count: number; headBytes: number };

    const middle = Math.floor(options.events / 2) - 1;
    const middleEffective = String(events[middle].metadata.effectiveAt);
    const limits: Record<Limits, FoldLimit> = {
      head: { kind: 'head' },
      asOfRevision: { kind: 'revision', revision: middle },
      asOfEffective: { kind: 'effective', at: Date.parse(middleEffective) },
    };
    const expectedRevision: Record<Limits, number> = { head: options.events - 1, asOfRevision: middle, asOfEffective: middle };

    const measureAll = async (iterations: number, repositoryFor: () => AssessmentRepository) => {
      const figures = {} as Record<Limits, LatencySummary>;
      for (const [name, limit] of Object.entries(limits) as [Limits, FoldLimit][]) {
        const folded = await repositoryFor().load(id, limit);
        if (folded?.revision !== expectedRevision[name]) throw new Error(`${name} folded to ${folded?.revision}, expected ${expectedRevision[name]}`);
        for (let i = 0; i < options.warmupIterations; i++) await repositoryFor().load(id, limit);
        figures[name] = await measure(iterations, options.maxSecondsPerLimit, () => repositoryFor().load(id, limit));
      }
      return figures;
    };
    // Full folds last: the garbage they leave would otherwise be collected while the faster loads are timed.
    const cold = await measureAll(options.iterations, () => new AssessmentRepository(store, snapshots));
    const longLived = new AssessmentRepository(store, snapshots);
    const warm = await measureAll(options.iterations, () => longLived);
    const coldWithoutSnapshots = await measureAll(options.coldIterations, () => new AssessmentRepository(store));

    const rawRows = store.db.prepare('SELECT data, metadata FROM events WHERE stream = ? ORDER BY revision');
    const stream = assessmentStream(id);
    for (let i = 0; i < options.warmupIterations; i++) rawRows.all(stream);
    const rawRead = await measure(options.iterations, options.maxSecondsPerLimit, () => rawRows.all(stream));

    return {
      options,
      asOfRevision: middle,
      asOfEffectiveAt: middleEffective,
      warm,
      cold,
      coldWithoutSnapshots,
      snapshots: snapshotRows,
      rawRead,
      coldHeadTimesRawRead: rawRead.p50Ms > 0 ? round(coldWithoutSnapshots.head.p50Ms / rawRead.p50Ms, 1) : 0,
    };
  } finally {
    readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const events = Number(process.argv[2] ?? FOLD_DEFAULTS.events);
  const iterations = Number(process.argv[3] ?? FOLD_DEFAULTS.iterations);
  const coldIterations = Number(process.argv[4] ?? FOLD_DEFAULTS.coldIterations);
  console.log(JSON.stringify(await benchFold({ ...FOLD_DEFAULTS, events, iterations, coldIterations }), null, 2));
}
