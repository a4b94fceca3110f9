import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { badRequest } from './validation-error.factory.js';

/** What every command takes from its request besides the body. */
export interface RequestCommandMeta {
  readonly actor: string;
  readonly correlationId: string;
}

const ACTOR_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The acting user comes from the X-Actor header (until authentication
 * replaces it with the token's subject), never from the body. The request id
 * (X-Request-Id, or a new UUID) becomes the events' correlationId.
 */
export const CommandMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestCommandMeta => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const actor = request.headers['x-actor'];
  if (typeof actor !== 'string' || !ACTOR_PATTERN.test(actor)) {
    throw badRequest([
      {
        field: 'X-Actor',
        message: 'X-Actor header is required: 1-100 characters of letters, digits, ".", "_", "@" or "-"',
      },
    ]);
  }
  const requestId = request.headers['x-request-id'];
  const correlationId = typeof requestId === 'string' && REQUEST_ID_PATTERN.test(requestId) ? requestId : randomUUID();
  return { actor, correlationId };
});
