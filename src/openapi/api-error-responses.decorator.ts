import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseSchema } from './error-response.schema.js';

const ASSESSMENT_ID = '0b8e1c7a-3f7e-4c55-9c1e-2f4a9d8b6e01';

/** What each error status means here, with an answer the service really gives. */
const ERRORS = {
  400: {
    description: 'Invalid input: every failing field is listed in `errors` (unknown fields included)',
    example: {
      statusCode: 400,
      error: 'Bad Request',
      message: 'likelihood.term must be one of unlikely, possible, likely, highly-likely for scale nta',
      errors: [{ field: 'likelihood.term', message: 'likelihood.term must be one of unlikely, possible, likely, highly-likely for scale nta' }],
    },
  },
  401: {
    description: 'No bearer token, or one that is invalid, expired or lacks sub/roles/clearance',
    example: { statusCode: 401, error: 'Unauthorized', message: 'a bearer token is required (Authorization: Bearer <token>)' },
  },
  403: {
    description: 'The token carries none of the roles this route allows',
    example: { statusCode: 403, error: 'Forbidden', message: 'this needs one of the roles: analyst' },
  },
  404: {
    description: 'No such assessment (or part of one), or one above the caller’s clearance',
    example: { statusCode: 404, error: 'Not Found', message: `assessment ${ASSESSMENT_ID} does not exist` },
  },
  409: {
    description:
      '`expectedRevision` is stale (`currentRevision` says where the assessment is now), another assessment the change depends on kept changing (`related-assessment-changing`: a supersession\'s successor), or a rebuild is already running',
    example: {
      statusCode: 409,
      error: 'Conflict',
      message: `stream assessment-${ASSESSMENT_ID}: expected revision 0, but it is at 2`,
      code: 'wrong-expected-revision',
      expectedRevision: 0,
      currentRevision: 2,
    },
  },
  413: {
    description: 'The body is larger than BODY_LIMIT_BYTES',
    example: { statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large', code: 'FST_ERR_CTP_BODY_TOO_LARGE' },
  },
  415: {
    description: 'The body is not JSON',
    example: { statusCode: 415, error: 'Unsupported Media Type', message: 'Unsupported Media Type', code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' },
  },
  422: {
    description: 'The change would break a rule of the analytic process; `code` names it',
    example: {
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'alice made the last change and may not publish it; another reviewer must',
      code: 'four-eyes',
    },
  },
  429: {
    description: 'Over RATE_LIMIT_PER_MINUTE for this token subject (or address); see `Retry-After`',
    example: { statusCode: 429, error: 'Too Many Requests', message: 'rate limit exceeded; retry after the indicated delay' },
  },
  503: {
    description: 'The read models did not reach `minPosition` within READ_MODEL_WAIT_MS, or the event store is unavailable; see `Retry-After`',
    example: {
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'read models are at position 40, not yet at 42; retry shortly',
      code: 'read-model-behind',
      minPosition: '42',
      position: '40',
    },
  },
} as const;

export type DocumentedErrorStatus = keyof typeof ERRORS;

/** Documents the given error statuses of a route (or every route of a controller), all with the one error schema. */
export function ApiErrorResponses(...statuses: DocumentedErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, type: ErrorResponseSchema, ...ERRORS[status] })),
  ) as MethodDecorator & ClassDecorator;
}

/** What a route behind the bearer token can always answer, besides its own errors. */
export const AUTHENTICATED_ERRORS: DocumentedErrorStatus[] = [401, 403, 429];
