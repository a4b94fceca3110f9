import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { findTerm, isLikelihoodScale, termsOf } from '../../domain/likelihood-scales.js';

/** The term must belong to the scale given beside it (checked only once the scale itself is valid). */
export function IsTermOfScale(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTermOfScale',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const scale = (args.object as { scale?: unknown }).scale;
          if (!isLikelihoodScale(scale)) return true;
          return typeof value === 'string' && findTerm(scale, value) !== undefined;
        },
        defaultMessage(args: ValidationArguments) {
          const scale = (args.object as { scale?: unknown }).scale;
          return isLikelihoodScale(scale)
            ? `${args.property} must be one of ${termsOf(scale).join(', ')} for scale ${scale}`
            : `${args.property} must be a term of the scale`;
        },
      },
    });
}

/** This property may not be given together with any of `others`. */
export function IsExclusiveOf(others: string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isExclusiveOf',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: others,
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const object = args.object as Record<string, unknown>;
          return value === undefined || others.every((other) => object[other] === undefined);
        },
        defaultMessage(args: ValidationArguments) {
          return `${args.property} may not be given together with ${others.join(' or ')}`;
        },
      },
    });
}
