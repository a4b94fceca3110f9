import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { AssessmentCommandExecutor } from '../../src/assessments/application/assessment-command.executor.js';
import type { AssessmentCommand } from '../../src/assessments/domain/assessment-commands.js';
import { DomainError } from '../../src/assessments/domain/domain-errors.js';
import { WrongExpectedRevisionError } from '../../src/event-store/event-store.errors.js';

const ACTORS = ['alice', 'bob', 'carol'] as const;
const WORDS = ['escalation', 'military pressure', 'Transnistria', 'Abkhazia', 'sanctions', 'elections', 'gas transit'];
const REGIONS = ['Moldova', 'Georgia', 'Armenia', 'Belarus', 'Kazakhstan'];

export type HistoryStep = {
  readonly kind: 'draft' | 'reword' | 'likelihood' | 'confidence' | 'horizon' | 'subject' | 'publish' | 'withdraw' | 'supersede';
  readonly target: number;
  readonly other: number;
  readonly actor: number;
  readonly word: number;
  readonly hours: number;
  /** What the projection does after this step: nothing, catch up, or restart then catch up. */
  readonly sync: 0 | 1 | 2;
  readonly batchSize: number;
};

export const historyStep: fc.Arbitrary<HistoryStep> = fc.record({
  kind: fc.constantFrom('draft', 'draft', 'reword', 'likelihood', 'likelihood', 'confidence', 'horizon', 'subject', 'publish', 'publish', 'withdraw', 'supersede'),
  target: fc.nat(50),
  other: fc.nat(50),
  actor: fc.nat(2),
  word: fc.nat(WORDS.length - 1),
  hours: fc.nat(12),
  sync: fc.constantFrom(0, 0, 0, 1, 2),
  batchSize: fc.integer({ min: 1, max: 20 }),
});

function commandFor(step: HistoryStep, id: string, ids: string[]): AssessmentCommand {
  const word = WORDS[step.word];
  const rationale = `Because of ${word} (${step.hours}h).`;
  switch (step.kind) {
    case 'draft':
      return {
        type: 'DraftAssessment',
        data: {
          assessmentId: id,
          statement: `Active ${word} is unlikely in the short term.`,
          likelihood: step.word % 2 ? { scale: 'nta', term: 'unlikely' } : { probability: step.word / 10 },
          confidence: 'moderate',
          horizon: { term: 'short-term' },
          subject: { actors: ['Russia'], regions: [REGIONS[step.word % REGIONS.length]], topics: [word] },
          rationale,
        },
      };
    case 'reword':
      return { type: 'RewordStatement', data: { statement: `${word} is ${step.hours % 2 ? 'likely' : 'unlikely'} soon.`, rationale } };
    case 'likelihood':
      return {
        type: 'ChangeLikelihood',
        data: { likelihood: { scale: 'icd203', term: ['unlikely', 'likely', 'very-likely', 'almost-no-chance'][step.word % 4] }, basis: 'new-information', rationale },
      };
    case 'confidence':
      return { type: 'ChangeConfidence', data: { confidence: (['low', 'moderate', 'high'] as const)[step.word % 3], basis: 'new-reasoning', rationale } };
    case 'horizon':
      return { type: 'ChangeHorizon', data: { horizon: { term: (['short-term', 'near-term', 'medium-term'] as const)[step.word % 3] }, rationale } };
    case 'subject':
      return { type: 'ChangeSubject', data: { subject: { actors: ['Russia'], regions: [REGIONS[(step.word + 1) % REGIONS.length]], topics: [word] }, rationale } };
    case 'publish':
      return { type: 'PublishAssessment', data: { rationale } };
    case 'withdraw':
      return { type: 'WithdrawAssessment', data: { rationale } };
    case 'supersede':
      return { type: 'SupersedeAssessment', data: { supersededBy: ids[step.other % ids.length], rationale } };
  }
}

/**
 * Plays random steps through the real command path, backdated along a clock
 * that starts on 5 February 2023. Steps the domain refuses are simply skipped;
 * `afterStep` lets the caller project in between.
 */
export async function playHistory(
  executor: AssessmentCommandExecutor,
  steps: readonly HistoryStep[],
  afterStep: (step: HistoryStep) => Promise<void> = async () => {},
): Promise<{ accepted: number; ids: string[] }> {
  const ids: string[] = [];
  const revisions = new Map<string, number>();
  let clock = Date.parse('2023-02-05T00:00:00Z');
  let accepted = 0;
  for (const step of steps) {
    clock += step.hours * 3_600_000;
    const drafting = step.kind === 'draft' || ids.length === 0;
    const id = drafting ? randomUUID() : ids[step.target % ids.length];
    const command = commandFor(drafting ? { ...step, kind: 'draft' } : step, id, ids);
    try {
      const result = await executor.execute(
        id,
        command,
        { actor: ACTORS[step.actor], correlationId: randomUUID(), effectiveAt: new Date(Math.min(clock, Date.now())).toISOString() },
        drafting ? 'no_stream' : revisions.get(id)!,
      );
      revisions.set(id, result.revision);
      if (drafting) ids.push(id);
      accepted += 1;
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof WrongExpectedRevisionError)) throw error;
    }
    await afterStep(step);
  }
  return { accepted, ids };
}
