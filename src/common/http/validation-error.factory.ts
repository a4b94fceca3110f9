import { BadRequestException, ValidationError } from '@nestjs/common';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Flattens class-validator's tree into one entry per failing field, named by its dotted path. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator words messages with the bare property name; name the full path instead.
      const worded = message.startsWith(error.property + ' ') ? field + message.slice(error.property.length) : message;
      result.push({ field, message: worded });
    }
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}

export function badRequest(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: errors.map((e) => e.message).join('; '),
    errors,
  });
}

export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  return badRequest(flattenValidationErrors(errors));
}
