import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionService } from '../../projections/projection.service.js';
import { ReadModelDatabase } from '../../projections/read-model-database.js';
import { calibrate } from '../domain/calibration.js';
import type { ScoredJudgment } from '../domain/calibration.js';
import type { SqlParams } from './assessment-list.sql.js';
import type { AnalyticLine } from './get-analytic-line-report.query.js';
import { CalibrationGrouping, CalibrationReport, GetCalibrationQuery } from './get-calibration.query.js';

interface ScoreRow extends ScoredJudgment {
  created_by: string;
  line_kind: string;
  confidence: string;
  scale: string | null;
  actors: string;
  regions: string;
  topics: string;
}

/** The score rows of the main line: every judgment stated, or only what was published (what readers were shown). */
const MAIN_LINE_KIND: Record<AnalyticLine, string> = { working: 'main', published: 'published' };

function keysOf(row: ScoreRow, grouping: CalibrationGrouping, mainKind: string): string[] {
  switch (grouping) {
    case 'actor':
      return [row.created_by];
    case 'line':
      return [row.line_kind === mainKind ? 'main' : row.line_kind];
    case 'confidence':
      return [row.confidence];
    case 'scale':
      return [row.scale ?? 'probability'];
    case 'topic':
      return JSON.parse(row.topics);
    case 'region':
      return JSON.parse(row.regions);
  }
}

@QueryHandler(GetCalibrationQuery)
export class GetCalibrationHandler implements IQueryHandler<GetCalibrationQuery, CalibrationReport> {
  constructor(
    private readonly database: ReadModelDatabase,
    private readonly projections: ProjectionService,
  ) {}

  async execute({ range, groupBy, bins, minPosition, visibility, line }: GetCalibrationQuery): Promise<CalibrationReport> {
    await this.projections.waitFor(minPosition);
    const position = this.projections.position.toString();
    const mainKind = MAIN_LINE_KIND[line];
    const params: SqlParams = { from: range.from ?? -8_640_000_000_000_000, to: range.to ?? 8_640_000_000_000_000, mainKind };
    // A score is seen only by those who may see its assessment now (only published assessments are scored).
    const visible = visibility
      ? [`k.classification IN (${visibility.levels.map((level, i) => ((params[`vis${i}`] = level), `@vis${i}`)).join(', ') || 'NULL'})`]
      : [];
    const rows = this.database
      .prepare<[SqlParams], ScoreRow>(
        `SELECT s.probability, s.observed, s.brier, s.time_weighted_brier AS timeWeightedBrier, s.confidence, s.scale,
                s.line_kind, s.author AS created_by, sj.actors, sj.regions, sj.topics
         FROM assessment_scores s
         CROSS JOIN assessment_keys k ON k.seq = s.seq
         CROSS JOIN assessment_subjects sj ON sj.id = s.subject_id
         WHERE s.known_at >= @from AND s.known_at < @to
           AND ${groupBy === 'line' ? "s.line_kind IN (@mainKind, 'dissent')" : 's.line_kind = @mainKind'}
           ${visible.map((c) => `AND ${c}`).join(' ')}`,
      )
      .all(params);

    const groups: CalibrationReport['groups'] = [];
    if (groupBy) {
      const byKey = new Map<string, ScoreRow[]>();
      for (const row of rows) {
        for (const key of keysOf(row, groupBy, mainKind)) {
          const members = byKey.get(key) ?? [];
          members.push(row);
          byKey.set(key, members);
        }
      }
      for (const key of [...byKey.keys()].sort()) groups.push({ key, ...calibrate(byKey.get(key)!, bins) });
    }
    // The totals are always the main line's; dissents show only in the `line` grouping.
    return {
      ...calibrate(groupBy === 'line' ? rows.filter((row) => row.line_kind === mainKind) : rows, bins),
      from: range.from === undefined ? null : new Date(range.from).toISOString(),
      to: range.to === undefined ? null : new Date(range.to).toISOString(),
      groupBy: groupBy ?? null,
      line,
      groups,
      position,
    };
  }
}
