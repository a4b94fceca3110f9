/** Small numeric helpers shared by the benchmarks: rates, ratios, percentiles, rounding. */

/** `value` with `digits` decimals, as a number (so results.json stays numeric). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Events (or requests) per second for `count` items done in `milliseconds`. */
export function perSecond(count: number, milliseconds: number): number {
  return milliseconds > 0 ? Math.round((count * 1000) / milliseconds) : 0;
}

/**
 * A figure divided by its baseline, both measured in the same run. Rounded
 * to 3 decimals: the machines are noisy, more digits would be noise.
 */
export function ratio(value: number, baseline: number): number {
  return baseline > 0 ? round(value / baseline, 3) : 0;
}

/** Nearest-rank percentile of already sorted samples (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface LatencySummary {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export function summariseLatencies(milliseconds: readonly number[]): LatencySummary {
  const sorted = [...milliseconds].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50Ms: round(percentile(sorted, 50), 3),
    p99Ms: round(percentile(sorted, 99), 3),
    maxMs: round(sorted[sorted.length - 1] ?? 0, 3),
  };
}

/** Peak resident set size of this process so far, in MB (maxRSS is reported in KiB). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
