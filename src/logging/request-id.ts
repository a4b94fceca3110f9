import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a caller's X-Request-Id may look like; anything else is replaced, never logged or stored as given. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Fastify's genReqId: the caller's X-Request-Id when it is well-formed, else
 * a new UUID. The same value is the request id in every log line of the
 * request and the correlationId of every event it causes (CommandMeta reads
 * request.id), so one id leads from a log line to the events and back.
 */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}
