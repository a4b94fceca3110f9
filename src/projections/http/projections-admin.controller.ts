import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../../auth/access.decorators.js';
import { ApiErrorResponses, AUTHENTICATED_ERRORS } from '../../openapi/api-error-responses.decorator.js';
import { BEARER_AUTH } from '../../openapi/openapi-document.js';
import { ProjectionService } from '../projection.service.js';
import { ProjectionStatusResponse, RebuildStartedResponse } from './projection-status.response.js';

/** Operations on the read models: their position and lag, and a rebuild from position 0. */
@ApiTags('operations')
@ApiBearerAuth(BEARER_AUTH)
@ApiErrorResponses(...AUTHENTICATED_ERRORS)
@Controller('admin/projections')
@AllowRoles('admin')
export class ProjectionsAdminController {
  constructor(private readonly projections: ProjectionService) {}

  @Get()
  @ApiOperation({ summary: 'Projection position, head, lag, skipped event types, failures, rebuild progress', description: 'Role admin.' })
  @ApiOkResponse({ type: ProjectionStatusResponse })
  @ApiErrorResponses(503)
  status() {
    return this.projections.status();
  }

  /** Starts a rebuild and answers at once; follow it with GET /admin/projections. */
  @Post('rebuild')
  @ApiOperation({
    summary: 'Rebuild every read model from position 0 in the background',
    description: 'Role admin. Answers at once; follow it with GET /admin/projections. Queries keep answering from the old read models until the swap.',
  })
  @ApiAcceptedResponse({ type: RebuildStartedResponse })
  @ApiErrorResponses(409)
  @HttpCode(202)
  rebuild() {
    return { rebuild: this.projections.startRebuild() };
  }
}
