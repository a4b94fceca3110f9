import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { AllowRoles } from '../../auth/access.decorators.js';
import { CurrentVisibility } from '../../auth/current-principal.decorator.js';
import type { Visibility } from '../../auth/principal.js';
import { badRequest } from '../../common/http/validation-error.factory.js';
import { GetAnalyticLineReportQuery } from '../queries/get-analytic-line-report.query.js';
import type { AnalyticLineReport } from '../queries/get-analytic-line-report.query.js';
import { analyticLineCsv, analyticLineMarkdown } from './analytic-line.renderers.js';
import { AnalyticLineQueryDto } from './dto/analytic-line-query.dto.js';
import { listFilterOf, positionOf } from './list-filter.mapper.js';

/** Reports across editions of the assessments. */
@Controller('reports')
export class ReportsController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * Which judgments are new, changed (and how), consistent, withdrawn,
   * superseded or resolved between two editions. JSON, or Markdown
   * (`Accept: text/markdown`) for an edition's annex, or CSV (`Accept: text/csv`).
   */
  @Get('analytic-line')
  @AllowRoles('analyst', 'reviewer', 'auditor')
  async analyticLine(
    @Query() query: AnalyticLineQueryDto,
    @CurrentVisibility() visibility: Visibility,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AnalyticLineReport | string> {
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    if (to <= from) throw badRequest([{ field: 'to', message: 'to must be after from' }]);
    const report: AnalyticLineReport = await this.queryBus.execute(
      new GetAnalyticLineReportQuery(from, to, listFilterOf(query), query.scale, positionOf(query.minPosition), visibility),
    );
    if (accept?.includes('text/markdown')) {
      reply.type('text/markdown; charset=utf-8');
      return analyticLineMarkdown(report);
    }
    if (accept?.includes('text/csv')) {
      reply.type('text/csv; charset=utf-8');
      return analyticLineCsv(report);
    }
    return report;
  }
}
