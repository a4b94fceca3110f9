/**
 * The statements behind the read path, timed one by one on the reads
 * benchmark's data (1,000 assessments × 10 events, projected as the live
 * server projects them): the filtered list's count and page, with and without
 * planner statistics, its page found on narrow rows then read by id against
 * the single wide statement used before, and a fold's tail read with and
 * without a bound LIMIT. Not in the table: it explains figures of it.
 *   npm run build && node dist/bench/list-sql.bench.js [assessments] [executions]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessmentStream } from '../src/assessments/application/assessment-stream.js';
import { DEFAULT_CLASSIFICATIONS } from '../src/assessments/domain/assessment-values.js';
import { AssessmentReadModelProjector } from '../src/assessments/projections/assessment-read-model.projector.js';
import { assessmentListSql, VERSION_ROWS_BY_ID_SQL } from '../src/assessments/queries/assessment-list.sql.js';
import type { SqlParams } from '../src/assessments/queries/assessment-list.sql.js';
import { VERSION_SELECT } from '../src/assessments/queries/assessment-version.row.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { PROJECTED_STREAM_PREFIX } from '../src/projections/projection.service.js';
import { ProjectionRunner } from '../src/projections/projection-runner.js';
import { ReadModelDatabase } from '../src/projections/read-model-database.js';
import { LIST_PATH } from './http-reads.bench.js';
import { isMain } from './lib/cli.js';
import { generateAssessments } from './lib/generate-history.js';
import { round } from './lib/stats.js';

export interface ListSqlOptions {
  readonly assessments: number;
  readonly eventsPerAssessment: number;
  /** Executions of each statement per round; three rounds, the median round's mean is reported. */
  readonly executions: number;
}

export interface ListPlan {
  /** EXPLAIN QUERY PLAN of the page statement. */
  readonly plan: string[];
  readonly countMs: number;
  readonly pageMs: number;
}

export interface ListSqlFigures {
  readonly options: ListSqlOptions;
  readonly listPath: string;
  /** The read model as the server builds it while following the log: no statistics yet. */
  readonly withoutStatistics: ListPlan;
  /** After `PRAGMA optimize` (what the projection service now runs as the read models grow). */
  readonly withStatistics: ListPlan & {
    /** The single statement used before: every match read wide, with its wording and subject, then sorted. */
    readonly widePageMs: number;
    /** The 20-odd rows of the page, read by id after the narrow page statement, as better-sqlite3's row objects. */
    readonly rowsByIdMs: number;
    /** The same rows as arrays (better-sqlite3's raw mode), nothing more: the floor. */
    readonly rowsByIdArraysMs: number;
    /** The same rows through ReadModelDatabase.prepareRows (arrays made into objects in JS), as the list reads them. */
    readonly rowsByIdPrepareRowsMs: number;
  };
  /** A fold's read past the head of a 10-event stream (no row): with `LIMIT ?` bound, and without. */
  readonly tailRead: { readonly boundLimitUs: number; readonly noLimitUs: number };
}

function meanMs(executions: number, run: () => unknown): number {
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < Math.min(50, executions); i++) run();
    const started = performance.now();
    for (let i = 0; i < executions; i++) run();
    rounds.push((performance.now() - started) / executions);
  }
  return rounds.sort((a, b) => a - b)[1];
}

export async function benchListSql(options: ListSqlOptions): Promise<ListSqlFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-list-sql-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'OFF' });
  const database = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
  try {
    const { ids } = await generateAssessments(store, options.assessments, options.eventsPerAssessment);
    const projector = new AssessmentReadModelProjector(database, store);
    database.applySchema(projector.schema);
    const runner = new ProjectionRunner(store, database, [projector], { name: 'read-models', streamPrefix: PROJECTED_STREAM_PREFIX });
    await runner.catchUp({ batchSize: 500 });

    const query = new URLSearchParams(LIST_PATH.split('?')[1]);
    const sql = assessmentListSql(
      { statuses: [query.get('status')!], region: query.get('region')! },
      {},
      { key: 'updatedAt', descending: true },
      { limit: Number(query.get('limit')) },
      { levels: DEFAULT_CLASSIFICATIONS, publishedOnly: false },
    );
    const widePageSql = `${VERSION_SELECT.replace('SELECT ', 'SELECT v.rec_from AS sort_value, ')}
    ${sql.pageSql.slice(sql.pageSql.indexOf('WHERE'))}`;
    const db = database.db;
    const statement = (text: string) => db.prepare<[SqlParams], unknown>(text);
    const measurePlan = (): ListPlan => ({
      plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql.pageSql}`).all(sql.params) as { detail: string }[]).map((row) => row.detail),
      countMs: round(meanMs(options.executions, () => statement(sql.countSql).get(sql.params)), 3),
      pageMs: round(meanMs(options.executions, () => statement(sql.pageSql).all(sql.params)), 3),
    });

    const withoutStatistics = measurePlan();
    database.optimize();
    const withStatistics = measurePlan();
    const pageIds = JSON.stringify((statement(sql.pageSql).all(sql.params) as { id: number }[]).map((row) => row.id));
    const rowsById = db.prepare<[string], unknown>(VERSION_ROWS_BY_ID_SQL);
    const rowsByIdArrays = db.prepare<[string], unknown[]>(VERSION_ROWS_BY_ID_SQL).raw(true);

    const stream = assessmentStream(ids[0]);
    const past = options.eventsPerAssessment;
    return {
      options,
      listPath: LIST_PATH,
      withoutStatistics,
      withStatistics: {
        ...withStatistics,
        widePageMs: round(meanMs(options.executions, () => statement(widePageSql).all(sql.params)), 3),
        rowsByIdMs: round(meanMs(options.executions, () => rowsById.all(pageIds)), 3),
        rowsByIdArraysMs: round(meanMs(options.executions, () => rowsByIdArrays.all(pageIds)), 3),
        rowsByIdPrepareRowsMs: round(meanMs(options.executions, () => database.prepareRows<[string], unknown>(VERSION_ROWS_BY_ID_SQL).all(pageIds)), 3),
      },
      tailRead: {
        boundLimitUs: round(meanMs(options.executions * 20, () => store.readStreamSync(stream, { fromRevision: past, maxCount: 1_000_000 })) * 1000, 2),
        noLimitUs: round(meanMs(options.executions * 20, () => store.readStreamSync(stream, { fromRevision: past })) * 1000, 2),
      },
    };
  } finally {
    database.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const assessments = Number(process.argv[2] ?? 1000);
  const executions = Number(process.argv[3] ?? 1000);
  console.log(JSON.stringify(await benchListSql({ assessments, eventsPerAssessment: 10, executions }), null, 2));
}
