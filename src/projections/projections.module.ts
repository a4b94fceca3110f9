import { Global, Module } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG } from '../config/app-config.js';
import type { AppConfig } from '../config/app-config.js';
import { ProjectionsAdminController } from './http/projections-admin.controller.js';
import { ProjectionService } from './projection.service.js';
import { ProjectorRegistry } from './projector-registry.js';
import { holdsDataDir } from '../common/data-dir-lock.js';
import { ReadModelDatabase } from './read-model-database.js';

/**
 * Read models live beside the event store, in their own SQLite file. A file
 * another version wrote is replaced only by the holder of the data directory
 * (the service, an offline rebuild); a tool that does not take it refuses.
 */
function openReadModels(config: AppConfig): ReadModelDatabase {
  mkdirSync(config.dataDir, { recursive: true });
  return new ReadModelDatabase(join(config.dataDir, 'read-models.sqlite'), { replaceOtherLayout: holdsDataDir(config.dataDir) });
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
