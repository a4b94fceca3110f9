import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isDeepStrictEqual } from 'node:util';
import { boundedCountSql, boundedTotal } from '../../common/pagination/bounded-total.js';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor.js';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { ProjectionService } from '../../projections/projection.service.js';
import { ReadModelDatabase } from '../../projections/read-model-database.js';
import type { AssessmentSummaryView } from './assessment.view.js';
import { AssessmentVersionRow, VERSION_SELECT, versionRowToView } from './assessment-version.row.js';
import { visibilityClauses } from './assessment-list.sql.js';
import type { SqlParams } from './assessment-list.sql.js';
import { AuditEntryView, AuditFeed, ListAuditEntriesQuery } from './list-audit-entries.query.js';

/** The judgment's fields an audit entry reports changes of. */
const AUDITED_FIELDS = ['statement', 'likelihood', 'confidence', 'horizon', 'subject', 'classification', 'status', 'supersededBy'] as const;

/** What an event changed, as `{ field: { from, to } }` between the version before it and its own. */
function changesBetween(before: AssessmentSummaryView | null, after: AssessmentSummaryView): AuditEntryView['changes'] {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of AUDITED_FIELDS) {
    const from = before ? before[field] : null;
    if (!isDeepStrictEqual(from, after[field])) changes[field] = { from, to: after[field] };
  }
  return changes;
}

@QueryHandler(ListAuditEntriesQuery)
export class ListAuditEntriesHandler implements IQueryHandler<ListAuditEntriesQuery, AuditFeed> {
  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projections: ProjectionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ filter, page, minPosition, visibility }: ListAuditEntriesQuery): Promise<AuditFeed> {
    await this.projections.waitFor(minPosition);
    const position = this.projections.position.toString();
    const params: SqlParams = {};
    const where: string[] = [];
    if (filter.actor !== undefined) {
      params.actor = filter.actor;
      where.push('v.updated_by = @actor');
    }
    if (filter.types?.length) {
      where.push(`v.event_type IN (${filter.types.map((t, i) => ((params[`type${i}`] = t), `@type${i}`)).join(', ')})`);
    }
    if (filter.assessmentId !== undefined) {
      params.assessmentId = filter.assessmentId;
      where.push('v.seq = (SELECT seq FROM assessment_keys WHERE assessment_id = @assessmentId)');
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
    range('v.rec_from', filter.recordedFrom, filter.recordedTo, 'rec');
    range('v.eff_from', filter.effectiveFrom, filter.effectiveTo, 'eff');
    where.push(...visibilityClauses(visibility, params));

    const counted = this.database
      .prepare<[SqlParams], { n: number }>(
        boundedCountSql(
          `FROM assessment_versions v CROSS JOIN assessment_keys k ON k.seq = v.seq ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
          this.config.listCountLimit,
        ),
      )
      .get(params)!.n;

    // Versions are written in log order, so id orders them as positions do.
    const sortKey = page.ascending ? 'position' : '-position';
    const cursor = decodeCursor(page.cursor, sortKey, 'digits');
    if (cursor) {
      params.afterId = cursor.id;
      where.push(`v.id ${page.ascending ? '>' : '<'} @afterId`);
    }
    params.limit = page.limit + 1;
    const rows = this.database
      .prepareRows<[SqlParams], AssessmentVersionRow>(
        `${VERSION_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY v.id ${page.ascending ? 'ASC' : 'DESC'} LIMIT @limit`,
      )
      .all(params);
    const items = rows.slice(0, page.limit);
    const previous = this.database.prepareRows<[number, number], AssessmentVersionRow>(
      `${VERSION_SELECT} WHERE v.seq = ? AND v.revision < ? ORDER BY v.revision DESC LIMIT 1`,
    );
    const last = items[items.length - 1];
    return {
      items: items.map((row) => {
        const before = previous.get(row.seq, row.revision);
        return {
          position: row.position,
          assessmentId: row.assessment_id,
          revision: row.revision,
          type: row.event_type,
          actor: row.updated_by,
          recordedAt: new Date(row.rec_from).toISOString(),
          effectiveAt: new Date(row.eff_from).toISOString(),
          rationale: row.rationale,
          basis: row.basis,
          changes: changesBetween(before ? versionRowToView(before) : null, versionRowToView(row)),
          details: row.detail === null ? null : JSON.parse(row.detail),
          eventId: row.event_id,
          correlationId: row.correlation_id,
          causationId: row.causation_id,
        };
      }),
      ...boundedTotal(counted, this.config.listCountLimit),
      nextCursor: rows.length > page.limit && last ? encodeCursor({ sort: sortKey, value: last.position, id: last.id }) : null,
      position,
    };
  }
}
