import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AllowRoles, Public } from '../auth/access.decorators.js';
import { ApiErrorResponses } from '../openapi/api-error-responses.decorator.js';
import { BEARER_AUTH } from '../openapi/openapi-document.js';
import { LedgerMetrics } from './ledger-metrics.js';

const EXAMPLE = `# HELP ledger_commands_total Commands executed through the command bus, by command type and result
# TYPE ledger_commands_total counter
ledger_commands_total{command="DraftAssessment",result="ok"} 12
ledger_commands_total{command="ChangeLikelihood",result="conflict"} 1
`;

/** The scrape itself; the two subclasses below differ only in who may call it. */
abstract class MetricsEndpoint {
  constructor(@Inject(LedgerMetrics) private readonly metrics: LedgerMetrics) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'Commands by type and result, command latency, group-commit batch sizes, events appended, projection position and lag, ' +
      'HTTP requests by route and status, and the usual Node.js process series, in the Prometheus text format.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' }, example: EXAMPLE } } })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { contentType, body } = await this.metrics.scrape();
    reply.type(contentType);
    return body;
  }
}

/** METRICS_PUBLIC=true (the default): scrapers inside the cluster need no token. */
@ApiTags('operations')
@Controller('metrics')
@Public()
@ApiErrorResponses(429)
export class PublicMetricsController extends MetricsEndpoint {}

/** METRICS_PUBLIC=false: only an admin token may read the metrics. */
@ApiTags('operations')
@ApiBearerAuth(BEARER_AUTH)
@Controller('metrics')
@AllowRoles('admin')
@ApiErrorResponses(401, 403, 429)
export class AdminMetricsController extends MetricsEndpoint {}
