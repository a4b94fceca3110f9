import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
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
import { AnalyticLineResponse } from './responses/analytic-line.response.js';
import { ApiErrorResponses, AUTHENTICATED_ERRORS } from '../../openapi/api-error-responses.decorator.js';
import { BEARER_AUTH } from '../../openapi/openapi-document.js';

/** Reports across editions of the assessments. */
@ApiTags('reports')
@ApiBearerAuth(BEARER_AUTH)
@ApiErrorResponses(...AUTHENTICATED_ERRORS)
@ApiExtraModels(AnalyticLineResponse)
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Which judgments are new, changed (and how), consistent, withdrawn,
   * superseded or resolved between two editions. JSON, or Markdown
   * (`Accept: text/markdown`) for an edition's annex, or CSV (`Accept: text/csv`).
   */
  @Get('analytic-line')
  @ApiOperation({
    summary: 'The analytic line between two editions',
    description:
      'Roles analyst, reviewer, auditor. Which judgments are new, changed (and how), consistent, withdrawn, superseded or resolved ' +
      'between the effective times `from` and `to`. JSON, Markdown (`Accept: text/markdown`) or CSV (`Accept: text/csv`). ' +
      'More than REPORT_MAX_JUDGMENTS (2,000 by default) judgments in scope: 422 `report-too-large`; narrow it with the filters.',
  })
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AnalyticLineResponse) } },
      'text/markdown': { schema: { type: 'string' }, example: '## Analytic line, 2023-02-05 to 2024-02-05\n' },
      'text/csv': { schema: { type: 'string' }, example: 'class,assessment_id,statement\n' },
    },
  })
  @ApiErrorResponses(400, 422, 503)
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
    if (query.line === 'published' && query.awaitingPublication === 'true') {
      // Asked of readers' line, the reviewers' queue would always be empty: a contradiction, not a filter.
      throw badRequest([{ field: 'awaitingPublication', message: 'line=published holds no changes awaiting publication: use line=working' }]);
    }
    const report: AnalyticLineReport = await this.queryBus.execute(
      new GetAnalyticLineReportQuery(
        from,
        to,
        listFilterOf(query, this.config.classificationLevels),
        query.scale,
        positionOf(query.minPosition),
        visibility,
        query.line,
      ),
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
