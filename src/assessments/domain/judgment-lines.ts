import type { AssessmentState } from './assessment-state.js';
import type { Confidence } from './assessment-values.js';
import type { EventContext, RecordedAssessmentEvent } from './assessment-events.js';
import type { Likelihood } from './likelihood.js';

/** One stated probability and confidence, with both of its times: what scoring reads. */
export interface JudgmentPoint {
  readonly probability: Likelihood['probability'];
  readonly scale: Likelihood['scale'];
  readonly confidence: Confidence;
  readonly effectiveAt: string;
  readonly recordedAt: string;
}

/**
 * Judgments so far, newest first, as a linked list: appending is O(1) and
 * shares the past, so folding a long stream never copies its history.
 */
export type JudgmentHistory = { readonly point: JudgmentPoint; readonly previous: JudgmentHistory } | null;

/**
 * Every probability the main line and each dissent stated, over time. Only
 * scoring reads them, so they are folded beside the state rather than in it:
 * the state stays small however long the stream grows, which is what lets a
 * snapshot of it be read back in microseconds.
 */
export interface JudgmentLines {
  readonly main: JudgmentHistory;
  /**
   * The main line as readers saw it: a point at each publication, with the
   * likelihood and confidence it published. A reader's score is taken from
   * it, so a change never published (which readers never saw) shows in none
   * of what they read.
   */
  readonly published: JudgmentHistory;
  /** By dissent id; a dissent that only disputes the confidence has no line. */
  readonly dissents: Readonly<Record<string, JudgmentHistory>>;
}

export const NO_JUDGMENTS: JudgmentLines = { main: null, published: null, dissents: {} };

function point(likelihood: Likelihood, confidence: Confidence, at: EventContext): JudgmentPoint {
  return {
    probability: likelihood.probability,
    scale: likelihood.scale,
    confidence,
    effectiveAt: at.effectiveAt,
    recordedAt: at.recordedAt,
  };
}

/**
 * The lines after `event`, given the state it produced. A judgment is made by
 * the draft and by every likelihood or confidence change (and published by
 * each publication); a dissent's line
 * grows only when it states a likelihood of its own (one that disputes only
 * the confidence has no probability to score).
 */
export function recordJudgments(lines: JudgmentLines, state: AssessmentState, event: RecordedAssessmentEvent): JudgmentLines {
  switch (event.type) {
    case 'AssessmentDrafted':
    case 'LikelihoodChanged':
    case 'ConfidenceChanged':
      return { ...lines, main: { point: point(state.likelihood, state.confidence, event.metadata), previous: lines.main } };
    case 'AssessmentPublished':
      return { ...lines, published: { point: point(state.likelihood, state.confidence, event.metadata), previous: lines.published } };
    case 'DissentRecorded':
    case 'DissentRevised': {
      const { dissentId, likelihood, confidence } = event.data;
      if (likelihood === null) return lines;
      const previous = event.type === 'DissentRecorded' ? null : (lines.dissents[dissentId] ?? null);
      const line = { point: point(likelihood, confidence ?? state.confidence, event.metadata), previous };
      return { ...lines, dissents: { ...lines.dissents, [dissentId]: line } };
    }
    default:
      return lines;
  }
}

/** A line's points, oldest first. */
export function judgmentPoints(history: JudgmentHistory): JudgmentPoint[] {
  const points = [];
  for (let node = history; node !== null; node = node.previous) points.push(node.point);
  return points.reverse();
}
