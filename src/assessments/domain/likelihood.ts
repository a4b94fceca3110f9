import { DomainValidationError } from './domain-errors.js';
import {
  closestTerm,
  findTerm,
  isLikelihoodScale,
  LikelihoodScale,
  ProbabilityBand,
  termsOf,
} from './likelihood-scales.js';

/**
 * A likelihood as stored: the probability band it commits to, plus the scale
 * and term it was stated in (both null when it was given as a number).
 */
export interface Likelihood {
  readonly scale: LikelihoodScale | null;
  readonly term: string | null;
  readonly probability: ProbabilityBand;
}

export type LikelihoodInput =
  | { readonly scale: LikelihoodScale; readonly term: string }
  | { readonly probability: number };

export function likelihoodFrom(input: LikelihoodInput, field = 'likelihood'): Likelihood {
  if ('probability' in input) {
    const p = input.probability;
    if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1) {
      throw new DomainValidationError(`${field}.probability`, 'must be a number from 0 to 1');
    }
    return { scale: null, term: null, probability: { low: p, high: p } };
  }
  if (!isLikelihoodScale(input.scale)) {
    throw new DomainValidationError(`${field}.scale`, 'must be one of icd203, phia, nta');
  }
  const found = findTerm(input.scale, input.term);
  if (!found) {
    throw new DomainValidationError(
      `${field}.term`,
      `must be one of ${termsOf(input.scale).join(', ')} for scale ${input.scale}`,
    );
  }
  return { scale: input.scale, term: found.term, probability: found.band };
}

export function sameLikelihood(a: Likelihood, b: Likelihood): boolean {
  return (
    a.scale === b.scale &&
    a.term === b.term &&
    a.probability.low === b.probability.low &&
    a.probability.high === b.probability.high
  );
}

/** The single number a band stands for when one is needed (scoring, charts). */
export function midpoint(band: ProbabilityBand): number {
  return (band.low + band.high) / 2;
}

/** A likelihood expressed in another scale, keeping the band it was stated with. */
export interface LikelihoodInScale {
  readonly scale: LikelihoodScale;
  readonly term: string;
  readonly termBand: ProbabilityBand;
  readonly probability: ProbabilityBand;
  readonly stated: { readonly scale: LikelihoodScale | null; readonly term: string | null };
}

export function expressIn(likelihood: Likelihood, scale: LikelihoodScale): LikelihoodInScale {
  const target = closestTerm(scale, likelihood.probability);
  return {
    scale,
    term: target.term,
    termBand: target.band,
    probability: likelihood.probability,
    stated: { scale: likelihood.scale, term: likelihood.term },
  };
}
