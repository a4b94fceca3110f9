import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AssessmentRepository } from '../application/assessment.repository.js';
import { AssessmentNotFoundError } from '../domain/domain-errors.js';
import { AssessmentHistoryView, toHistory } from './assessment-history.view.js';
import { GetAssessmentHistoryQuery } from './get-assessment-history.query.js';
import { assertVisible } from './visibility.js';

@QueryHandler(GetAssessmentHistoryQuery)
export class GetAssessmentHistoryHandler implements IQueryHandler<GetAssessmentHistoryQuery, AssessmentHistoryView> {
  constructor(private readonly repository: AssessmentRepository) {}

  async execute({ assessmentId, visibility }: GetAssessmentHistoryQuery): Promise<AssessmentHistoryView> {
    assertVisible(assessmentId, visibility, await this.repository.load(assessmentId));
    const events = await this.repository.readEvents(assessmentId);
    if (events.length === 0) throw new AssessmentNotFoundError(assessmentId);
    return { assessmentId, revision: events[events.length - 1].revision, events: toHistory(events) };
  }
}
