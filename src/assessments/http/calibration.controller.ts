import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AllowRoles } from '../../auth/access.decorators.js';
import { CurrentVisibility } from '../../auth/current-principal.decorator.js';
import type { Visibility } from '../../auth/principal.js';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import type { Calibration } from '../domain/calibration.js';
import { GetCalibrationQuery } from '../queries/get-calibration.query.js';
import type { CalibrationReport } from '../queries/get-calibration.query.js';
import { CalibrationQueryDto } from './dto/calibration-query.dto.js';
import { positionOf } from './list-filter.mapper.js';

const CSV_COLUMNS = ['group', 'key', 'bin_from', 'bin_to', 'count', 'mean_probability', 'observed_frequency', 'mean_brier', 'mean_time_weighted_brier'];

function csvRows(group: string, key: string, c: Calibration): (string | number | null)[][] {
  const total = [group, key, 'all', 'all', c.count, null, null, c.meanBrier, c.meanTimeWeightedBrier];
  const bins = c.bins.map((b) => [group, key, b.from, b.to, b.count, b.meanProbability, b.observedFrequency, b.meanBrier, null]);
  return [total, ...bins];
}

/** Calibration as CSV: a totals row then one row per bin, for all judgments and for each group. */
export function calibrationCsv(report: CalibrationReport): string {
  const rows = csvRows('all', '', report);
  for (const group of report.groups) rows.push(...csvRows(report.groupBy!, group.key, group));
  return stringify(rows, { header: true, columns: CSV_COLUMNS });
}

/** How good the judgments turned out to be: Brier scores and reliability bins. */
@Controller('calibration')
export class CalibrationController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @AllowRoles('analyst', 'reviewer', 'auditor')
  async calibration(
    @Query() query: CalibrationQueryDto,
    @CurrentVisibility() visibility: Visibility,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CalibrationReport | string> {
    const report = await this.queryBus.execute(
      new GetCalibrationQuery(
        { from: query.from === undefined ? undefined : Date.parse(query.from), to: query.to === undefined ? undefined : Date.parse(query.to) },
        query.groupBy,
        query.bins ?? 10,
        positionOf(query.minPosition),
        visibility,
      ),
    );
    if (accept?.includes('text/csv')) {
      reply.type('text/csv; charset=utf-8');
      return calibrationCsv(report);
    }
    return report;
  }
}
