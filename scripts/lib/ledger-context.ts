import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module.js';
import { ConfigError, loadConfig } from '../../src/config/app-config.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { lockDataDirOrExit } from '../../src/common/data-dir-lock.js';

export interface LedgerContext {
  readonly app: INestApplicationContext;
  readonly config: AppConfig;
}

/** Prints `message` and ends the command with exit code 2 (refused, nothing done). */
export function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

/**
 * The ledger as an offline tool sees it: the service's own modules in an
 * application context (no HTTP), configured from the environment like the
 * service, with the live projection runner off. A tool that writes passes
 * `writes`: it takes the data directory, and is refused while the service or
 * another tool holds it.
 */
export async function openLedger(options: { writes?: { advice: string } } = {}): Promise<LedgerContext> {
  let config: AppConfig;
  try {
    config = { ...loadConfig(), runProjections: false, logLevel: 'warn' };
  } catch (error) {
    if (error instanceof ConfigError) refuse(error.message);
    throw error;
  }
  if (options.writes) lockDataDirOrExit(config.dataDir, options.writes.advice);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  return { app, config };
}
