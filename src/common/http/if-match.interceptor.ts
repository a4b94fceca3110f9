import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { badRequest } from './validation-error.factory.js';

/** `"3"`, as GET /assessments/:id sends it in its ETag. */
const REVISION_TAG = /^"(0|[1-9]\d{0,8})"$/;

/**
 * `If-Match` on a change: the ETag a client read (the revision) may stand in
 * for `expectedRevision`, as HTTP clients that do conditional requests send
 * it. Runs before validation, so a body without `expectedRevision` gets the
 * header's; a body with one must agree with it, or neither is trusted (400).
 * A stale revision is then a conflict like any other (409 with the current
 * revision), not 412: one answer for one failure, however it was asked.
 * `*` (any current representation) asks nothing a change does not check.
 */
@Injectable()
export class IfMatchInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['if-match'];
    if (header === undefined || header.trim() === '*') return next.handle();
    const tag = REVISION_TAG.exec(header.trim());
    if (!tag) throw badRequest([{ field: 'If-Match', message: 'If-Match must be one ETag of this assessment, e.g. "3" (its revision)' }]);
    const revision = Number(tag[1]);
    // No body at all: the header's revision is all there is of one, so validation names what else is missing.
    if (request.body === undefined || request.body === null) request.body = {};
    const body = request.body;
    if (typeof body !== 'object' || Array.isArray(body)) return next.handle();
    const given = (body as Record<string, unknown>).expectedRevision;
    if (given === undefined) (body as Record<string, unknown>).expectedRevision = revision;
    else if (given !== revision) {
      throw badRequest([{ field: 'If-Match', message: `If-Match names revision ${revision} but expectedRevision is ${JSON.stringify(given)}; send one, or both alike` }]);
    }
    return next.handle();
  }
}

/**
 * On a draft: there is no revision yet for If-Match to name, so a client
 * sending one has mistaken the request (a change meant for an assessment?),
 * and is told so rather than having the header silently dropped.
 */
@Injectable()
export class NoIfMatchInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    if (header !== undefined) throw badRequest([{ field: 'If-Match', message: 'a draft is made against no revision: send If-Match with a change to an existing assessment' }]);
    return next.handle();
  }
}
