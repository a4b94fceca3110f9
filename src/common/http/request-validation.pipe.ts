import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { badRequest, validationExceptionFactory } from './validation-error.factory.js';

/** Distinct valid query strings remembered per query DTO. */
const QUERIES_KEPT_PER_DTO = 1000;

/**
 * The global validation pipe: whitelisted DTOs, unknown fields refused, one
 * message per failing field. A body that is not a JSON object (an array, a
 * string, null) is refused as a whole before class-transformer sees it.
 */
export class RequestValidationPipe extends ValidationPipe {
  /**
   * Query strings already found valid, with the DTO they gave, per DTO class.
   * Readers send the same few queries over and over (no query at all, or the
   * filter a dashboard polls), and validating a query string depends on
   * nothing else, so each is validated once; class-validator took a fifth of
   * a cached list's time. Invalid ones are not remembered: each is refused
   * afresh, with its message.
   */
  private readonly validQueries = new Map<NonNullable<ArgumentMetadata['metatype']>, LRUCache<string, object>>();

  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      // Every failed constraint of a field, so the report can name the most basic (validation-error.factory.ts);
      // a valid request runs every constraint either way.
      stopAtFirstError: false,
      exceptionFactory: validationExceptionFactory,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw badRequest([{ field: 'body', message: 'body must be a JSON object' }]);
    }
    if (metadata.type !== 'query' || metadata.metatype === undefined || typeof value !== 'object' || value === null) {
      return super.transform(value, metadata);
    }
    const key = JSON.stringify(value);
    let known = this.validQueries.get(metadata.metatype);
    const validated = known?.get(key);
    if (validated !== undefined) return validated;
    // Frozen, since every later request with this query gets this very DTO (a copy per request cost several times the lookup).
    const result = deepFreeze((await super.transform(value, metadata)) as object);
    if (known === undefined) this.validQueries.set(metadata.metatype, (known = new LRUCache({ max: QUERIES_KEPT_PER_DTO })));
    known.set(key, result);
    return result;
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const field of Object.values(value)) {
    if (typeof field === 'object' && field !== null && !Object.isFrozen(field)) deepFreeze(field as object);
  }
  return Object.freeze(value);
}
