import { Query } from '@nestjs/cqrs';
import type { Visibility } from '../../auth/principal.js';
import type { LikelihoodScale } from '../domain/likelihood-scales.js';
import type { AssessmentSummaryView } from './assessment.view.js';
import type { BoundedTotal } from '../../common/pagination/bounded-total.js';

export type ReviewReason = 'horizon-ended' | 'not-revised' | 'linchpin-invalid';

export interface ReviewDueItem {
  readonly assessment: AssessmentSummaryView;
  readonly reasons: ReviewReason[];
}

export interface ReviewDueList extends BoundedTotal {
  readonly items: ReviewDueItem[];
  readonly nextCursor: string | null;
  readonly staleAfterDays: number;
  readonly position: string;
}

/**
 * Published assessments that need an analyst: the horizon has ended with no
 * outcome recorded, the judgment has not been revised for a while, or a
 * linchpin assumption was found invalid.
 */
export class ListReviewDueQuery extends Query<ReviewDueList> {
  constructor(
    readonly now: number,
    readonly staleAfterDays: number,
    readonly page: { readonly limit: number; readonly cursor?: string },
    readonly scale?: LikelihoodScale,
    readonly minPosition?: bigint,
    readonly visibility?: Visibility,
  ) {
    super();
  }
}
