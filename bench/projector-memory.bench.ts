/**
 * Memory the read-model projector retains: the folded state it keeps per
 * assessment between batches (bounded by its `maxTracked`). Heap measured
 * after a forced garbage collection before and after projecting, so what is
 * reported is what stays, not what a rebuild allocates on its way.
 *   npm run build && node dist/bench/projector-memory.bench.js [assessments] [eventsPerAssessment]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AssessmentReadModelProjector } from '../src/assessments/projections/assessment-read-model.projector.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { PROJECTED_STREAM_PREFIX } from '../src/projections/projection.service.js';
import { ProjectionRunner } from '../src/projections/projection-runner.js';
import { ReadModelDatabase } from '../src/projections/read-model-database.js';
import { isMain } from './lib/cli.js';
import { generateHistory } from './lib/generate-history.js';
import { round } from './lib/stats.js';

export interface ProjectorMemoryOptions {
  readonly assessments: number;
  readonly eventsPerAssessment: number;
}

export interface ProjectorMemoryFigures {
  readonly options: ProjectorMemoryOptions;
  /** Heap still in use after projecting every event, less the heap before (both after a full GC). */
  readonly retainedMb: number;
  /** retainedMb over the assessments held (all of them: the projector's bound is set above their number). */
  readonly perStateKb: number;
}

/** A full garbage collection, without needing `node --expose-gc`. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export async function benchProjectorMemory(options: ProjectorMemoryOptions): Promise<ProjectorMemoryFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-projector-memory-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'OFF' });
  const db = new ReadModelDatabase(join(dir, 'read-models.sqlite'), { bulkLoad: true });
  try {
    await generateHistory(store, options.assessments, options.eventsPerAssessment);
    const projector = new AssessmentReadModelProjector(db, store, options.assessments);
    db.applySchema(projector.schema);
    const runner = new ProjectionRunner(store, db, [projector], { name: 'read-models', streamPrefix: PROJECTED_STREAM_PREFIX });
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    await runner.catchUp({ batchSize: 5000 });
    collectGarbage();
    const retained = Math.max(0, process.memoryUsage().heapUsed - before);
    return {
      options,
      retainedMb: round(retained / 1024 / 1024, 1),
      perStateKb: round(retained / 1024 / options.assessments, 2),
    };
  } finally {
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const assessments = Number(process.argv[2] ?? 20_000);
  const eventsPerAssessment = Number(process.argv[3] ?? 10);
  console.log(JSON.stringify(await benchProjectorMemory({ assessments, eventsPerAssessment }), null, 2));
}
