/**
 * The listings at the rebuild benchmark's scale: 100,000 assessments × 10
 * events (1M versions) generated, rebuilt into the read models as
 * `npm run projections:rebuild` does, then each listing asked through its
 * query handler with the answer cache off and full visibility (as an admin
 * asks), three times; the first answer and the median of the three are
 * reported. What a reader waits for the first time a query is asked after a
 * write (the answer cache makes repeats cheap). Not in the results table.
 *   npm run build && node dist/bench/list-scale.bench.js [assessments]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssessmentReadModelProjector } from '../src/assessments/projections/assessment-read-model.projector.js';
import { GetAssessmentTimelineHandler } from '../src/assessments/queries/get-assessment-timeline.handler.js';
import { GetAssessmentTimelineQuery } from '../src/assessments/queries/get-assessment-timeline.query.js';
import { ListAssessmentsHandler } from '../src/assessments/queries/list-assessments.handler.js';
import { ListAssessmentsQuery } from '../src/assessments/queries/list-assessments.query.js';
import type { AssessmentListFilter, ListSortKey, ListTimePoint } from '../src/assessments/queries/list-assessments.query.js';
import { ListAuditEntriesHandler } from '../src/assessments/queries/list-audit-entries.handler.js';
import { ListAuditEntriesQuery } from '../src/assessments/queries/list-audit-entries.query.js';
import { ListReviewDueHandler } from '../src/assessments/queries/list-review-due.handler.js';
import { ListReviewDueQuery } from '../src/assessments/queries/list-review-due.query.js';
import { unrestricted } from '../src/auth/principal.js';
import { loadConfig } from '../src/config/app-config.js';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { PROJECTED_STREAM_PREFIX } from '../src/projections/projection.service.js';
import type { ProjectionService } from '../src/projections/projection.service.js';
import { ProjectionRunner } from '../src/projections/projection-runner.js';
import { ReadModelDatabase } from '../src/projections/read-model-database.js';
import { isMain } from './lib/cli.js';
import { generateHistory } from './lib/generate-history.js';
import { round } from './lib/stats.js';

export interface ListScaleOptions {
  readonly assessments: number;
  readonly eventsPerAssessment: number;
}

export interface ListScaleTiming {
  readonly query: string;
  readonly total: number;
  readonly totalIsLowerBound: boolean | null;
  readonly items: number;
  readonly firstMs: number;
  readonly medianMs: number;
}

export interface ListScaleFigures {
  readonly options: ListScaleOptions;
  readonly versions: number;
  /** Rows of assessment_public_versions: the versions readers see. */
  readonly readerVersions: number;
  readonly prepareSeconds: number;
  readonly timings: ListScaleTiming[];
}

const DAY = 86_400_000;

export async function benchListScale(options: ListScaleOptions = { assessments: 100_000, eventsPerAssessment: 10 }): Promise<ListScaleFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-list-scale-'));
  const started = performance.now();
  try {
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'OFF' });
    await generateHistory(store, options.assessments, options.eventsPerAssessment);
    const rebuilt = new ReadModelDatabase(join(dir, 'read-models.sqlite'), { bulkLoad: true });
    const projector = new AssessmentReadModelProjector(rebuilt, store);
    rebuilt.applySchema(projector.schema);
    await new ProjectionRunner(store, rebuilt, [projector], { name: 'read-models', streamPrefix: PROJECTED_STREAM_PREFIX }).catchUp({ batchSize: 5000 });
    rebuilt.createIndexes();
    rebuilt.close();

    // Opened as the server opens it, with the planner statistics it takes at start.
    const db = new ReadModelDatabase(join(dir, 'read-models.sqlite'));
    db.applySchema(projector.schema);
    db.optimize();
    const prepareSeconds = round((performance.now() - started) / 1000, 1);
    const config = { ...loadConfig({}), listCacheEntries: 0 };
    const projections = { waitFor: async () => undefined, position: 0n } as unknown as ProjectionService;
    const visibility = unrestricted(config.classificationLevels);
    const lists = new ListAssessmentsHandler(db, projections, config);
    const audit = new ListAuditEntriesHandler(db, projections, config);
    const reviewDue = new ListReviewDueHandler(db, projections, config);
    const timeline = new GetAssessmentTimelineHandler(db, projections);
    // A caller cleared to the lowest marking only makes the timeline check visibility first.
    const reader = { levels: config.classificationLevels.slice(0, 1), publishedOnly: false };
    const someId = (db.db.prepare('SELECT assessment_id FROM assessment_keys WHERE seq = ?').pluck().get(Math.ceil(options.assessments / 2)) as string);

    // The generated history's effective times run from the first draft to the last change.
    const span = db.db.prepare('SELECT min(eff_from) AS first, max(eff_from) AS last, min(rec_from) AS firstRecorded, max(rec_from) AS lastRecorded FROM assessment_versions').get() as {
      first: number;
      last: number;
      firstRecorded: number;
      lastRecorded: number;
    };
    const early = span.first + Math.round((span.last - span.first) / 20);
    const middle = span.first + Math.round((span.last - span.first) / 2);
    const recordedMiddle = span.firstRecorded + Math.round((span.lastRecorded - span.firstRecorded) / 2);
    const list = (filter: AssessmentListFilter, at: ListTimePoint = {}, key: ListSortKey = 'updatedAt', seenBy = visibility) =>
      lists.execute(new ListAssessmentsQuery(filter, at, { key, descending: true }, { limit: 20 }, undefined, undefined, seenBy));
    // A reader's lists come from the versions readers see (published work, as last published).
    const readerOnly = { levels: config.classificationLevels, publishedOnly: true };
    const readerList = (filter: AssessmentListFilter, at: ListTimePoint = {}) => list(filter, at, 'updatedAt', readerOnly);
    const asked: [string, () => Promise<{ total: number; totalIsLowerBound?: boolean; items: unknown[] }>][] = [
      ['GET /assessments', () => list({})],
      ['?status=draft', () => list({ statuses: ['draft'] })],
      ['?region=Moldova', () => list({ region: 'Moldova' })],
      ['?status=draft&region=Moldova', () => list({ statuses: ['draft'], region: 'Moldova' })],
      ['?sort=-createdAt', () => list({}, {}, 'createdAt')],
      ['?q=escalation (in nearly every text)', () => list({ text: '"escalation"*' })],
      ['?q=transnistria (in none)', () => list({ text: '"transnistria"*' })],
      ['?asOf=<after the last change>', () => list({}, { effective: span.last + DAY })],
      ['?asOf=<midway>', () => list({}, { effective: middle })],
      ['?asOf=<early>', () => list({}, { effective: early })],
      ['?asOf=<midway>&region=Moldova', () => list({ region: 'Moldova' }, { effective: middle })],
      ['?recordedAsOf=<now>', () => list({}, { recorded: Date.now() })],
      ['?recordedAsOf=<midway>&region=Moldova', () => list({ region: 'Moldova' }, { recorded: recordedMiddle })],
      ['?asOf=<midway>&recordedAsOf=<midway>', () => list({}, { effective: middle, recorded: recordedMiddle })],
      ['?asOf=<midway>&recordedAsOf=<midway>&region=Moldova', () => list({ region: 'Moldova' }, { effective: middle, recorded: recordedMiddle })],
      ['?asOf=<midway>&status=published', () => list({ statuses: ['published'] }, { effective: middle })],
      ['?asOf=<midway>&hasDissent=true (none)', () => list({ hasDissent: true }, { effective: middle })],
      ['reader: GET /assessments', () => readerList({})],
      ['reader: ?region=Moldova', () => readerList({ region: 'Moldova' })],
      ['reader: ?q=escalation', () => readerList({ text: '"escalation"*' })],
      ['reader: ?asOf=<midway>', () => readerList({}, { effective: middle })],
      ['reader: ?asOf=<midway>&recordedAsOf=<midway>', () => readerList({}, { effective: middle, recorded: recordedMiddle })],
      ['GET /audit', () => audit.execute(new ListAuditEntriesQuery({}, { limit: 20, ascending: false }, undefined, visibility))],
      ['GET /audit?type=StatementReworded', () => audit.execute(new ListAuditEntriesQuery({ types: ['StatementReworded'] }, { limit: 20, ascending: false }, undefined, visibility))],
      ['GET /review-due', () => reviewDue.execute(new ListReviewDueQuery(Date.now(), 180, { limit: 20 }, undefined, undefined, visibility))],
      [
        'GET /assessments/:id/timeline (cleared to the lowest marking)',
        async () => {
          const { points } = await timeline.execute(new GetAssessmentTimelineQuery(someId, undefined, undefined, reader));
          return { total: points.length, items: points };
        },
      ],
    ];
    const timings: ListScaleTiming[] = [];
    for (const [query, ask] of asked) {
      const runs: number[] = [];
      let answer: Awaited<ReturnType<typeof ask>> | undefined;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        answer = await ask();
        runs.push(performance.now() - t0);
      }
      timings.push({
        query,
        total: answer!.total,
        totalIsLowerBound: answer!.totalIsLowerBound ?? null,
        items: answer!.items.length,
        firstMs: round(runs[0], 1),
        medianMs: round([...runs].sort((a, b) => a - b)[1], 1),
      });
    }
    const versions = (db.db.prepare('SELECT count(*) AS n FROM assessment_versions').get() as { n: number }).n;
    const readerVersions = (db.db.prepare('SELECT count(*) AS n FROM assessment_public_versions').get() as { n: number }).n;
    db.close();
    await store.close();
    return { options, versions, readerVersions, prepareSeconds, timings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const assessments = Number(process.argv[2] ?? 100_000);
  const figures = await benchListScale({ assessments, eventsPerAssessment: 10 });
  console.log(`${figures.versions} versions (${figures.readerVersions} of them for readers) of ${assessments} assessments, prepared in ${figures.prepareSeconds} s`);
  for (const t of figures.timings) {
    const total = `${t.total}${t.totalIsLowerBound ? '+' : ''}`;
    console.log(`${t.query.padEnd(56)} total ${total.padStart(7)}  items ${String(t.items).padStart(2)}  first ${String(t.firstMs).padStart(8)} ms  median ${String(t.medianMs).padStart(8)} ms`);
  }
}
