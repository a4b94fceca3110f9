import { DomainValidationError } from './domain-errors.js';
import { parseInstant } from './horizons.js';

/**
 * Checks the domain applies to every input, whatever layer sent it: the HTTP
 * DTOs check the same, but the domain must not rely on them.
 */
export function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new DomainValidationError(field, 'must be a non-empty string');
  }
  const trimmed = value.trim();
  if (trimmed.length > max) throw new DomainValidationError(field, `must be at most ${max} characters`);
  return trimmed;
}

export function oneOf<T extends string | number>(value: unknown, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) throw new DomainValidationError(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
}


export function optionalText(value: unknown, field: string, max: number): string | null {
  return value === undefined || value === null ? null : text(value, field, max);
}

/** An instant not after `now`, returned in canonical ISO form. */
export function pastInstant(value: unknown, field: string, now: Date): string {
  const instant = parseInstant(value as string, field);
  if (instant.getTime() > now.getTime()) throw new DomainValidationError(field, 'must not be in the future');
  return instant.toISOString();
}
