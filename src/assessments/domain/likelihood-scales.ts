/**
 * The three verbal probability scales the ledger speaks. Bands are the
 * published ranges as fractions; a term's band is what an analyst committed to
 * when choosing that word, so it is stored with the judgment.
 */
export const LIKELIHOOD_SCALES = ['icd203', 'phia', 'nta'] as const;
export type LikelihoodScale = (typeof LIKELIHOOD_SCALES)[number];

export interface ProbabilityBand {
  readonly low: number;
  readonly high: number;
}

export interface ScaleTerm {
  readonly term: string;
  readonly band: ProbabilityBand;
}

const band = (lowPercent: number, highPercent: number): ProbabilityBand => ({
  low: lowPercent / 100,
  high: highPercent / 100,
});

export const SCALE_TERMS: Readonly<Record<LikelihoodScale, readonly ScaleTerm[]>> = {
  // US ICD 203, Analytic Standards.
  icd203: [
    { term: 'almost-no-chance', band: band(1, 5) },
    { term: 'very-unlikely', band: band(5, 20) },
    { term: 'unlikely', band: band(20, 45) },
    { term: 'roughly-even-chance', band: band(45, 55) },
    { term: 'likely', band: band(55, 80) },
    { term: 'very-likely', band: band(80, 95) },
    { term: 'almost-certain', band: band(95, 99) },
  ],
  // UK Probability Yardstick; the gaps between bands are deliberate.
  phia: [
    { term: 'remote-chance', band: band(0, 5) },
    { term: 'highly-unlikely', band: band(10, 20) },
    { term: 'unlikely', band: band(25, 35) },
    { term: 'realistic-possibility', band: band(40, 50) },
    { term: 'likely', band: band(55, 75) },
    { term: 'highly-likely', band: band(80, 90) },
    { term: 'almost-certain', band: band(95, 100) },
  ],
  // Lithuanian National Threat Assessment.
  nta: [
    { term: 'unlikely', band: band(0, 25) },
    { term: 'possible', band: band(25, 50) },
    { term: 'likely', band: band(50, 75) },
    { term: 'highly-likely', band: band(75, 100) },
  ],
};

export function isLikelihoodScale(value: unknown): value is LikelihoodScale {
  return typeof value === 'string' && (LIKELIHOOD_SCALES as readonly string[]).includes(value);
}

export function termsOf(scale: LikelihoodScale): string[] {
  return SCALE_TERMS[scale].map((t) => t.term);
}

export function findTerm(scale: LikelihoodScale, term: string): ScaleTerm | undefined {
  return SCALE_TERMS[scale].find((t) => t.term === term);
}

/**
 * The term of `scale` that best expresses `source`: the one whose band overlaps
 * it most. A point (or a band falling in a PHIA gap) overlaps nothing, so the
 * term whose band lies nearest wins; ties go to the term whose midpoint is
 * closest to the source's midpoint, then to the lower term.
 */
export function closestTerm(scale: LikelihoodScale, source: ProbabilityBand): ScaleTerm {
  const mid = (source.low + source.high) / 2;
  let best = SCALE_TERMS[scale][0];
  let bestOverlap = -Infinity;
  let bestGap = Infinity;
  let bestMidDistance = Infinity;
  for (const candidate of SCALE_TERMS[scale]) {
    const overlap = Math.min(source.high, candidate.band.high) - Math.max(source.low, candidate.band.low);
    // Negative overlap is a gap; for scoring, an overlap of zero length and a
    // gap both count as "no overlap", and then the smaller gap is better.
    const positiveOverlap = overlap > 0 ? overlap : 0;
    const gap = overlap >= 0 ? 0 : -overlap;
    const midDistance = Math.abs((candidate.band.low + candidate.band.high) / 2 - mid);
    const better =
      positiveOverlap > bestOverlap + 1e-12 ||
      (Math.abs(positiveOverlap - bestOverlap) <= 1e-12 &&
        (gap < bestGap - 1e-12 || (Math.abs(gap - bestGap) <= 1e-12 && midDistance < bestMidDistance - 1e-12)));
    if (better) {
      best = candidate;
      bestOverlap = positiveOverlap;
      bestGap = gap;
      bestMidDistance = midDistance;
    }
  }
  return best;
}
