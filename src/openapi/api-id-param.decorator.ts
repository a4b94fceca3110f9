import { ApiParam } from '@nestjs/swagger';
import { NTA } from './nta-examples.js';

/** A UUID path parameter; anything else is refused with 400 naming it. */
export const ApiUuidParam = (name: string, description: string, example: string = NTA.subResourceId) =>
  ApiParam({ name, description, schema: { type: 'string', format: 'uuid' }, example });

/** The `:id` of an assessment. */
export const ApiAssessmentIdParam = () => ApiUuidParam('id', 'Assessment id', NTA.assessmentId);
