import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { AllowRoles } from '../../auth/access.decorators.js';
import { ProjectionService } from '../projection.service.js';

/** Operations on the read models: their position and lag, and a rebuild from position 0. */
@Controller('admin/projections')
@AllowRoles('admin')
export class ProjectionsAdminController {
  constructor(private readonly projections: ProjectionService) {}

  @Get()
  status() {
    return this.projections.status();
  }

  /** Starts a rebuild and answers at once; follow it with GET /admin/projections. */
  @Post('rebuild')
  @HttpCode(202)
  rebuild() {
    return { rebuild: this.projections.startRebuild() };
  }
}
