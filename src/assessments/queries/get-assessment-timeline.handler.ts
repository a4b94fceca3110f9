import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionService } from '../../projections/projection.service.js';
import { ReadModelDatabase } from '../../projections/read-model-database.js';
import { AssessmentNotFoundError } from '../domain/domain-errors.js';
import { expressIn } from '../domain/likelihood.js';
import type { Likelihood } from '../domain/likelihood.js';
import { ALL_VERSIONS, versionSourceFor, visibilityClauses } from './assessment-list.sql.js';
import type { VersionSource } from './assessment-list.sql.js';
import type { SqlParams } from './assessment-list.sql.js';
import { AssessmentTimeline, GetAssessmentTimelineQuery } from './get-assessment-timeline.query.js';

interface TimelineRow {
  revision: number;
  type: string;
  eff_from: number;
  rec_from: number;
  actor: string;
  status: string;
  p_low: number;
  p_high: number;
  scale: string | null;
  term: string | null;
  confidence: string;
  rationale: string | null;
  basis: string | null;
}

/**
 * Whether the caller may see the assessment `@id` as it is now. From the key,
 * by its id, to its one current version: the other way round (CROSS JOIN
 * fixes the order) walked every current version of the ledger to find it.
 */
export const visibleNowSql = (visible: readonly string[], source: VersionSource = ALL_VERSIONS) =>
  `SELECT 1 AS ok FROM assessment_keys k CROSS JOIN ${source.table} v ON v.seq = k.seq
   WHERE k.assessment_id = @id AND v.is_current = 1 AND ${visible.join(' AND ')}`;

@QueryHandler(GetAssessmentTimelineQuery)
export class GetAssessmentTimelineHandler implements IQueryHandler<GetAssessmentTimelineQuery, AssessmentTimeline> {
  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projections: ProjectionService,
  ) {}

  async execute({ assessmentId, scale, minPosition, visibility }: GetAssessmentTimelineQuery): Promise<AssessmentTimeline> {
    await this.projections.waitFor(minPosition);
    const position = this.projections.position.toString();
    const params: SqlParams = { id: assessmentId };
    // A reader's timeline has a point for each change they may see, with the substance as then published.
    const source = versionSourceFor(visibility);
    const visible = visibilityClauses(visibility, params);
    const allowed = visible.length === 0 || this.database.prepare<[SqlParams], { ok: number }>(visibleNowSql(visible, source)).get(params) !== undefined;
    if (!allowed) throw new AssessmentNotFoundError(assessmentId);
    const rows = this.database
      .prepare<[string], TimelineRow>(
        `SELECT v.revision, v.event_type AS type, v.eff_from, v.rec_from, v.updated_by AS actor, v.status, v.p_low,
                v.p_high, v.scale, v.term, v.confidence, v.rationale, v.basis
         FROM ${source.table} v
         WHERE v.seq = (SELECT seq FROM assessment_keys WHERE assessment_id = ?)
         ORDER BY v.revision`,
      )
      .all(assessmentId);
    if (rows.length === 0) throw new AssessmentNotFoundError(assessmentId);
    return {
      assessmentId,
      position,
      points: rows.map((row) => {
        const stated: Likelihood = { scale: row.scale as Likelihood['scale'], term: row.term, probability: { low: row.p_low, high: row.p_high } };
        const shown = scale ? expressIn(stated, scale) : stated;
        return {
          revision: row.revision,
          type: row.type,
          effectiveAt: new Date(row.eff_from).toISOString(),
          recordedAt: new Date(row.rec_from).toISOString(),
          actor: row.actor,
          status: row.status,
          probability: stated.probability,
          likelihood: { scale: shown.scale, term: shown.term },
          confidence: row.confidence,
          rationale: row.rationale,
          basis: row.basis,
        };
      }),
    };
  }
}
