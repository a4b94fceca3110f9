/**
 * npm run verify — recomputes the hash chain of every assessment stream and
 * reports each stream whose chain breaks, with its first broken revision.
 * Exits 0 when the whole ledger verifies, 1 when something was altered.
 * Read-only: safe to run beside the service.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { loadConfig } from '../src/config/app-config.js';
import { IntegrityService } from '../src/integrity/integrity.service.js';
import { PROJECTED_STREAM_PREFIX } from '../src/projections/projection.service.js';
import { startProgress } from './lib/progress.js';

async function main(): Promise<void> {
  const config = { ...loadConfig(), runProjections: false, logLevel: 'warn' as const };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const progress = startProgress({ label: 'verifying', unit: 'positions', total: 0 });
    const report = await app.get(IntegrityService).verifyAll(PROJECTED_STREAM_PREFIX, (position, head) => {
      progress.update(Number(position), Number(head));
    });
    progress.stop();
    for (const broken of report.broken) {
      console.log(`BROKEN ${broken.stream}: first broken revision ${broken.firstBrokenRevision} (${broken.reason})`);
    }
    console.log(
      `${report.valid ? 'ledger verified' : 'LEDGER ALTERED'}: ${report.streams} streams, ${report.events} events, ` +
        `${report.broken.length} broken`,
    );
    process.exitCode = report.valid ? 0 : 1;
  } finally {
    await app.close();
  }
}

await main();
