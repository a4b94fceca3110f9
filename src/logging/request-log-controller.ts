import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Probes hit every few seconds; at info they would drown the requests people make. */
const PROBE = /^\/(health|metrics)(\/|$|\?)/;

/**
 * One info line per request, when it is answered (method, path, route,
 * status, time, and the request id Fastify adds as `reqId`); the "incoming"
 * line and probe requests only at debug.
 */
export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const fields = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else if (PROBE.test(request.url)) reply.log.debug(fields, 'request completed');
    else reply.log.info(fields, 'request completed');
  }
}
