import { Injectable, OnModuleInit } from '@nestjs/common';
import { ProjectorRegistry } from '../../projections/projector-registry.js';
import { AssessmentReadModelProjector } from './assessment-read-model.projector.js';

/** Hands the assessment projector to the projection runner when the module starts. */
@Injectable()
export class AssessmentProjectionRegistration implements OnModuleInit {
  constructor(private readonly registry: ProjectorRegistry) {}

  onModuleInit(): void {
    this.registry.register((database, store) => new AssessmentReadModelProjector(database, store));
  }
}
