import { Query } from '@nestjs/cqrs';
import type { Visibility } from '../../auth/principal.js';
import type { BoundedTotal } from '../../common/pagination/bounded-total.js';
import type { LikelihoodScale } from '../domain/likelihood-scales.js';
import type { AssessmentSummaryView } from './assessment.view.js';

export const LIST_SORT_KEYS = ['updatedAt', 'createdAt', 'effectiveAt', 'horizonEnd', 'probability'] as const;
export type ListSortKey = (typeof LIST_SORT_KEYS)[number];

export interface AssessmentListFilter {
  readonly statuses?: readonly string[];
  readonly confidences?: readonly string[];
  readonly classifications?: readonly string[];
  /** Subject actor, region or topic (case-insensitive, exact). */
  readonly actor?: string;
  readonly region?: string;
  readonly topic?: string;
  readonly createdBy?: string;
  /** Bounds on the midpoint of the probability band. */
  readonly probability?: { readonly min: number; readonly max: number; readonly maxExclusive: boolean };
  readonly horizonEndsBefore?: number;
  readonly horizonEndsAfter?: number;
  /** Full text over the statement and every rationale. */
  readonly text?: string;
  /** Only assessments with (true) or without (false) a standing dissent. */
  readonly hasDissent?: boolean;
  /** Only assessments with (true) or without (false) changes awaiting publication (drafts have them). */
  readonly awaitingPublication?: boolean;
}

/** Which version of each assessment to list: the current one, or the one standing at a time. */
export interface ListTimePoint {
  readonly effective?: number;
  readonly recorded?: number;
}

export interface AssessmentList extends BoundedTotal {
  readonly items: AssessmentSummaryView[];
  readonly nextCursor: string | null;
  /** Read-model position the answer reflects. */
  readonly position: string;
}

export class ListAssessmentsQuery extends Query<AssessmentList> {
  constructor(
    readonly filter: AssessmentListFilter,
    readonly at: ListTimePoint,
    readonly sort: { readonly key: ListSortKey; readonly descending: boolean },
    readonly page: { readonly limit: number; readonly cursor?: string },
    readonly scale?: LikelihoodScale,
    readonly minPosition?: bigint,
    readonly visibility?: Visibility,
  ) {
    super();
  }
}
