import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { encodeCursor, ftsQuery } from '../../common/pagination/cursor.js';
import { ProjectionService } from '../../projections/projection.service.js';
import { ReadModelDatabase } from '../../projections/read-model-database.js';
import { AssessmentVersionRow, versionRowToView } from './assessment-version.row.js';
import { assessmentListSql, SqlParams } from './assessment-list.sql.js';
import { AssessmentList, ListAssessmentsQuery } from './list-assessments.query.js';

type SortedRow = AssessmentVersionRow & { sort_value: number };

@QueryHandler(ListAssessmentsQuery)
export class ListAssessmentsHandler implements IQueryHandler<ListAssessmentsQuery, AssessmentList> {
  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projections: ProjectionService,
  ) {}

  async execute(query: ListAssessmentsQuery): Promise<AssessmentList> {
    await this.projections.waitFor(query.minPosition);
    const position = this.projections.position.toString();
    const text = query.filter.text === undefined ? undefined : ftsQuery(query.filter.text);
    if (text === null) return { items: [], total: 0, nextCursor: null, position };

    const sql = assessmentListSql({ ...query.filter, text }, query.at, query.sort, query.page, query.visibility);
    const total = this.database.prepare<[SqlParams], { n: number }>(sql.countSql).get(sql.params)!.n;
    const rows = this.database.prepare<[SqlParams], SortedRow>(sql.pageSql).all(sql.params);
    const page = rows.slice(0, query.page.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => versionRowToView(row, query.scale)),
      total,
      nextCursor:
        rows.length > query.page.limit && last ? encodeCursor({ sort: sql.sortKey, value: last.sort_value, id: last.id }) : null,
      position,
    };
  }
}
