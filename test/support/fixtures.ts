import type { AssessmentCommand } from '../../src/assessments/domain/assessment-commands.js';
import type { AssessmentDrafted } from '../../src/assessments/domain/assessment-events.js';

export const ASSESSMENT_ID = '0b8e1c7a-3f7e-4c55-9c1e-2f4a9d8b6e01';
export const OTHER_ID = '5d2f6b9e-8a41-4f0c-b6d3-7e9a1c2b4f58';

/** "Active escalation ... is unlikely in the short term" from the NTA 2023 excerpt, as drafted. */
export function drafted(overrides: Partial<AssessmentDrafted['data']> = {}): AssessmentDrafted {
  return {
    type: 'AssessmentDrafted',
    data: {
      assessmentId: ASSESSMENT_ID,
      statement: 'Active escalation of these conflicts is unlikely in the short term.',
      likelihood: { scale: 'nta', term: 'unlikely', probability: { low: 0, high: 0.25 } },
      confidence: 'moderate',
      horizon: { term: 'short-term', start: '2023-02-05T00:00:00.000Z', end: '2023-08-05T00:00:00.000Z' },
      subject: { actors: ['Russia'], regions: ['Moldova', 'Georgia'], topics: ['military pressure'] },
      classification: 'UNCLASSIFIED',
      source: { document: 'National Threat Assessment 2023', section: 'Post-Soviet region' },
      rationale: 'Russian resources are tied up in the war against Ukraine.',
      ...overrides,
    },
  };
}

/** The HTTP body that drafts the same statement. */
export function draftBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    statement: 'Active escalation of these conflicts is unlikely in the short term.',
    likelihood: { scale: 'nta', term: 'unlikely' },
    confidence: 'moderate',
    horizon: { term: 'short-term', start: '2023-02-05' },
    subject: { actors: ['Russia'], regions: ['Moldova', 'Georgia'], topics: ['military pressure'] },
    source: { document: 'National Threat Assessment 2023', section: 'Post-Soviet region' },
    effectiveAt: '2023-02-05T00:00:00Z',
    rationale: 'Russian resources are tied up in the war against Ukraine.',
    ...overrides,
  };
}

/** The command that drafts the same statement as assessment `assessmentId` (the HTTP body without its effectiveAt). */
export function draftCommand(assessmentId: string): Extract<AssessmentCommand, { type: 'DraftAssessment' }> {
  const { effectiveAt: _effectiveAt, ...body } = draftBody();
  return { type: 'DraftAssessment', data: { assessmentId, ...body } as Extract<AssessmentCommand, { type: 'DraftAssessment' }>['data'] };
}
