import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { ProjectorRegistry } from '../../projections/projector-registry.js';
import { AssessmentReadModelProjector } from './assessment-read-model.projector.js';

/** Hands the assessment projector to the projection runner when the module starts. */
@Injectable()
export class AssessmentProjectionRegistration implements OnModuleInit {
  constructor(
    private readonly registry: ProjectorRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register((database, store) => new AssessmentReadModelProjector(database, store, this.config.projectorStates));
  }
}
