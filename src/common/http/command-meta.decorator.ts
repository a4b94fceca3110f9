import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../../auth/auth.guard.js';
import type { Visibility } from '../../auth/principal.js';
import { badRequest } from './validation-error.factory.js';

/** What every command takes from its request besides the body. */
export interface RequestCommandMeta {
  readonly actor: string;
  readonly correlationId: string;
  readonly idempotencyKey?: string;
  readonly visibility: Visibility;
}

const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * The actor is the bearer token's subject, never anything in the body. The
 * request id (X-Request-Id when well-formed, or a new UUID: see requestIdFor,
 * Fastify's genReqId) becomes the events' correlationId, so it is the same
 * id the request's log lines carry; an Idempotency-Key header makes a
 * retried command safe.
 */
export const CommandMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestCommandMeta => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal || !request.visibility) throw new Error('command route reached without an authenticated principal');
  const correlationId = request.id;
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key))) {
    throw badRequest([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1-200 printable ASCII characters' }]);
  }
  return {
    actor: request.principal.subject,
    correlationId,
    visibility: request.visibility,
    ...(key ? { idempotencyKey: key } : {}),
  };
});
