import { DomainValidationError } from './domain-errors.js';

/**
 * NTA time horizons. A term fixes the end relative to the start: the upper
 * bound of its range (short term is up to 6 months, near term up to 2 years,
 * medium term up to 5 years, long term up to 10 years).
 */
export const HORIZON_TERMS = ['short-term', 'near-term', 'medium-term', 'long-term'] as const;
export type HorizonTerm = (typeof HORIZON_TERMS)[number];

const HORIZON_LENGTH_MONTHS: Record<HorizonTerm, number> = {
  'short-term': 6,
  'near-term': 24,
  'medium-term': 60,
  'long-term': 120,
};

export interface Horizon {
  readonly term: HorizonTerm | null;
  /** ISO-8601 instants. */
  readonly start: string;
  readonly end: string;
}

export type HorizonInput =
  | { readonly term: HorizonTerm; readonly start?: string }
  | { readonly start: string; readonly end: string };

export function isHorizonTerm(value: unknown): value is HorizonTerm {
  return typeof value === 'string' && (HORIZON_TERMS as readonly string[]).includes(value);
}

export function parseInstant(value: string, field: string): Date {
  const date = new Date(value);
  if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
    throw new DomainValidationError(field, 'must be an ISO-8601 date or date-time');
  }
  return date;
}

function addMonthsUtc(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  // Clamp 31 August + 6 months to 28/29 February rather than rolling into March.
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** Resolves a horizon input; `defaultStart` is the judgment's effective time. */
export function horizonFrom(input: HorizonInput, defaultStart: string, field = 'horizon'): Horizon {
  if ('term' in input && input.term !== undefined) {
    if (!isHorizonTerm(input.term)) {
      throw new DomainValidationError(`${field}.term`, `must be one of ${HORIZON_TERMS.join(', ')}`);
    }
    const start = parseInstant(input.start ?? defaultStart, `${field}.start`);
    const end = addMonthsUtc(start, HORIZON_LENGTH_MONTHS[input.term]);
    return { term: input.term, start: start.toISOString(), end: end.toISOString() };
  }
  const explicit = input as { start: string; end: string };
  const start = parseInstant(explicit.start, `${field}.start`);
  const end = parseInstant(explicit.end, `${field}.end`);
  if (end.getTime() <= start.getTime()) {
    throw new DomainValidationError(`${field}.end`, 'must be after horizon.start');
  }
  return { term: null, start: start.toISOString(), end: end.toISOString() };
}

export function sameHorizon(a: Horizon, b: Horizon): boolean {
  return a.term === b.term && a.start === b.start && a.end === b.end;
}
