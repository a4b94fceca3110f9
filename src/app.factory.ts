import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { HttpExceptionFilter } from './common/http/http-exception.filter.js';
import { RequestValidationPipe } from './common/http/request-validation.pipe.js';
import type { AppConfig } from './config/app-config.js';

/** Builds the configured application; shared by main.ts and the e2e tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimit });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: config.logLevel === 'silent' ? false : levelsFrom(config.logLevel),
  });
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  // Commands are JSON; without this Fastify would hand text/plain bodies to the pipes as strings.
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  return app;
}

function levelsFrom(level: Exclude<AppConfig['logLevel'], 'silent'>) {
  const all = ['error', 'warn', 'log', 'debug'] as const;
  return all.slice(0, all.indexOf(level) + 1) as ('error' | 'warn' | 'log' | 'debug')[];
}
