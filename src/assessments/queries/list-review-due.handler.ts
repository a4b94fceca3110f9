import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { boundedCountSql, boundedTotal } from '../../common/pagination/bounded-total.js';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor.js';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { ProjectionService } from '../../projections/projection.service.js';
import { ReadModelDatabase } from '../../projections/read-model-database.js';
import { AssessmentVersionRow, VERSION_SELECT, versionRowToView } from './assessment-version.row.js';
import { visibilityClauses } from './assessment-list.sql.js';
import type { SqlParams } from './assessment-list.sql.js';
import { ListReviewDueQuery, ReviewDueList, ReviewReason } from './list-review-due.query.js';

const REVIEW_DUE_SORT = 'horizonEnd~seq';

const DAY_MS = 86_400_000;

@QueryHandler(ListReviewDueQuery)
export class ListReviewDueHandler implements IQueryHandler<ListReviewDueQuery, ReviewDueList> {
  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projections: ProjectionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(query: ListReviewDueQuery): Promise<ReviewDueList> {
    await this.projections.waitFor(query.minPosition);
    const position = this.projections.position.toString();
    const params: SqlParams = { now: query.now, staleBefore: query.now - query.staleAfterDays * DAY_MS };
    // The partial index on (status, horizon end) narrows to current published rows first.
    const where = [
      `v.is_current = 1 AND v.status = 'published'`,
      `(v.horizon_end < @now OR v.eff_from < @staleBefore OR v.linchpin_invalid = 1)`,
      ...visibilityClauses(query.visibility, params),
    ].join(' AND ');
    const counted = this.database
      .prepare<[SqlParams], { n: number }>(
        boundedCountSql(`FROM assessment_versions v CROSS JOIN assessment_keys k ON k.seq = v.seq WHERE ${where}`, this.config.listCountLimit),
      )
      .get(params)!.n;

    // Ties broken by the assessment, as in a current list (assessment-list.sql.ts): a change between two pages keeps its place.
    const cursor = decodeCursor(query.page.cursor, REVIEW_DUE_SORT);
    let pageWhere = where;
    if (cursor) {
      params.cv = cursor.value;
      params.cid = cursor.id;
      pageWhere += ' AND (v.horizon_end, v.seq) > (@cv, @cid)';
    }
    params.limit = query.page.limit + 1;
    const rows = this.database
      .prepareRows<[SqlParams], AssessmentVersionRow>(`${VERSION_SELECT} WHERE ${pageWhere} ORDER BY v.horizon_end, v.seq LIMIT @limit`)
      .all(params);
    const page = rows.slice(0, query.page.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => {
        const reasons: ReviewReason[] = [];
        if (row.horizon_end < query.now) reasons.push('horizon-ended');
        if (row.eff_from < (params.staleBefore as number)) reasons.push('not-revised');
        if (row.linchpin_invalid === 1) reasons.push('linchpin-invalid');
        return { assessment: versionRowToView(row, query.scale), reasons };
      }),
      ...boundedTotal(counted, this.config.listCountLimit),
      nextCursor: rows.length > query.page.limit && last ? encodeCursor({ sort: REVIEW_DUE_SORT, value: last.horizon_end, id: last.seq }) : null,
      staleAfterDays: query.staleAfterDays,
      position,
    };
  }
}
