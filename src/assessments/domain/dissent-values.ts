import type { Confidence } from './assessment-values.js';
import type { Likelihood } from './likelihood.js';

/**
 * A significant disagreement, recorded beside the main line as ICD 203 asks:
 * another analyst's own likelihood and/or confidence, with their reasons and
 * the evidence they weigh differently.
 */
export interface Dissent {
  readonly dissentId: string;
  readonly author: string;
  readonly likelihood: Likelihood | null;
  readonly confidence: Confidence | null;
  /** Ids of the assessment's evidence the dissenter weighs differently. */
  readonly evidenceIds: readonly string[];
  readonly rationale: string;
  readonly recordedAt: string;
  readonly revisedAt: string | null;
  readonly withdrawn: boolean;
}
