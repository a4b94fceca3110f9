import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { HttpExceptionFilter } from './common/http/http-exception.filter.js';
import { RequestValidationPipe } from './common/http/request-validation.pipe.js';
import { serializeReply } from './common/http/shared-answer-json.js';
import type { AppConfig } from './config/app-config.js';
import { createLedgerLogger } from './logging/ledger-logger.js';
import { PinoNestLogger } from './logging/pino-nest-logger.js';
import { requestIdFor } from './logging/request-id.js';
import { RequestLogController } from './logging/request-log-controller.js';
import { serveOpenApi } from './openapi/serve-openapi.js';
import { serveWebUi } from './web/serve-web-ui.js';

export interface CreateAppOptions {
  /** Where the JSON log lines go; stdout when omitted (tests capture them here). */
  readonly logDestination?: DestinationStream;
}

/** Builds the configured application; shared by main.ts and the e2e tests. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = createLedgerLogger(config.logLevel, options.logDestination);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    // Fastify sets no limit by default: a client trickling a body in would hold its connection, and a shutdown, forever.
    requestTimeout: config.requestTimeoutMs,
    loggerInstance: logger,
    genReqId: requestIdFor,
    logController: new RequestLogController(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
  });
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  // Commands are JSON; without this Fastify would hand text/plain bodies to the pipes as strings.
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');
  // Before any route is registered, since each route takes the serialiser in force when it is added.
  app.getHttpAdapter().getInstance().setReplySerializer(serializeReply);
  // The caller learns the id to quote (and to find its events by correlationId), whether it sent one or not.
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
    // What a caller is answered depends on who they are (clearance, a reader's view): no shared cache may keep
    // it, and a browser's own copy is checked again, per caller, before it is shown (ETags differ by view).
    if (request.headers.authorization !== undefined) {
      void reply.header('Cache-Control', 'private, no-cache');
      void reply.header('Vary', 'Authorization');
    }
  });
  serveOpenApi(app);
  serveWebUi(app);
  return app;
}
