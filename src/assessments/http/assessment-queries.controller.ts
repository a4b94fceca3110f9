import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { ApiBearerAuth, ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { AssessmentHistoryResponse } from './responses/assessment-history.response.js';
import { AssessmentListResponse } from './responses/assessment-list.response.js';
import { AssessmentTimelineResponse } from './responses/assessment-timeline.response.js';
import { AssessmentResponse } from './responses/assessment.response.js';
import { IntegrityResponse } from './responses/integrity.response.js';
import { ApiErrorResponses, AUTHENTICATED_ERRORS } from '../../openapi/api-error-responses.decorator.js';
import { ApiAssessmentIdParam } from '../../openapi/api-id-param.decorator.js';
import { BEARER_AUTH } from '../../openapi/openapi-document.js';

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
@ApiTags('assessments')
@ApiBearerAuth(BEARER_AUTH)
@ApiErrorResponses(...AUTHENTICATED_ERRORS)
@Controller('assessments')
export class AssessmentQueriesController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List assessments from the read model',
    description:
      'Any role (readers see published assessments only, as last published). Filters, sort, cursor pages; `asOf` / `recordedAsOf` for the list as it stood then.',
  })
  @ApiOkResponse({ type: AssessmentListResponse })
  @ApiErrorResponses(400, 503)
  @AllowRoles(...READ_ROLES)
  list(@Query() query: ListAssessmentsQueryDto, @CurrentVisibility() visibility: Visibility): Promise<AssessmentList> {
    return this.queryBus.execute(
      new ListAssessmentsQuery(
        listFilterOf(query, this.config.classificationLevels),
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
  @ApiOperation({
    summary: 'Probability band and confidence at each change, for charts',
    description: 'Any role; a reader gets a point for each change readers saw, with the substance as then published.',
  })
  @ApiAssessmentIdParam()
  @ApiOkResponse({ type: AssessmentTimelineResponse })
  @ApiErrorResponses(400, 404, 503)
  @AllowRoles(...READ_ROLES)
  timeline(
    @Param('id', AssessmentIdPipe) id: string,
    @Query() query: ReadModelQueryDto,
    @CurrentVisibility() visibility: Visibility,
  ): Promise<AssessmentTimeline> {
    return this.queryBus.execute(new GetAssessmentTimelineQuery(id, query.scale, positionOf(query.minPosition), visibility));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One assessment, folded from its own stream (never stale)',
    description:
      'Any role. With its evidence, assumptions, indicators, outcome, score and dissents. `ETag` is the revision; at most one of revision, asOf, recordedAsOf. A reader sees it as last published: a change of substance awaiting publication is not shown, and `revision` is that of the last change a reader may see.',
  })
  @ApiAssessmentIdParam()
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag from an earlier answer: 304 while the revision is unchanged', schema: { type: 'string', example: '"2"' } })
  @ApiOkResponse({
    type: AssessmentResponse,
    headers: { ETag: { description: 'The revision, quoted; for a reader "<revision>-published"', schema: { type: 'string', example: '"2"' } } },
  })
  @ApiNotModifiedResponse({ description: 'The revision still matches If-None-Match' })
  @ApiErrorResponses(400, 404, 503)
  @AllowRoles(...READ_ROLES)
  async get(
    @Param('id', AssessmentIdPipe) id: string,
    @Query() query: GetAssessmentQueryDto,
    @CurrentVisibility() visibility: Visibility,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssessmentView | undefined> {
    const view = await this.queryBus.execute(new GetAssessmentQuery(id, foldLimitOf(query), query.scale, visibility));
    // A reader's view of a revision is not an analyst's, so they never share a tag: a browser signed in as
    // one and then the other must not be told its copy of the other view is current.
    const etag = visibility.publishedOnly ? `"${view.revision}-published"` : `"${view.revision}"`;
    reply.header('ETag', etag);
    // If-None-Match compares weakly (RFC 9110 13.1.2): W/"3" matches "3".
    if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
      reply.status(304);
      return undefined;
    }
    return view;
  }

  @Get(':id/integrity')
  @ApiOperation({ summary: 'Recompute the assessment’s hash chain', description: 'Roles auditor, admin.' })
  @ApiAssessmentIdParam()
  @ApiOkResponse({ type: IntegrityResponse })
  @ApiErrorResponses(400, 404, 503)
  @AllowRoles('auditor', 'admin')
  integrity(@Param('id', AssessmentIdPipe) id: string, @CurrentVisibility() visibility: Visibility) {
    return this.queryBus.execute(new GetAssessmentIntegrityQuery(id, visibility));
  }

  @Get(':id/history')
  @ApiOperation({
    summary: 'Every event of the assessment',
    description: 'Roles analyst, reviewer, auditor. Actor, recorded and effective times, rationale, basis, correlation and causation ids, data.',
  })
  @ApiAssessmentIdParam()
  @ApiOkResponse({ type: AssessmentHistoryResponse })
  @ApiErrorResponses(400, 404, 503)
  @AllowRoles('analyst', 'reviewer', 'auditor')
  history(@Param('id', AssessmentIdPipe) id: string, @CurrentVisibility() visibility: Visibility): Promise<AssessmentHistoryView> {
    return this.queryBus.execute(new GetAssessmentHistoryQuery(id, visibility));
  }
}
