import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * The actor is the bearer token's subject, never anything in the body. The
 * request id (X-Request-Id, or a new UUID) becomes the events' correlationId;
 * an Idempotency-Key header makes a retried command safe.
 */
export const CommandMeta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestCommandMeta => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal || !request.visibility) throw new Error('command route reached without an authenticated principal');
  const requestId = request.headers['x-request-id'];
  const correlationId = typeof requestId === 'string' && REQUEST_ID_PATTERN.test(requestId) ? requestId : randomUUID();
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
