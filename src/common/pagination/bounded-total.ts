/**
 * Listings count their matches for `total`, and an exact count visits every
 * matching row: on a ledger of 100,000 assessments and 1,000,000 versions that
 * was most of every answer, whatever the page (bench/README.md section 8).
 * Totals are therefore exact up to a limit
 * (`LIST_COUNT_LIMIT`), and past it a listing says only "at least this many",
 * as search engines do.
 */
export const DEFAULT_COUNT_LIMIT = 10_000;

export interface BoundedTotal {
  /** Matches in all pages, or `countLimit` when there are at least that many. */
  readonly total: number;
  /** True when `total` is the limit the count stopped at: there may be more. */
  readonly totalIsLowerBound: boolean;
}

/** Counts the rows `fromAndWhere` (a FROM … WHERE … clause) selects, stopping at `limit`. */
export function boundedCountSql(fromAndWhere: string, limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`count limit must be a positive integer, not ${limit}`);
  return `SELECT count(*) AS n FROM (SELECT 1 ${fromAndWhere} LIMIT ${limit})`;
}

export function boundedTotal(counted: number, limit: number): BoundedTotal {
  return { total: counted, totalIsLowerBound: counted >= limit };
}
