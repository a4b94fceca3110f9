import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { FoldLimit } from '../application/assessment.repository.js';
import type { AssessmentHistoryView } from '../queries/assessment-history.view.js';
import type { AssessmentView } from '../queries/assessment.view.js';
import { GetAssessmentHistoryQuery } from '../queries/get-assessment-history.query.js';
import { GetAssessmentQuery } from '../queries/get-assessment.query.js';
import { AssessmentIdPipe } from './assessment-id.pipe.js';
import { GetAssessmentQueryDto } from './dto/get-assessment-query.dto.js';

function foldLimitOf(query: GetAssessmentQueryDto): FoldLimit {
  if (query.revision !== undefined) return { kind: 'revision', revision: query.revision };
  if (query.asOf !== undefined) return { kind: 'effective', at: Date.parse(query.asOf) };
  if (query.recordedAsOf !== undefined) return { kind: 'recorded', at: Date.parse(query.recordedAsOf) };
  return { kind: 'head' };
}

/** Reads of one assessment, always folded from its own stream (never stale). */
@Controller('assessments')
export class AssessmentQueriesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  async get(
    @Param('id', AssessmentIdPipe) id: string,
    @Query() query: GetAssessmentQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssessmentView | undefined> {
    const view = await this.queryBus.execute(new GetAssessmentQuery(id, foldLimitOf(query), query.scale));
    const etag = `"${view.revision}"`;
    reply.header('ETag', etag);
    if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === etag)) {
      reply.status(304);
      return undefined;
    }
    return view;
  }

  @Get(':id/history')
  history(@Param('id', AssessmentIdPipe) id: string): Promise<AssessmentHistoryView> {
    return this.queryBus.execute(new GetAssessmentHistoryQuery(id));
  }
}
