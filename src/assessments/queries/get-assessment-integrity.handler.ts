import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { verifyChain } from '../../integrity/chain-verification.js';
import type { ChainReport } from '../../integrity/chain-verification.js';
import { AssessmentRepository } from '../application/assessment.repository.js';
import { assessmentStream } from '../application/assessment-stream.js';
import { AssessmentNotFoundError } from '../domain/domain-errors.js';
import { GetAssessmentIntegrityQuery } from './get-assessment-integrity.query.js';
import { assertVisible } from './visibility.js';

@QueryHandler(GetAssessmentIntegrityQuery)
export class GetAssessmentIntegrityHandler implements IQueryHandler<GetAssessmentIntegrityQuery, ChainReport & { assessmentId: string }> {
  constructor(private readonly repository: AssessmentRepository) {}

  async execute({ assessmentId, visibility }: GetAssessmentIntegrityQuery) {
    assertVisible(assessmentId, visibility, await this.repository.load(assessmentId));
    // Straight from the store, never from a cache: the point is to see what is stored now.
    const events = await this.repository.readEvents(assessmentId);
    if (events.length === 0) throw new AssessmentNotFoundError(assessmentId);
    return { assessmentId, ...verifyChain(assessmentStream(assessmentId), events) };
  }
}
