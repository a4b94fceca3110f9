import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AllowRoles } from '../../auth/access.decorators.js';
import { CurrentVisibility } from '../../auth/current-principal.decorator.js';
import type { Visibility } from '../../auth/principal.js';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { ListReviewDueQuery } from '../queries/list-review-due.query.js';
import type { ReviewDueList } from '../queries/list-review-due.query.js';
import { ReviewDueQueryDto } from './dto/review-due-query.dto.js';
import { positionOf } from './list-filter.mapper.js';

/** Published assessments an analyst should look at again, each with its reasons. */
@Controller('review-due')
export class ReviewDueController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
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
