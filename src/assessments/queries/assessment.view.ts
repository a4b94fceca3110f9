import type { AssessmentState } from '../domain/assessment-state.js';
import type { JudgmentLines } from '../domain/judgment-lines.js';
import { expressIn, midpoint } from '../domain/likelihood.js';
import type { LikelihoodScale } from '../domain/likelihood-scales.js';
import { scoreAssessment, scoreDissent, scorePublishedLine } from '../domain/scoring.js';
import type { Evidence } from '../domain/tradecraft-values.js';

/** What a list shows of each assessment; GET /assessments/:id adds the supporting material. */
export function toAssessmentSummary(state: AssessmentState, scale?: LikelihoodScale) {
  return {
    assessmentId: state.assessmentId,
    revision: state.revision,
    status: state.status,
    statement: state.statement,
    likelihood: scale ? expressIn(state.likelihood, scale) : state.likelihood,
    confidence: state.confidence,
    horizon: state.horizon,
    subject: state.subject,
    classification: state.classification,
    source: state.source,
    createdAt: state.createdAt,
    createdBy: state.createdBy,
    updatedAt: state.updatedAt,
    updatedBy: state.updatedBy,
    effectiveAt: state.effectiveFrom,
    lastEffectiveAt: state.lastEffectiveAt,
    published:
      state.publishedRevision === null
        ? null
        : { revision: state.publishedRevision, at: state.publishedAt, by: state.publishedBy },
    hasUnpublishedChanges: state.hasUnpublishedChanges,
    supersededBy: state.supersededBy,
    dissentCount: state.dissents.filter((d) => !d.withdrawn).length,
  };
}

export type AssessmentSummaryView = ReturnType<typeof toAssessmentSummary>;

/** Counts of linked evidence by Admiralty grade (e.g. "B2") and by bearing. */
export function evidenceSummary(evidence: readonly Evidence[]) {
  const byGrade: Record<string, number> = {};
  const byBearing: Record<string, number> = { supports: 0, contradicts: 0, context: 0 };
  for (const item of evidence) {
    const grade = `${item.reliability}${item.credibility}`;
    byGrade[grade] = (byGrade[grade] ?? 0) + 1;
    byBearing[item.bearing] += 1;
  }
  return { total: evidence.length, byGrade, byBearing };
}

/**
 * One assessment in full: the judgment, its reasons, its outcome and its
 * score. Scores need the judgment lines, so a resolved assessment's view
 * must be given them.
 */
export function toAssessmentView(
  state: AssessmentState,
  judgments: JudgmentLines | null,
  scale?: LikelihoodScale,
  /** A reader's view: the score of the line as published (see scorePublishedLine). */
  asPublished = false,
) {
  if (state.outcome !== null && judgments === null) throw new Error('scoring a resolved assessment needs its judgment lines');
  return {
    ...toAssessmentSummary(state, scale),
    evidence: { items: state.evidence, summary: evidenceSummary(state.evidence) },
    assumptions: state.assumptions,
    indicators: state.indicators,
    outcome: state.outcome,
    score: state.outcome ? (asPublished ? scorePublishedLine : scoreAssessment)(state, judgments!) : null,
    dissents: standingDissents(state, judgments, scale),
  };
}

/**
 * Standing dissents beside the main line, each with its spread from it: how
 * far the dissent's probability band lies from the main one (midpoints, and
 * the gap between the bands when they do not overlap; positive = higher).
 */
function standingDissents(state: AssessmentState, judgments: JudgmentLines | null, scale?: LikelihoodScale) {
  const main = state.likelihood.probability;
  return state.dissents
    .filter((d) => !d.withdrawn)
    .map((d) => {
      const band = d.likelihood?.probability ?? null;
      return {
        dissentId: d.dissentId,
        author: d.author,
        likelihood: d.likelihood && scale ? expressIn(d.likelihood, scale) : d.likelihood,
        confidence: d.confidence,
        evidenceIds: d.evidenceIds,
        rationale: d.rationale,
        recordedAt: d.recordedAt,
        revisedAt: d.revisedAt,
        spread:
          band === null
            ? null
            : {
                midpoint: midpoint(band) - midpoint(main),
                gap: band.low > main.high ? band.low - main.high : band.high < main.low ? band.high - main.low : 0,
              },
        confidenceDiffers: d.confidence !== null && d.confidence !== state.confidence,
        score: state.outcome ? scoreDissent(state, d, judgments!) : null,
      };
    });
}

export type AssessmentView = ReturnType<typeof toAssessmentView>;
