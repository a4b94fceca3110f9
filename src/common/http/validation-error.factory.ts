import { BadRequestException, ValidationError } from '@nestjs/common';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Which failed constraint of a field to report, most basic first: a field
 * that is missing or of the wrong type is told so, not that it is too long
 * or below a minimum (class-validator checks a field's decorators bottom-up,
 * so the first to fail is usually a bound).
 */
const CONSTRAINT_PRIORITY = [
  'whitelistValidation',
  'isDefined',
  'nestedValidation',
  'isObject',
  'isArray',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isEnum',
  'isIn',
  'isUUID',
  'isDateString',
  'isISO8601',
];

function primaryConstraint(constraints: Record<string, string>): string {
  const rank = (name: string) => {
    const at = CONSTRAINT_PRIORITY.indexOf(name);
    return at < 0 ? CONSTRAINT_PRIORITY.length : at;
  };
  return Object.keys(constraints).sort((a, b) => rank(a) - rank(b))[0];
}

/** Flattens class-validator's tree into one entry per failing field, named by its dotted path. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const constraints = error.constraints ?? {};
    const names = Object.keys(constraints);
    if (names.length > 0) {
      if (error.value === undefined && !names.includes('whitelistValidation')) {
        result.push({ field, message: `${field} is required` });
      } else {
        const message = constraints[primaryConstraint(constraints)];
        // class-validator words messages with the bare property name; name the full path instead.
        result.push({ field, message: message.startsWith(error.property + ' ') ? field + message.slice(error.property.length) : message });
      }
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
