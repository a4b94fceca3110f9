import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { badRequest, validationExceptionFactory } from './validation-error.factory.js';

/**
 * The global validation pipe: whitelisted DTOs, unknown fields refused, one
 * message per failing field. A body that is not a JSON object (an array, a
 * string, null) is refused as a whole before class-transformer sees it.
 */
export class RequestValidationPipe extends ValidationPipe {
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
    return super.transform(value, metadata);
  }
}
