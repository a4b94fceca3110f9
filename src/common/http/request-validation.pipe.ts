import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { badRequest, validationExceptionFactory } from './validation-error.factory.js';

/**
 * The global validation pipe: whitelisted DTOs, unknown fields refused, one
 * message per failing field. A body that is not a JSON object (an array, a
 * string, null) is refused as a whole before class-transformer sees it.
 */
export class RequestValidationPipe extends ValidationPipe {
  /**
   * Query DTOs for which an empty query string is valid. Most reads send no
   * query at all, and validating nothing always gives the same answer, so it
   * is worked out once per DTO rather than on every request.
   */
  private readonly emptyQueryIsValid = new Set<ArgumentMetadata['metatype']>();

  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      stopAtFirstError: true,
      exceptionFactory: validationExceptionFactory,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw badRequest([{ field: 'body', message: 'body must be a JSON object' }]);
    }
    const emptyQuery =
      metadata.type === 'query' && metadata.metatype !== undefined && isEmptyObject(value);
    if (emptyQuery && this.emptyQueryIsValid.has(metadata.metatype)) {
      return plainToInstance(metadata.metatype as new () => object, {});
    }
    const result = await super.transform(value, metadata);
    if (emptyQuery) this.emptyQueryIsValid.add(metadata.metatype);
    return result;
  }
}

function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (const _ in value) return false;
  return true;
}
