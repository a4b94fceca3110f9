import type { AssessmentState } from './assessment-state.js';
import type { Dissent } from './dissent-values.js';
import type { Confidence } from './assessment-values.js';
import { judgmentPoints } from './judgment-lines.js';
import type { JudgmentLines, JudgmentPoint } from './judgment-lines.js';
import { midpoint } from './likelihood.js';
import type { LikelihoodScale } from './likelihood-scales.js';

export interface Score {
  readonly scored: true;
  readonly outcome: 'occurred' | 'did-not-occur';
  /** 1 if the judged event occurred, 0 if not. */
  readonly observed: 0 | 1;
  /** Probability standing when the outcome became known (band midpoint, or the number given). */
  readonly probability: number;
  readonly confidence: Confidence;
  readonly scale: LikelihoodScale | null;
  /** (p − o)² of that probability. */
  readonly brier: number;
  /** Each probability's (p − o)², weighted by how long it stood during the published life. */
  readonly timeWeightedBrier: number;
  readonly knownAt: string;
  readonly publishedFrom: string;
}

export type UnscoredReason =
  | 'no-outcome'
  | 'indeterminate'
  | 'never-published'
  | 'published-after-outcome'
  | 'no-judgment-before-outcome';

export interface Unscored {
  readonly scored: false;
  readonly reason: UnscoredReason;
}

/**
 * Brier scores of a resolved assessment. Only judgments the ledger held
 * before the outcome became known count (recorded and effective no later than
 * knownAt), so no change made with hindsight can improve a score.
 */
export function scoreAssessment(state: AssessmentState, judgments: JudgmentLines): Score | Unscored {
  return scoreLine(state, judgmentPoints(judgments.main));
}

/**
 * The main line scored as it was published: only what each publication
 * stated, each standing from its publication. What readers are shown; the
 * ledger's own score (calibration, the analyst's record) is `scoreAssessment`.
 */
export function scorePublishedLine(state: AssessmentState, judgments: JudgmentLines): Score | Unscored {
  return scoreLine(state, judgmentPoints(judgments.published));
}

/**
 * A dissent is scored like the main line, from its own stated probabilities,
 * so an organisation can see whether its dissenters were right more often.
 * One that disputes only the confidence states no probability and is not scored.
 */
export function scoreDissent(state: AssessmentState, dissent: Dissent, judgments: JudgmentLines): Score | Unscored {
  return scoreLine(state, judgmentPoints(judgments.dissents[dissent.dissentId] ?? null));
}

function scoreLine(state: AssessmentState, judgments: readonly JudgmentPoint[]): Score | Unscored {
  const outcome = state.outcome;
  if (outcome === null) return { scored: false, reason: 'no-outcome' };
  if (outcome.outcome === 'indeterminate') return { scored: false, reason: 'indeterminate' };
  if (state.firstPublishedAt === null) return { scored: false, reason: 'never-published' };
  const knownAt = Date.parse(outcome.knownAt);
  const publishedFrom = Date.parse(state.firstPublishedAt);
  if (publishedFrom > knownAt) return { scored: false, reason: 'published-after-outcome' };

  const counted = judgments.filter(
    (p) => Date.parse(p.recordedAt) <= knownAt && Date.parse(p.effectiveAt) <= knownAt,
  );
  if (counted.length === 0) return { scored: false, reason: 'no-judgment-before-outcome' };
  const observed = outcome.outcome === 'occurred' ? 1 : 0;
  const standing = counted[counted.length - 1];
  const probability = midpoint(standing.probability);
  const brier = (probability - observed) ** 2;
  return {
    scored: true,
    outcome: outcome.outcome,
    observed,
    probability,
    confidence: standing.confidence,
    scale: standing.scale,
    brier,
    timeWeightedBrier: timeWeightedBrier(counted, observed, publishedFrom, knownAt) ?? brier,
    knownAt: outcome.knownAt,
    publishedFrom: state.firstPublishedAt,
  };
}

/**
 * Integrates (p − o)² over [from, to]: each judgment stands from its effective
 * time until the next one's. Null when the interval is empty (published at
 * the very moment the outcome became known).
 */
export function timeWeightedBrier(points: readonly JudgmentPoint[], observed: 0 | 1, from: number, to: number): number | null {
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    const start = Math.max(Date.parse(points[i].effectiveAt), from);
    const end = Math.min(i + 1 < points.length ? Date.parse(points[i + 1].effectiveAt) : to, to);
    if (end <= start) continue;
    const p = midpoint(points[i].probability);
    weighted += (end - start) * (p - observed) ** 2;
    total += end - start;
  }
  return total > 0 ? weighted / total : null;
}
