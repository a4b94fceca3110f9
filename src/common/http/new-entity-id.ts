import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { RequestCommandMeta } from './command-meta.decorator.js';

const NAMESPACE = '5b0e7a3c-1d2f-4e6a-8b9c-0d1e2f3a4b5c';

/**
 * Id of something a command creates (an assessment, an evidence item …).
 * Under an Idempotency-Key it derives from the caller and the key, so a retry
 * names the same thing instead of creating a second one.
 */
export function newEntityId(request: Pick<RequestCommandMeta, 'actor' | 'idempotencyKey'>, kind: string): string {
  return request.idempotencyKey ? uuidv5(`${request.actor}\u0000${request.idempotencyKey}\u0000${kind}`, NAMESPACE) : randomUUID();
}
