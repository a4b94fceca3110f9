import { Inject, Optional } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { encodeCursor, ftsQuery } from '../../common/pagination/cursor.js';
import { LedgerMetrics } from '../../metrics/ledger-metrics.js';
import { ProjectionService } from '../../projections/projection.service.js';
import { ReadModelAnswerCache } from '../../projections/read-model-answer-cache.js';
import { ReadModelDatabase } from '../../projections/read-model-database.js';
import { AssessmentVersionRow, versionRowToView } from './assessment-version.row.js';
import { assessmentListSql, SqlParams, VERSION_ROWS_BY_ID_SQL } from './assessment-list.sql.js';
import type { AssessmentListSql } from './assessment-list.sql.js';
import { AssessmentList, ListAssessmentsQuery } from './list-assessments.query.js';

type PageEntry = { id: number; sort_value: number };

@QueryHandler(ListAssessmentsQuery)
export class ListAssessmentsHandler implements IQueryHandler<ListAssessmentsQuery, AssessmentList> {
  private readonly answers: ReadModelAnswerCache<AssessmentList>;

  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projections: ProjectionService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() metrics?: LedgerMetrics,
  ) {
    this.answers = new ReadModelAnswerCache(config.listCacheEntries, metrics && ((hit) => metrics.recordCacheLookup('list', hit)));
  }

  async execute(query: ListAssessmentsQuery): Promise<AssessmentList> {
    await this.projections.waitFor(query.minPosition);
    const position = this.projections.position;
    const text = query.filter.text === undefined ? undefined : ftsQuery(query.filter.text);
    if (text === null) return { items: [], total: 0, nextCursor: null, position: position.toString() };

    const sql = assessmentListSql({ ...query.filter, text }, query.at, query.sort, query.page, query.visibility);
    // The SQL and its parameters say everything the answer depends on but the scale of the views.
    const key = `${query.scale ?? ''}\n${sql.pageSql}\n${JSON.stringify(sql.params)}`;
    return this.answers.getOrCompute(key, { position, generation: this.database.generation }, () =>
      this.run(sql, query, position.toString()),
    );
  }

  private run(sql: AssessmentListSql, query: ListAssessmentsQuery, position: string): AssessmentList {
    const total = this.database.prepare<[SqlParams], { n: number }>(sql.countSql).get(sql.params)!.n;
    const entries = this.database.prepare<[SqlParams], PageEntry>(sql.pageSql).all(sql.params);
    const page = entries.slice(0, query.page.limit);
    const rows = new Map<number, AssessmentVersionRow>();
    if (page.length > 0) {
      const byId = this.database.prepareRows<[string], AssessmentVersionRow>(VERSION_ROWS_BY_ID_SQL);
      for (const row of byId.all(JSON.stringify(page.map((entry) => entry.id)))) rows.set(row.id, row);
    }
    const last = page[page.length - 1];
    return {
      items: page.map((entry) => versionRowToView(rows.get(entry.id)!, query.scale)),
      total,
      nextCursor:
        entries.length > query.page.limit && last ? encodeCursor({ sort: sql.sortKey, value: last.sort_value, id: last.id }) : null,
      position,
    };
  }
}
