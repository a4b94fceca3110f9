import { Inject, UnprocessableEntityException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { boundedCountSql } from '../../common/pagination/bounded-total.js';
import { ftsQuery } from '../../common/pagination/cursor.js';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { ProjectionService } from '../../projections/projection.service.js';
import { ReadModelDatabase } from '../../projections/read-model-database.js';
import { confidenceRank } from '../domain/assessment-values.js';
import type { Confidence } from '../domain/assessment-values.js';
import { midpoint } from '../domain/likelihood.js';
import type { AssessmentSummaryView } from './assessment.view.js';
import { SUBSTANCE_EVENTS } from '../domain/reader-view.js';
import { ALL_VERSIONS, filterClauses, PUBLIC_VERSIONS, SUBSTANCE_EVENTS_SQL, versionAt, visibilityClauses } from './assessment-list.sql.js';
import type { SqlParams } from './assessment-list.sql.js';
import { AssessmentVersionRow, versionRowToView, versionSelect } from './assessment-version.row.js';
import {
  AnalyticLineReport,
  GetAnalyticLineReportQuery,
  InterimChange,
  LINE_CLASSES,
  LineChanges,
  LineClass,
  LineItem,
} from './get-analytic-line-report.query.js';

const CLOSED = new Set(['withdrawn', 'superseded', 'resolved']);
const SUBSTANCE_EVENT_TYPES: ReadonlySet<string> = new Set(SUBSTANCE_EVENTS);

/**
 * The analytic line between two editions, from the versions read model: the
 * version of each assessment standing at `to`, the one standing at `from`,
 * and the versions in between, three indexed queries and no replay. The
 * published line reads the versions readers see (assessment_public_versions)
 * for the two editions, and lists the changes in between that readers saw by
 * the later one (a change of substance once published, the rest at once).
 */
@QueryHandler(GetAnalyticLineReportQuery)
export class GetAnalyticLineReportHandler implements IQueryHandler<GetAnalyticLineReportQuery, AnalyticLineReport> {
  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projections: ProjectionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(query: GetAnalyticLineReportQuery): Promise<AnalyticLineReport> {
    await this.projections.waitFor(query.minPosition);
    const position = this.projections.position.toString();
    const params: SqlParams = {};
    const text = query.filter.text === undefined ? undefined : ftsQuery(query.filter.text);
    const counts = Object.fromEntries(LINE_CLASSES.map((c) => [c, 0])) as Record<LineClass, number>;
    const empty = { from: new Date(query.from).toISOString(), to: new Date(query.to).toISOString(), line: query.line, counts, items: [], position };
    if (text === null) return empty;
    const source = query.line === 'published' ? PUBLIC_VERSIONS : ALL_VERSIONS;
    const select = versionSelect(source.table);
    const where = [
      versionAt({ effective: query.to }, params),
      ...filterClauses({ ...query.filter, text }, params, {}, source),
      ...visibilityClauses(query.visibility, params),
    ];
    // A report is built whole while the event loop waits, and one of every judgment of a large
    // ledger (some kilobytes each) serves no reader: past the limit the caller narrows the scope.
    const limit = this.config.reportMaxJudgments;
    const inScopeSql = boundedCountSql(`FROM ${source.table} v CROSS JOIN assessment_keys k ON k.seq = v.seq WHERE ${where.join(' AND ')}`, limit + 1);
    const inScope = this.database.prepare<[SqlParams], { n: number }>(inScopeSql).get(params)!.n;
    if (inScope > limit) {
      throw new UnprocessableEntityException({
        message: `more than ${limit} judgments are in scope; narrow the report with filters (status, region, topic, actor, createdBy, q, ...) or a shorter window`,
        code: 'report-too-large',
        limit,
      });
    }
    const atTo = this.database.prepareRows<[SqlParams], AssessmentVersionRow>(`${select} WHERE ${where.join(' AND ')} ORDER BY v.seq`).all(params);
    const seqs = JSON.stringify(atTo.map((row) => row.seq));

    const atFrom = new Map(
      this.database
        .prepareRows<[SqlParams], AssessmentVersionRow>(
          `${select} WHERE v.seq IN (SELECT value FROM json_each(@seqs)) AND v.eff_to > @from AND v.eff_from <= @from`,
        )
        .all({ seqs, from: query.from })
        .map((row) => [row.seq, row]),
    );
    // On the published line, a change is in between when readers first saw it in the window: a change of
    // substance when a publication in it took it in (made before `from` or not), any other when it was made.
    const publishedRevisionOf = (row: AssessmentVersionRow | undefined) => row?.published_revision ?? -1;
    const shownBetween = new Map(
      atTo.map((row) => [row.seq, { lastShown: row.revision, publishedByFrom: publishedRevisionOf(atFrom.get(row.seq)), publishedByTo: publishedRevisionOf(row) }]),
    );
    const seenInWindow = (row: { seq: number; revision: number; event_type: string; eff_from: number }) => {
      const at = shownBetween.get(row.seq)!;
      if (SUBSTANCE_EVENT_TYPES.has(row.event_type)) return row.revision > at.publishedByFrom && row.revision <= at.publishedByTo;
      return row.revision <= at.lastShown && row.eff_from > query.from && row.eff_from <= query.to;
    };
    const inWindow = source.publishedOnly
      ? `(v.eff_from > @from AND v.eff_from <= @to OR v.event_type IN (${SUBSTANCE_EVENTS_SQL}))`
      : 'v.eff_from > @from AND v.eff_from <= @to';
    const interim = new Map<number, InterimChange[]>();
    for (const row of this.database
      .prepare<[SqlParams], { seq: number; revision: number; event_type: string; updated_by: string; eff_from: number; rationale: string | null; basis: string | null }>(
        `SELECT v.seq, v.revision, v.event_type, v.updated_by, v.eff_from, v.rationale, v.basis
         FROM assessment_versions v
         WHERE v.seq IN (SELECT value FROM json_each(@seqs)) AND ${inWindow}
         ORDER BY v.seq, v.revision`,
      )
      .all({ seqs, from: query.from, to: query.to })) {
      if (source.publishedOnly && !seenInWindow(row)) continue;
      const list = interim.get(row.seq) ?? [];
      list.push({
        revision: row.revision,
        type: row.event_type,
        actor: row.updated_by,
        effectiveAt: new Date(row.eff_from).toISOString(),
        rationale: row.rationale,
        basis: row.basis,
      });
      interim.set(row.seq, list);
    }

    const items: LineItem[] = [];
    for (const row of atTo) {
      const before = atFrom.get(row.seq);
      const item = classify(before ? versionRowToView(before, query.scale) : null, versionRowToView(row, query.scale), interim.get(row.seq) ?? []);
      if (!item) continue;
      counts[item.class] += 1;
      items.push(item);
    }
    return { ...empty, items };
  }
}

/** Classes one judgment; null for one already closed before the window that stayed so. */
function classify(atFrom: AssessmentSummaryView | null, atTo: AssessmentSummaryView, interim: InterimChange[]): LineItem | null {
  const base = { assessmentId: atTo.assessmentId, createdInWindow: atFrom === null, atFrom, atTo, interim };
  if (atFrom && CLOSED.has(atFrom.status) && atFrom.status === atTo.status) return null;
  const closedNow = CLOSED.has(atTo.status) && atFrom?.status !== atTo.status;
  if (closedNow) return { ...base, class: atTo.status as LineClass, changes: atFrom ? changesBetween(atFrom, atTo) : {} };
  if (!atFrom) return { ...base, class: 'new', changes: {} };
  const changes = changesBetween(atFrom, atTo);
  return { ...base, class: Object.keys(changes).length > 0 ? 'changed' : 'consistent', changes };
}

function changesBetween(a: AssessmentSummaryView, b: AssessmentSummaryView): LineChanges {
  const changes: { -readonly [K in keyof LineChanges]: LineChanges[K] } = {};
  const pa = a.likelihood.probability;
  const pb = b.likelihood.probability;
  if (pa.low !== pb.low || pa.high !== pb.high || a.likelihood.term !== b.likelihood.term) {
    const delta = midpoint(pb) - midpoint(pa);
    changes.likelihood = { from: a.likelihood, to: b.likelihood, direction: delta > 0 ? 'up' : delta < 0 ? 'down' : null };
  }
  if (a.confidence !== b.confidence) {
    const up = confidenceRank(b.confidence as Confidence) > confidenceRank(a.confidence as Confidence);
    changes.confidence = { from: a.confidence, to: b.confidence, direction: up ? 'up' : 'down' };
  }
  if (a.statement !== b.statement) changes.reworded = { from: a.statement, to: b.statement };
  return changes;
}
