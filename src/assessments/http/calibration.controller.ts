import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
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
import { CalibrationResponse } from './responses/calibration.response.js';
import { ApiErrorResponses, AUTHENTICATED_ERRORS } from '../../openapi/api-error-responses.decorator.js';
import { BEARER_AUTH } from '../../openapi/openapi-document.js';

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
@ApiTags('reports')
@ApiBearerAuth(BEARER_AUTH)
@ApiErrorResponses(...AUTHENTICATED_ERRORS)
@ApiExtraModels(CalibrationResponse)
@Controller('calibration')
export class CalibrationController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Brier scores and reliability bins of resolved, published assessments',
    description: 'Roles analyst, reviewer, auditor. JSON, or CSV with `Accept: text/csv` (a totals row, then one row per bin, for all and for each group).',
  })
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(CalibrationResponse) } },
      'text/csv': {
        schema: { type: 'string' },
        example: 'group,key,bin_from,bin_to,count,mean_probability,observed_frequency,mean_brier,mean_time_weighted_brier\nall,,all,all,4,,,0.1875,0.16\n',
      },
    },
  })
  @ApiErrorResponses(400, 503)
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
        query.line,
      ),
    );
    if (accept?.includes('text/csv')) {
      reply.type('text/csv; charset=utf-8');
      return calibrationCsv(report);
    }
    return report;
  }
}
