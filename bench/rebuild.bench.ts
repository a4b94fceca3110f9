/**
 * Projection rebuild: N events (default 1M: 100k assessments x 10 events)
 * rebuilt from position 0 into every read model, indexes included.
 *   npm run build && node dist/bench/rebuild.bench.js [events]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AssessmentReadModelProjector } from '../src/assessments/projections/assessment-read-model.projector.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { PROJECTED_STREAM_PREFIX } from '../src/projections/projection.service.js';
import { ProjectionRunner } from '../src/projections/projection-runner.js';
import { ReadModelDatabase } from '../src/projections/read-model-database.js';
import { generateHistory } from './lib/generate-history.js';

const events = Number(process.argv[2] ?? 1_000_000);
const perAssessment = 10;
const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-rebuild-'));
try {
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'OFF' });
  const generateStart = performance.now();
  const written = await generateHistory(store, Math.ceil(events / perAssessment), perAssessment);
  console.log(`generated ${written} events in ${((performance.now() - generateStart) / 1000).toFixed(1)} s`);

  const db = new ReadModelDatabase(join(dir, 'read-models.sqlite'), { bulkLoad: true });
  const projector = new AssessmentReadModelProjector(db, store);
  db.applySchema(projector.schema);
  const runner = new ProjectionRunner(store, db, [projector], { name: 'read-models', streamPrefix: PROJECTED_STREAM_PREFIX });
  const started = performance.now();
  await runner.catchUp({ batchSize: 5000 });
  const loaded = performance.now();
  db.createIndexes();
  const finished = performance.now();
  const seconds = (finished - started) / 1000;
  console.log(
    JSON.stringify({
      cores: cpus().length,
      events: runner.status().applied,
      loadSeconds: +((loaded - started) / 1000).toFixed(2),
      indexSeconds: +((finished - loaded) / 1000).toFixed(2),
      seconds: +seconds.toFixed(2),
      eventsPerSecond: Math.round(runner.status().applied / seconds),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  db.close();
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
