import { RelatedAssessmentChangingError } from '../../../src/assessments/domain/domain-errors.js';
import { HttpExceptionFilter } from '../../../src/common/http/http-exception.filter.js';

describe('HttpExceptionFilter', () => {
  const filter = new HttpExceptionFilter();

  it('answers a related assessment that kept changing with 409, its code and the field that named it', () => {
    const answer = filter.toResponse(new RelatedAssessmentChangingError('5d2f6b9e-8a41-4f0c-b6d3-7e9a1c2b4f58', 'supersededBy'));
    expect(answer).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'related-assessment-changing', field: 'supersededBy' });
    expect(answer.message).toContain('5d2f6b9e-8a41-4f0c-b6d3-7e9a1c2b4f58');
  });
});
