import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AssessmentRepository, FoldLimit } from '../application/assessment.repository.js';
import { AssessmentNotFoundError } from '../domain/domain-errors.js';
import { AssessmentView, toAssessmentView } from './assessment.view.js';
import { GetAssessmentQuery } from './get-assessment.query.js';
import { assertVisible } from './visibility.js';

@QueryHandler(GetAssessmentQuery)
export class GetAssessmentHandler implements IQueryHandler<GetAssessmentQuery, AssessmentView> {
  constructor(private readonly repository: AssessmentRepository) {}

  async execute({ assessmentId, limit, scale, visibility }: GetAssessmentQuery): Promise<AssessmentView> {
    const state = await this.repository.load(assessmentId, limit);
    if (visibility) {
      const head = limit.kind === 'head' ? state : await this.repository.load(assessmentId);
      assertVisible(assessmentId, visibility, head, state);
    }
    // Asking for a revision past the head is asking for something that does not exist (yet).
    if (state === null || (limit.kind === 'revision' && state.revision !== limit.revision)) {
      const exists = state !== null || (await this.repository.load(assessmentId, { kind: 'revision', revision: 0 })) !== null;
      throw new AssessmentNotFoundError(assessmentId, notFoundDetail(limit, exists));
    }
    return toAssessmentView(state, scale);
  }
}

function notFoundDetail(limit: FoldLimit, exists: boolean): string {
  if (!exists) return 'does not exist';
  switch (limit.kind) {
    case 'revision':
      return `has no revision ${limit.revision}`;
    case 'effective':
      return `did not exist yet at effective time ${new Date(limit.at).toISOString()}`;
    case 'recorded':
      return `was not recorded yet at ${new Date(limit.at).toISOString()}`;
    default:
      return 'does not exist';
  }
}
