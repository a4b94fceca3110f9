import { applyDecorators, Type, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { IfMatchInterceptor, NoIfMatchInterceptor } from '../common/http/if-match.interceptor.js';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor.js';
import { ApiErrorResponses } from './api-error-responses.decorator.js';
import type { DocumentedErrorStatus } from './api-error-responses.decorator.js';
import { NTA } from './nta-examples.js';

export interface ApiCommandOptions {
  readonly summary: string;
  readonly description?: string;
  /** 201 (something new was created) rather than 200. */
  readonly created?: boolean;
  readonly response: Type<unknown>;
  /** Error statuses besides the 401/403/429 every protected controller documents. */
  readonly errors: DocumentedErrorStatus[];
  /** A change made against a revision (expectedRevision), which If-Match may give instead; not a draft. */
  readonly againstRevision?: boolean;
}

/**
 * A command route: its answer, its errors, and the two headers every command
 * takes (an Idempotency-Key to make a retry safe, an X-Request-Id that
 * becomes the events' correlationId). It also binds the interceptor that
 * honours the Idempotency-Key, so a route documented as taking one does,
 * and the one taking If-Match on a change (refusing it on a draft, `againstRevision: false`).
 */
export function ApiCommand(options: ApiCommandOptions): MethodDecorator {
  const answer = options.created ? ApiCreatedResponse : ApiOkResponse;
  const againstRevision = options.againstRevision ?? true;
  return applyDecorators(
    // If-Match first: the idempotency fingerprint then covers the revision asked for, however it was sent.
    UseInterceptors(againstRevision ? IfMatchInterceptor : NoIfMatchInterceptor, IdempotencyInterceptor),
    ...(againstRevision
      ? [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description: 'The ETag of the revision the change is made against (as GET /assessments/:id answers it), instead of expectedRevision or agreeing with it; a stale one gets 409',
            schema: { type: 'string', example: '"3"' },
          }),
        ]
      : []),
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and appends nothing; the same key with another body gets 422',
      schema: { type: 'string', maxLength: 200, example: 'draft-2023-escalation' },
    }),
    ApiHeader({
      name: 'X-Request-Id',
      required: false,
      description: 'Becomes the correlationId of the events and the request id in the logs; a new UUID when absent or malformed (answered in X-Request-Id)',
      schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$', example: NTA.requestId },
    }),
    answer({ type: options.response, description: options.created ? 'Recorded; the new id is in the answer' : 'Recorded' }),
    ApiErrorResponses(...options.errors),
  );
}

/** Errors a change to an existing assessment can meet. */
export const CHANGE_ERRORS: DocumentedErrorStatus[] = [400, 404, 409, 413, 415, 422, 503];
