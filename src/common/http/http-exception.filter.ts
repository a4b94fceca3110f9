import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import {
  AssessmentAlreadyExistsError,
  AssessmentClosedError,
  AssessmentNotFoundError,
  BusinessRuleError,
  DomainError,
  DomainValidationError,
  RelatedAssessmentChangingError,
  SubResourceNotFoundError,
} from '../../assessments/domain/domain-errors.js';
import { EventIdInUseError, EventStoreClosedError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../../event-store/event-store.errors.js';
import { PositionBeyondLogError, ReadModelNotReadyError, RebuildInProgressError } from '../../projections/projection.errors.js';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  [key: string]: unknown;
}

const body = (statusCode: number, message: string, extra: Record<string, unknown> = {}): ErrorBody => ({
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
  ...extra,
});

/**
 * One place that turns every failure into an HTTP answer: client mistakes
 * become 4xx with the failing field named, and only a fault of ours is a 500.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const response = this.toResponse(exception);
    if (response.statusCode === HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.statusCode === HttpStatus.SERVICE_UNAVAILABLE) reply.header('Retry-After', '1');
    reply.status(response.statusCode).send(response);
  }

  /** The answer a failure gets; public so the command metrics label a failure with the status it answers. */
  toResponse(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null) {
        const p = payload as Record<string, unknown>;
        const message = Array.isArray(p.message) ? p.message.join('; ') : String(p.message ?? exception.message);
        return { ...p, ...body(status, message), ...(p.errors ? { errors: p.errors } : {}) };
      }
      return body(status, String(payload));
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return body(HttpStatus.CONFLICT, exception.message, {
        code: 'wrong-expected-revision',
        expectedRevision: exception.expectedRevision,
        currentRevision: exception.actualRevision < 0 ? null : exception.actualRevision,
      });
    }
    if (exception instanceof EventIdInUseError) {
      // The answer kept for the key was not found (the first command failed after its append), so the store caught the reuse.
      return body(HttpStatus.UNPROCESSABLE_ENTITY, 'this Idempotency-Key was already used for a different request', { code: 'idempotency-key-reused' });
    }
    if (exception instanceof DomainError) return this.domainResponse(exception);
    if (exception instanceof ReadModelNotReadyError) {
      return body(HttpStatus.SERVICE_UNAVAILABLE, exception.message, {
        code: 'read-model-behind',
        minPosition: exception.requested.toString(),
        position: exception.reached.toString(),
      });
    }
    if (exception instanceof PositionBeyondLogError) {
      return body(HttpStatus.BAD_REQUEST, exception.message, {
        errors: [{ field: 'minPosition', message: exception.message }],
        head: exception.head.toString(),
      });
    }
    if (exception instanceof RebuildInProgressError) {
      return body(HttpStatus.CONFLICT, exception.message, { code: 'rebuild-in-progress' });
    }
    if (exception instanceof EventStoreUnavailableError) {
      return body(HttpStatus.SERVICE_UNAVAILABLE, 'the event store is unavailable; retry shortly', { code: 'event-store-unavailable' });
    }
    if (exception instanceof EventStoreClosedError) {
      return body(HttpStatus.SERVICE_UNAVAILABLE, 'the service is shutting down; retry shortly');
    }
    // Fastify's own errors (malformed JSON, body too large, bad content type) carry a 4xx status.
    const status = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return body(status, (exception as Error).message, { code: (exception as { code?: string }).code });
    }
    return body(HttpStatus.INTERNAL_SERVER_ERROR, 'internal error');
  }

  private domainResponse(error: DomainError): ErrorBody {
    if (error instanceof DomainValidationError) {
      return body(HttpStatus.BAD_REQUEST, error.message, { errors: [{ field: error.field, message: error.message }] });
    }
    if (error instanceof AssessmentNotFoundError || error instanceof SubResourceNotFoundError) {
      return body(HttpStatus.NOT_FOUND, error.message);
    }
    if (error instanceof AssessmentAlreadyExistsError) return body(HttpStatus.CONFLICT, error.message, { code: error.code });
    if (error instanceof RelatedAssessmentChangingError) {
      return body(HttpStatus.CONFLICT, error.message, { code: error.code, field: error.field });
    }
    if (error instanceof AssessmentClosedError) {
      return body(HttpStatus.UNPROCESSABLE_ENTITY, error.message, { code: error.code, status: error.status });
    }
    if (error instanceof BusinessRuleError) {
      return body(HttpStatus.UNPROCESSABLE_ENTITY, error.message, {
        code: error.code,
        ...(error.field ? { field: error.field } : {}),
      });
    }
    return body(HttpStatus.UNPROCESSABLE_ENTITY, error.message, { code: error.code });
  }
}
