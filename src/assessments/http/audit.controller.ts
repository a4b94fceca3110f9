import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../../auth/access.decorators.js';
import { CurrentVisibility } from '../../auth/current-principal.decorator.js';
import type { Visibility } from '../../auth/principal.js';
import { ListAuditEntriesQuery } from '../queries/list-audit-entries.query.js';
import type { AuditFeed } from '../queries/list-audit-entries.query.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
import { positionOf } from './list-filter.mapper.js';
import { badRequest } from '../../common/http/validation-error.factory.js';
import { AuditFeedResponse } from './responses/audit-feed.response.js';
import { ApiErrorResponses, AUTHENTICATED_ERRORS } from '../../openapi/api-error-responses.decorator.js';
import { BEARER_AUTH } from '../../openapi/openapi-document.js';

const time = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/** Who changed what, when and why, across all assessments. */
@ApiTags('audit')
@ApiBearerAuth(BEARER_AUTH)
@ApiErrorResponses(...AUTHENTICATED_ERRORS)
@Controller('audit')
export class AuditController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The change feed across assessments',
    description: 'Roles auditor, admin. Who, when (recorded and effective), why, on what basis, and `changes: { field: { from, to } }`.',
  })
  @ApiOkResponse({ type: AuditFeedResponse })
  @ApiErrorResponses(400, 503)
  @AllowRoles('auditor', 'admin')
  feed(@Query() query: AuditQueryDto, @CurrentVisibility() visibility: Visibility): Promise<AuditFeed> {
    // An empty range is a mistake to say, as the analytic-line report says it, not an empty feed.
    for (const [from, to, field] of [[query.from, query.to, 'to'], [query.effectiveFrom, query.effectiveTo, 'effectiveTo']] as const) {
      if (from !== undefined && to !== undefined && Date.parse(to) <= Date.parse(from)) {
        throw badRequest([{ field, message: `${field} must be after ${field === 'to' ? 'from' : 'effectiveFrom'}` }]);
      }
    }
    return this.queryBus.execute(
      new ListAuditEntriesQuery(
        {
          actor: query.actor,
          types: query.type,
          assessmentId: query.assessmentId?.toLowerCase(),
          recordedFrom: time(query.from),
          recordedTo: time(query.to),
          effectiveFrom: time(query.effectiveFrom),
          effectiveTo: time(query.effectiveTo),
        },
        { limit: query.limit ?? 50, cursor: query.cursor, ascending: query.order === 'asc' },
        positionOf(query.minPosition),
        visibility,
      ),
    );
  }
}
