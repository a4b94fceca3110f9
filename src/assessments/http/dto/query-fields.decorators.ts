import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { NumberFromQuery } from './list-query.transforms.js';

/** Page size of a paginated read: 1–500. */
export const PageLimit = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: 500, example: 50, description: 'Page size (default 50)' }),
    IsOptional(),
    NumberFromQuery(),
    IsInt(),
    Min(1),
    Max(500),
  );

/** The `nextCursor` a previous page answered. */
export const PageCursor = () =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: 500, description: 'The nextCursor of the previous page' }),
    IsOptional(),
    IsString(),
    MaxLength(500),
  );

/** Read-your-writes: a position a command answered, to wait for. */
export const MinPosition = () =>
  applyDecorators(
    ApiPropertyOptional({
      pattern: '^\\d{1,20}$',
      example: '42',
      description: 'Wait (up to READ_MODEL_WAIT_MS) until the read models include this position, as a command answered; else 503',
    }),
    IsOptional(),
    Matches(/^\d{1,20}$/, { message: 'minPosition must be a position as returned by a command (digits)' }),
  );

/** An optional ISO-8601 instant in a query. */
export const OptionalInstant = (example: string, description?: string) =>
  applyDecorators(ApiPropertyOptional({ format: 'date-time', example, description }), IsOptional(), IsISO8601({ strict: true }));
