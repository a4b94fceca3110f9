import { Global, Module } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG } from '../config/app-config.js';
import type { AppConfig } from '../config/app-config.js';
import { ProjectionsAdminController } from './http/projections-admin.controller.js';
import { ProjectionService } from './projection.service.js';
import { ProjectorRegistry } from './projector-registry.js';
import { ReadModelDatabase } from './read-model-database.js';

/** Read models live beside the event store, in their own SQLite file. */
function openReadModels(config: AppConfig): ReadModelDatabase {
  mkdirSync(config.dataDir, { recursive: true });
  return new ReadModelDatabase(join(config.dataDir, 'read-models.sqlite'));
}

@Global()
@Module({
  controllers: [ProjectionsAdminController],
  providers: [
    { provide: ReadModelDatabase, useFactory: openReadModels, inject: [APP_CONFIG] },
    ProjectorRegistry,
    ProjectionService,
  ],
  exports: [ReadModelDatabase, ProjectorRegistry, ProjectionService],
})
export class ProjectionsModule {}
