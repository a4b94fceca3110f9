import type { AssessmentStatus, Confidence, SourceReference, Subject } from './assessment-values.js';
import type { Horizon } from './horizons.js';
import type { Likelihood } from './likelihood.js';
import type { Dissent } from './dissent-values.js';
import type { Assumption, Evidence, Indicator, RecordedOutcome } from './tradecraft-values.js';

/**
 * What readers (callers who may see only published work) are shown of an
 * assessment: its substance as it was last published, and the last change
 * they may see. A change of substance made since the last publication is
 * hidden from them until a reviewer publishes it; everything else (status,
 * marking, evidence, assumptions, indicators, dissents, outcome) they see
 * as it is. Null until the first publication.
 */
export interface PublicView {
  readonly revision: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly lastEffectiveAt: string;
  readonly statement: string;
  readonly likelihood: Likelihood;
  readonly confidence: Confidence;
  readonly horizon: Horizon;
  readonly subject: Subject;
}

/** An assessment as folded from its events. */
export interface AssessmentState {
  readonly assessmentId: string;
  /** 0-based revision of the last event folded. */
  readonly revision: number;
  readonly status: AssessmentStatus;
  readonly statement: string;
  readonly likelihood: Likelihood;
  readonly confidence: Confidence;
  readonly horizon: Horizon;
  readonly subject: Subject;
  readonly classification: string;
  readonly source: SourceReference | null;
  readonly createdAt: string;
  readonly createdBy: string;
  /** Effective time of the draft: when the judgment was first made. */
  readonly effectiveFrom: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Effective time of the last event; later events may not be earlier. */
  readonly lastEffectiveAt: string;
  /** Who made the last change of substance; that person may not publish it. */
  readonly lastAuthor: string;
  readonly publishedRevision: number | null;
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  /** True when the content changed after the last publication (or was never published). */
  readonly hasUnpublishedChanges: boolean;
  readonly supersededBy: string | null;
  /** Evidence currently linked, in the order it was linked. */
  readonly evidence: readonly Evidence[];
  readonly assumptions: readonly Assumption[];
  readonly indicators: readonly Indicator[];
  readonly outcome: RecordedOutcome | null;
  /** Status to return to if the outcome is retracted. */
  readonly statusBeforeOutcome: AssessmentStatus | null;
  /** Effective time of the first publication: where the published life begins. */
  readonly firstPublishedAt: string | null;
  /** Every dissent ever recorded, withdrawn ones included (flagged). */
  readonly dissents: readonly Dissent[];
  readonly publicView: PublicView | null;
}
