/**
 * The rebuild's SQLite floor: what writing the read models costs SQLite alone,
 * with no JavaScript per row. N events are generated and rebuilt as in
 * rebuild.bench.ts; then the rows that rebuild wrote are copied into a fresh
 * bulk-load file by `INSERT … SELECT` (one statement per table, nothing read
 * or folded in JS) and indexed exactly as a rebuild indexes. No rebuild of
 * these read models can be faster than this on this machine, whatever its JS
 * does: it explains the rebuild target (bench/README.md, section 5).
 *   npm run build && node dist/bench/rebuild-floor.bench.js [events]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASSESSMENT_READ_MODEL_SCHEMA } from '../src/assessments/projections/assessment-read-model.schema.js';
import { ReadModelDatabase } from '../src/projections/read-model-database.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { isMain } from './lib/cli.js';
import { generateHistory } from './lib/generate-history.js';
import { perSecond, round } from './lib/stats.js';
import { rebuildReadModels } from './rebuild.bench.js';

export interface RebuildFloorFigures {
  readonly events: number;
  /** The real rebuild of the same events, for comparison. */
  readonly rebuild: { readonly loadSeconds: number; readonly indexSeconds: number; readonly eventsPerSecond: number };
  /** Rows per table copied. */
  readonly rows: Record<string, number>;
  readonly copySeconds: number;
  readonly indexSeconds: number;
  /** Events ÷ (copy + index): the most a rebuild of these read models can do here. */
  readonly floorEventsPerSecond: number;
}

export async function benchRebuildFloor(events: number, eventsPerAssessment = 10): Promise<RebuildFloorFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-rebuild-floor-'));
  try {
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'OFF' });
    await generateHistory(store, Math.ceil(events / eventsPerAssessment), eventsPerAssessment);
    await store.close();
    const rebuild = await rebuildReadModels({ dir, batchSize: 5000 });

    const fresh = new ReadModelDatabase(join(dir, 'floor.sqlite'), { bulkLoad: true });
    try {
      fresh.applySchema(ASSESSMENT_READ_MODEL_SCHEMA);
      const db = fresh.db;
      db.exec(`ATTACH DATABASE '${join(dir, 'read-models.sqlite')}' AS source`);
      // The plain tables; the full-text ones are filled from them by the indexing step, as in a rebuild.
      const tables = (
        db
          .prepare(
            `SELECT name FROM source.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
               AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search_%' AND name NOT LIKE 'projection_%'`,
          )
          .all() as { name: string }[]
      ).map((row) => row.name);
      const rows: Record<string, number> = {};
      const copyStarted = performance.now();
      // A full scan of each table reads it in key order, as the rebuild wrote it.
      db.transaction(() => {
        for (const table of tables) rows[table] = db.prepare(`INSERT INTO main.${table} SELECT * FROM source.${table}`).run().changes;
      })();
      const copied = performance.now();
      db.exec('DETACH DATABASE source');
      const indexStarted = performance.now();
      fresh.createIndexes();
      const indexed = performance.now();
      const copySeconds = (copied - copyStarted) / 1000;
      const indexSeconds = (indexed - indexStarted) / 1000;
      return {
        events: rebuild.events,
        rebuild: { loadSeconds: rebuild.loadSeconds, indexSeconds: rebuild.indexSeconds, eventsPerSecond: rebuild.eventsPerSecond },
        rows,
        copySeconds: round(copySeconds),
        indexSeconds: round(indexSeconds),
        floorEventsPerSecond: perSecond(rebuild.events, (copySeconds + indexSeconds) * 1000),
      };
    } finally {
      fresh.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const events = Number(process.argv[2] ?? 1_000_000);
  console.log(JSON.stringify(await benchRebuildFloor(events), null, 2));
}
