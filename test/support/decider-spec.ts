import type { AssessmentCommand, CommandContext } from '../../src/assessments/domain/assessment-commands.js';
import type { AssessmentEvent, RecordedAssessmentEvent } from '../../src/assessments/domain/assessment-events.js';
import { decide } from '../../src/assessments/domain/decide.js';
import { fold } from '../../src/assessments/domain/evolve.js';

export const T0 = '2023-02-05T00:00:00.000Z';
export const NOW = new Date('2023-03-01T12:00:00.000Z');

/** Gives an event the metadata the domain reads (actor, times), defaulting to alice at T0. */
export function recorded(event: AssessmentEvent, meta: Partial<RecordedAssessmentEvent['metadata']> = {}): RecordedAssessmentEvent {
  return {
    ...event,
    metadata: { actor: 'alice', recordedAt: T0, effectiveAt: T0, ...meta },
  } as RecordedAssessmentEvent;
}

/**
 * Given/when/then over the pure decider: given past events, when a command
 * arrives, then these events (or this error).
 */
export function given(...history: (AssessmentEvent | RecordedAssessmentEvent)[]) {
  const events = history.map((e) => ('metadata' in e ? e : recorded(e)));
  return {
    when(command: AssessmentCommand, ctx: Partial<CommandContext> = {}) {
      const context: CommandContext = { actor: 'alice', now: NOW, effectiveAt: NOW.toISOString(), ...ctx };
      const act = () => decide(command, fold(events), context);
      return {
        then(expected: AssessmentEvent[]) {
          expect(act()).toEqual(expected);
        },
        thenThrows(errorClass: new (...args: never[]) => Error, match: Record<string, unknown> = {}) {
          let thrown: unknown;
          try {
            act();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorClass);
          expect(thrown).toMatchObject(match);
        },
      };
    },
  };
}
