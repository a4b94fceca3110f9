import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, UnprocessableEntityException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { from, Observable, of, switchMap } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guard.js';
import { canonicalJson } from '../common/canonical-json.js';
import { IdempotencyStore } from './idempotency.store.js';
import type { RecordedAnswer } from './idempotency.store.js';

/**
 * `Idempotency-Key` on a command: the first answer is kept, and a retry with
 * the same key and the same request gets it again without running the
 * command; the same key with a different request is refused (422). Failures
 * are not kept, so a command that failed can be retried with its key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly answers: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return next.handle();
    const subject = request.principal.subject;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const fingerprint = createHash('sha256')
      .update(canonicalJson({ method: request.method, path: request.url.split('?')[0], body: request.body ?? null }))
      .digest('hex');

    const replay = (previous: RecordedAnswer) => {
      if (previous.fingerprint !== fingerprint) {
        throw new UnprocessableEntityException({
          statusCode: HttpStatus.UNPROCESSABLE_ENTITY,
          error: 'Unprocessable Entity',
          message: 'this Idempotency-Key was already used for a different request',
          code: 'idempotency-key-reused',
        });
      }
      // The route sets the same status code as the first time.
      reply.header('Idempotent-Replayed', 'true');
      return previous.body;
    };
    return from(this.answers.find(subject, key)).pipe(
      switchMap((previous) => {
        if (previous) return of(replay(previous));
        // Requests with the same key that ran side by side wrote the same event ids, which the store kept
        // once: the one that records its answer first is the original, the others replay it (or, sent
        // with another body, are refused: their events were never written).
        return next.handle().pipe(
          switchMap((body) => from(this.answers.record(subject, key, { fingerprint, body }).then((earlier) => (earlier ? replay(earlier) : body)))),
        );
      }),
    );
  }
}
