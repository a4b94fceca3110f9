/**
 * npm run projections:rebuild — rebuilds every read model from position 0
 * into a fresh file and swaps it in. While the service runs, it owns the
 * read models: use POST /admin/projections/rebuild instead.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/app-config.js';
import { ProjectionService } from '../src/projections/projection.service.js';
import { lockDataDirOrExit } from '../src/common/data-dir-lock.js';
import { startProgress } from './lib/progress.js';

async function main(): Promise<void> {
  const config = { ...loadConfig(), runProjections: false, logLevel: 'warn' as const };
  lockDataDirOrExit(
    config.dataDir,
    'If it is the service, it owns the read models: rebuild through it instead (curl -X POST localhost:3000/admin/projections/rebuild).',
  );
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  const projections = app.get(ProjectionService);
  const progress = startProgress({ label: 'rebuilding', unit: 'positions', total: 0 });
  const report = await projections.rebuild((position, head) => {
    progress.update(Number(position), Number(head));
  });
  progress.stop();
  console.log(
    `rebuilt ${report.events} events up to position ${report.position} in ${report.seconds.toFixed(2)} s ` +
      `(${report.eventsPerSecond} events/s) into ${config.dataDir}`,
  );
  await app.close();
}

await main();
