import type { Visibility } from '../../auth/principal.js';
import { Query } from '@nestjs/cqrs';
import type { FoldLimit } from '../application/assessment.repository.js';
import type { LikelihoodScale } from '../domain/likelihood-scales.js';
import type { AssessmentView } from './assessment.view.js';

/** One assessment folded from its stream: at its head, a revision, an effective time or a recorded time. */
export class GetAssessmentQuery extends Query<AssessmentView> {
  constructor(
    readonly assessmentId: string,
    readonly limit: FoldLimit = { kind: 'head' },
    readonly scale?: LikelihoodScale,
    readonly visibility?: Visibility,
  ) {
    super();
  }
}
