/** One scored judgment as calibration reads it. */
export interface ScoredJudgment {
  readonly probability: number;
  readonly observed: 0 | 1;
  readonly brier: number;
  readonly timeWeightedBrier: number;
}

export interface CalibrationBin {
  /** Stated probabilities in [from, to) (the last bin includes 1). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanProbability: number | null;
  /** Share of the bin's judgments whose event occurred. */
  readonly observedFrequency: number | null;
  readonly meanBrier: number | null;
}

export interface Calibration {
  readonly count: number;
  readonly meanBrier: number | null;
  readonly meanTimeWeightedBrier: number | null;
  readonly bins: CalibrationBin[];
}

const mean = (sum: number, count: number) => (count === 0 ? null : sum / count);

/**
 * Reliability of stated probabilities: judgments binned by what they said,
 * against how often the event then occurred. A calibrated analyst's 70%
 * judgments come true about 70% of the time.
 */
export function calibrate(judgments: readonly ScoredJudgment[], binCount = 10): Calibration {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, probability: 0, observed: 0, brier: 0 }));
  let brier = 0;
  let timeWeighted = 0;
  for (const j of judgments) {
    const bin = sums[Math.min(binCount - 1, Math.floor(j.probability * binCount))];
    bin.count += 1;
    bin.probability += j.probability;
    bin.observed += j.observed;
    bin.brier += j.brier;
    brier += j.brier;
    timeWeighted += j.timeWeightedBrier;
  }
  return {
    count: judgments.length,
    meanBrier: mean(brier, judgments.length),
    meanTimeWeightedBrier: mean(timeWeighted, judgments.length),
    bins: sums.map((s, i) => ({
      from: i / binCount,
      to: (i + 1) / binCount,
      count: s.count,
      meanProbability: mean(s.probability, s.count),
      observedFrequency: mean(s.observed, s.count),
      meanBrier: mean(s.brier, s.count),
    })),
  };
}
