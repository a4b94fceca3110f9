import { AssessmentCommandExecutor } from '../../src/assessments/application/assessment-command.executor.js';
import { AssessmentRepository } from '../../src/assessments/application/assessment.repository.js';
import { AssessmentReadModelProjector } from '../../src/assessments/projections/assessment-read-model.projector.js';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { PROJECTED_STREAM_PREFIX } from '../../src/projections/projection.service.js';
import { ProjectionRunner } from '../../src/projections/projection-runner.js';
import type { Projector } from '../../src/projections/projector.js';
import { ReadModelDatabase } from '../../src/projections/read-model-database.js';

/** An in-memory event store and the command path in front of it, without Nest. */
export function commandStack(store: SqliteEventStore = new SqliteEventStore({ filename: ':memory:' })) {
  const repository = new AssessmentRepository(store);
  return { store, repository, executor: new AssessmentCommandExecutor(repository) };
}

/** A read-model database with the assessment projector and a runner over `store`. */
export function projectionStack(
  store: EventStore,
  file = ':memory:',
  options: { bulkLoad?: boolean; extra?: Projector[]; maxTracked?: number } = {},
) {
  const db = new ReadModelDatabase(file, { bulkLoad: options.bulkLoad });
  const projector = new AssessmentReadModelProjector(db, store, options.maxTracked);
  const projectors: Projector[] = [projector, ...(options.extra ?? [])];
  for (const p of projectors) db.applySchema(p.schema);
  const runner = new ProjectionRunner(store, db, projectors, { name: 'read-models', streamPrefix: PROJECTED_STREAM_PREFIX });
  return { db, projector, runner };
}

const DUMPED_TABLES = [
  'assessment_keys',
  'assessment_statements',
  'assessment_subjects',
  'assessment_subject_terms',
  'assessment_versions',
  'assessment_public_versions',
  'assessment_scores',
  'assessment_snapshots',
  'projection_checkpoints',
];

/**
 * Every row of every read-model table in a fixed order, plus the terms of
 * both full-text indexes (read through fts5vocab, since they keep no content).
 */
export function dumpReadModels(database: ReadModelDatabase): Record<string, unknown[]> {
  const db = database.db;
  const dump: Record<string, unknown[]> = {};
  for (const table of DUMPED_TABLES) {
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    dump[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`).all();
  }
  for (const fts of ['statement_search', 'rationale_search']) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${fts}_vocab USING fts5vocab(main, ${fts}, instance)`);
    dump[fts] = db.prepare(`SELECT term, doc, col, offset FROM temp.${fts}_vocab ORDER BY doc, offset, term`).all();
  }
  return dump;
}
