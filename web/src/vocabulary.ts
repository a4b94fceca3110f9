/**
 * The ledger's controlled vocabularies, taken from the service's own domain
 * modules (plain constants with no imports) so the page offers exactly what
 * the API accepts.
 */
import { ASSESSMENT_STATUSES, CHANGE_BASES, CONFIDENCE_LEVELS, LIMITS } from '../../src/assessments/domain/assessment-values.js';
import { LIKELIHOOD_SCALES, SCALE_TERMS } from '../../src/assessments/domain/likelihood-scales.js';
import type { LikelihoodScale } from '../../src/assessments/domain/likelihood-scales.js';
import type { HorizonTerm } from '../../src/assessments/domain/horizons.js';
import {
  ASSUMPTION_VERDICTS,
  CREDIBILITY_GRADES,
  EVIDENCE_BEARINGS,
  INDICATOR_DIRECTIONS,
  OUTCOMES,
  RELIABILITY_GRADES,
  TRADECRAFT_LIMITS,
} from '../../src/assessments/domain/tradecraft-values.js';
// Its only imports are types, so the page takes it without the rest of the domain.
import { SUBSTANCE_EVENTS } from '../../src/assessments/domain/reader-view.js';

export {
  ASSESSMENT_STATUSES,
  ASSUMPTION_VERDICTS,
  CHANGE_BASES,
  CONFIDENCE_LEVELS,
  CREDIBILITY_GRADES,
  EVIDENCE_BEARINGS,
  INDICATOR_DIRECTIONS,
  LIKELIHOOD_SCALES,
  LIMITS,
  OUTCOMES,
  RELIABILITY_GRADES,
  SCALE_TERMS,
  SUBSTANCE_EVENTS,
  TRADECRAFT_LIMITS,
};
export type { HorizonTerm, LikelihoodScale };

/**
 * NTA time horizons and how long each runs. Spelled out here rather than
 * imported: the domain's horizons module imports its errors, and this file
 * takes only modules without imports. The Record type makes the compiler
 * insist on every term the domain knows, and on no other.
 */
export const HORIZON_LENGTHS: Record<HorizonTerm, string> = {
  'short-term': 'up to 6 months',
  'near-term': 'up to 2 years',
  'medium-term': 'up to 5 years',
  'long-term': 'up to 10 years',
};

/** Shortest first, as the keys above are written. */
export const HORIZON_TERMS = Object.keys(HORIZON_LENGTHS) as HorizonTerm[];

export const ASSUMPTION_VERDICT_LABELS: Record<string, string> = {
  holds: 'holds',
  weakened: 'weakened',
  invalid: 'invalid (if a linchpin, the assessment is due for review)',
};

export const INDICATOR_DIRECTION_LABELS: Record<string, string> = {
  raises: 'raises the likelihood when seen',
  lowers: 'lowers the likelihood when seen',
};

export const SCALE_NAMES: Record<LikelihoodScale, string> = {
  icd203: 'ICD 203',
  phia: 'PHIA',
  nta: 'NTA',
};

/** Admiralty (NATO) source reliability. */
export const RELIABILITY_LABELS: Record<string, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

/** Admiralty (NATO) information credibility. */
export const CREDIBILITY_LABELS: Record<string, string> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
};

export const CONFIDENCE_RANK: Record<string, number> = { low: 1, moderate: 2, high: 3 };

export const REVIEW_REASON_LABELS: Record<string, string> = {
  'horizon-ended': 'horizon ended',
  'not-revised': 'not revised lately',
  'linchpin-invalid': 'linchpin assumption invalid',
};

export const SORT_OPTIONS: readonly (readonly [string, string])[] = [
  ['-updatedAt', 'Recently updated first'],
  ['updatedAt', 'Least recently updated first'],
  ['-createdAt', 'Newest first'],
  ['createdAt', 'Oldest first'],
  ['-effectiveAt', 'Judged most recently first'],
  ['horizonEnd', 'Horizon ending soonest first'],
  ['-horizonEnd', 'Horizon ending latest first'],
  ['-probability', 'Most likely first'],
  ['probability', 'Least likely first'],
];
