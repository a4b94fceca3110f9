import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AllowRoles } from '../../auth/access.decorators.js';
import { CurrentVisibility } from '../../auth/current-principal.decorator.js';
import { READ_ROLES } from '../../auth/principal.js';
import type { Visibility } from '../../auth/principal.js';
import type { FastifyReply } from 'fastify';
import type { FoldLimit } from '../application/assessment.repository.js';
import type { AssessmentHistoryView } from '../queries/assessment-history.view.js';
import type { AssessmentView } from '../queries/assessment.view.js';
import { GetAssessmentHistoryQuery } from '../queries/get-assessment-history.query.js';
import { GetAssessmentIntegrityQuery } from '../queries/get-assessment-integrity.query.js';
import { GetAssessmentTimelineQuery } from '../queries/get-assessment-timeline.query.js';
import type { AssessmentTimeline } from '../queries/get-assessment-timeline.query.js';
import { GetAssessmentQuery } from '../queries/get-assessment.query.js';
import { ListAssessmentsQuery } from '../queries/list-assessments.query.js';
import type { AssessmentList } from '../queries/list-assessments.query.js';
import { AssessmentIdPipe } from './assessment-id.pipe.js';
import { GetAssessmentQueryDto } from './dto/get-assessment-query.dto.js';
import { ListAssessmentsQueryDto } from './dto/list-assessments-query.dto.js';
import { ReadModelQueryDto } from './dto/read-model-query.dto.js';
import { listFilterOf, listSortOf, listTimeOf, positionOf } from './list-filter.mapper.js';

function foldLimitOf(query: GetAssessmentQueryDto): FoldLimit {
  if (query.revision !== undefined) return { kind: 'revision', revision: query.revision };
  if (query.asOf !== undefined) return { kind: 'effective', at: Date.parse(query.asOf) };
  if (query.recordedAsOf !== undefined) return { kind: 'recorded', at: Date.parse(query.recordedAsOf) };
  return { kind: 'head' };
}

/**
 * Reads. One assessment is folded from its own stream (never stale); lists
 * and timelines come from the read models, which `minPosition` can wait for.
 */
@Controller('assessments')
export class AssessmentQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @AllowRoles(...READ_ROLES)
  list(@Query() query: ListAssessmentsQueryDto, @CurrentVisibility() visibility: Visibility): Promise<AssessmentList> {
    return this.queryBus.execute(
      new ListAssessmentsQuery(
        listFilterOf(query),
        listTimeOf(query),
        listSortOf(query),
        { limit: query.limit ?? 50, cursor: query.cursor },
        query.scale,
        positionOf(query.minPosition),
        visibility,
      ),
    );
  }

  @Get(':id/timeline')
  @AllowRoles(...READ_ROLES)
  timeline(
    @Param('id', AssessmentIdPipe) id: string,
    @Query() query: ReadModelQueryDto,
    @CurrentVisibility() visibility: Visibility,
  ): Promise<AssessmentTimeline> {
    return this.queryBus.execute(new GetAssessmentTimelineQuery(id, query.scale, positionOf(query.minPosition), visibility));
  }

  @Get(':id')
  @AllowRoles(...READ_ROLES)
  async get(
    @Param('id', AssessmentIdPipe) id: string,
    @Query() query: GetAssessmentQueryDto,
    @CurrentVisibility() visibility: Visibility,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssessmentView | undefined> {
    const view = await this.queryBus.execute(new GetAssessmentQuery(id, foldLimitOf(query), query.scale, visibility));
    const etag = `"${view.revision}"`;
    reply.header('ETag', etag);
    if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) {
      reply.status(304);
      return undefined;
    }
    return view;
  }

  @Get(':id/integrity')
  @AllowRoles('auditor', 'admin')
  integrity(@Param('id', AssessmentIdPipe) id: string, @CurrentVisibility() visibility: Visibility) {
    return this.queryBus.execute(new GetAssessmentIntegrityQuery(id, visibility));
  }

  @Get(':id/history')
  @AllowRoles('analyst', 'reviewer', 'auditor')
  history(@Param('id', AssessmentIdPipe) id: string, @CurrentVisibility() visibility: Visibility): Promise<AssessmentHistoryView> {
    return this.queryBus.execute(new GetAssessmentHistoryQuery(id, visibility));
  }
}
