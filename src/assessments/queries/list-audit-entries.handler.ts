import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor.js';
import { ProjectionService } from '../../projections/projection.service.js';
import { ReadModelDatabase } from '../../projections/read-model-database.js';
import type { SqlParams } from './assessment-list.sql.js';
import { AuditFeed, ListAuditEntriesQuery } from './list-audit-entries.query.js';

interface AuditRow {
  position: string;
  assessment_id: string;
  revision: number;
  type: string;
  actor: string;
  recorded_at: number;
  effective_at: number;
  rationale: string | null;
  basis: string | null;
  changes: string;
  event_id: string;
  correlation_id: string | null;
  causation_id: string | null;
}

@QueryHandler(ListAuditEntriesQuery)
export class ListAuditEntriesHandler implements IQueryHandler<ListAuditEntriesQuery, AuditFeed> {
  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projections: ProjectionService,
  ) {}

  async execute({ filter, page, minPosition }: ListAuditEntriesQuery): Promise<AuditFeed> {
    await this.projections.waitFor(minPosition);
    const position = this.projections.position.toString();
    const params: SqlParams = {};
    const where: string[] = [];
    if (filter.actor !== undefined) {
      params.actor = filter.actor;
      where.push('actor = @actor');
    }
    if (filter.types?.length) {
      where.push(`type IN (${filter.types.map((t, i) => ((params[`type${i}`] = t), `@type${i}`)).join(', ')})`);
    }
    if (filter.assessmentId !== undefined) {
      params.assessmentId = filter.assessmentId;
      where.push('seq = (SELECT seq FROM assessment_keys WHERE assessment_id = @assessmentId)');
    }
    const range = (column: string, from: number | undefined, to: number | undefined, name: string) => {
      if (from !== undefined) {
        params[`${name}From`] = from;
        where.push(`${column} >= @${name}From`);
      }
      if (to !== undefined) {
        params[`${name}To`] = to;
        where.push(`${column} < @${name}To`);
      }
    };
    range('recorded_at', filter.recordedFrom, filter.recordedTo, 'rec');
    range('effective_at', filter.effectiveFrom, filter.effectiveTo, 'eff');

    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.database.prepare<[SqlParams], { n: number }>(`SELECT count(*) AS n FROM audit_entries ${whereSql}`).get(params)!.n;

    const sortKey = page.ascending ? 'position' : '-position';
    const cursor = decodeCursor(page.cursor, sortKey);
    const pageWhere = [...where];
    if (cursor) {
      params.after = cursor.value;
      pageWhere.push(`position ${page.ascending ? '>' : '<'} CAST(@after AS INTEGER)`);
    }
    params.limit = page.limit + 1;
    const rows = this.database
      .prepare<[SqlParams], AuditRow>(
        `SELECT CAST(position AS TEXT) AS position, assessment_id, revision, type, actor, recorded_at, effective_at,
                rationale, basis, changes, event_id, correlation_id, causation_id
         FROM audit_entries ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
         ORDER BY audit_entries.position ${page.ascending ? 'ASC' : 'DESC'} LIMIT @limit`,
      )
      .all(params);
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((row) => ({
        position: row.position,
        assessmentId: row.assessment_id,
        revision: row.revision,
        type: row.type,
        actor: row.actor,
        recordedAt: new Date(row.recorded_at).toISOString(),
        effectiveAt: new Date(row.effective_at).toISOString(),
        rationale: row.rationale,
        basis: row.basis,
        changes: JSON.parse(row.changes),
        eventId: row.event_id,
        correlationId: row.correlation_id,
        causationId: row.causation_id,
      })),
      total,
      nextCursor: rows.length > page.limit && last ? encodeCursor({ sort: sortKey, value: last.position, id: 0 }) : null,
      position,
    };
  }
}
