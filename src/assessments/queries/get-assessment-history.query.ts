import type { Visibility } from '../../auth/principal.js';
import { Query } from '@nestjs/cqrs';
import type { AssessmentHistoryView } from './assessment-history.view.js';

/** Every event of one assessment: who changed what, when (both time axes) and why. */
export class GetAssessmentHistoryQuery extends Query<AssessmentHistoryView> {
  constructor(
    readonly assessmentId: string,
    readonly visibility?: Visibility,
  ) {
    super();
  }
}
