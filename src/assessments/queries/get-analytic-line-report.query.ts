import { Query } from '@nestjs/cqrs';
import type { Visibility } from '../../auth/principal.js';
import type { LikelihoodScale } from '../domain/likelihood-scales.js';
import type { AssessmentSummaryView } from './assessment.view.js';
import type { AssessmentListFilter } from './list-assessments.query.js';

/** How a judgment fared between two editions (ICD 203 standard 7: changes and consistency). */
export const LINE_CLASSES = ['new', 'changed', 'consistent', 'withdrawn', 'superseded', 'resolved'] as const;
export type LineClass = (typeof LINE_CLASSES)[number];

export type Direction = 'up' | 'down';

/** Which line a report follows: as recorded (drafts and unpublished changes too), or as published. */
export const ANALYTIC_LINES = ['working', 'published'] as const;
export type AnalyticLine = (typeof ANALYTIC_LINES)[number];

export interface LineChanges {
  readonly likelihood?: { readonly from: AssessmentSummaryView['likelihood']; readonly to: AssessmentSummaryView['likelihood']; readonly direction: Direction | null };
  readonly confidence?: { readonly from: string; readonly to: string; readonly direction: Direction };
  readonly reworded?: { readonly from: string; readonly to: string };
}

/** One event between the two editions: the reasons recorded for the change. */
export interface InterimChange {
  readonly revision: number;
  readonly type: string;
  readonly actor: string;
  readonly effectiveAt: string;
  readonly rationale: string | null;
  readonly basis: string | null;
}

export interface LineItem {
  readonly class: LineClass;
  readonly assessmentId: string;
  /** Created inside the window (a new judgment, or one created and closed within it). */
  readonly createdInWindow: boolean;
  readonly atFrom: AssessmentSummaryView | null;
  readonly atTo: AssessmentSummaryView;
  readonly changes: LineChanges;
  readonly interim: InterimChange[];
}

export interface AnalyticLineReport {
  readonly from: string;
  readonly to: string;
  readonly line: AnalyticLine;
  readonly counts: Record<LineClass, number>;
  readonly items: LineItem[];
  readonly position: string;
}

/** Every judgment in scope at `to`, classed against how it stood at `from` (effective times). */
export class GetAnalyticLineReportQuery extends Query<AnalyticLineReport> {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly filter: AssessmentListFilter,
    readonly scale?: LikelihoodScale,
    readonly minPosition?: bigint,
    readonly visibility?: Visibility,
    readonly line: AnalyticLine = 'working',
  ) {
    super();
  }
}
