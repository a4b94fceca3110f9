import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../../auth/access.decorators.js';
import { CurrentVisibility } from '../../auth/current-principal.decorator.js';
import type { Visibility } from '../../auth/principal.js';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { ListReviewDueQuery } from '../queries/list-review-due.query.js';
import type { ReviewDueList } from '../queries/list-review-due.query.js';
import { ReviewDueQueryDto } from './dto/review-due-query.dto.js';
import { positionOf } from './list-filter.mapper.js';
import { ReviewDueResponse } from './responses/review-due.response.js';
import { ApiErrorResponses, AUTHENTICATED_ERRORS } from '../../openapi/api-error-responses.decorator.js';
import { BEARER_AUTH } from '../../openapi/openapi-document.js';

/** Published assessments an analyst should look at again, each with its reasons. */
@ApiTags('reports')
@ApiBearerAuth(BEARER_AUTH)
@ApiErrorResponses(...AUTHENTICATED_ERRORS)
@Controller('review-due')
export class ReviewDueController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Published assessments due for review, each with its reasons',
    description: 'Roles analyst, reviewer. Horizon ended with no outcome, not revised for staleAfterDays, or a linchpin assumption found invalid.',
  })
  @ApiOkResponse({ type: ReviewDueResponse })
  @ApiErrorResponses(400, 503)
  @AllowRoles('analyst', 'reviewer')
  list(@Query() query: ReviewDueQueryDto, @CurrentVisibility() visibility: Visibility): Promise<ReviewDueList> {
    return this.queryBus.execute(
      new ListReviewDueQuery(
        Date.now(),
        query.staleAfterDays ?? this.config.reviewStaleDays,
        { limit: query.limit ?? 50, cursor: query.cursor },
        query.scale,
        positionOf(query.minPosition),
        visibility,
      ),
    );
  }
}
