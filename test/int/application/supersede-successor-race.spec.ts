import { randomUUID } from 'node:crypto';
import { AssessmentCommandExecutor } from '../../../src/assessments/application/assessment-command.executor.js';
import { AssessmentRepository } from '../../../src/assessments/application/assessment.repository.js';
import { SupersedeAssessmentCommand } from '../../../src/assessments/commands/supersede-assessment.command.js';
import { SupersedeAssessmentHandler } from '../../../src/assessments/commands/supersede-assessment.handler.js';
import { BusinessRuleError, RelatedAssessmentChangingError } from '../../../src/assessments/domain/domain-errors.js';
import type { AppendOptions, EventStore, EventToAppend } from '../../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store.js';
import { draftCommand } from '../../support/fixtures.js';

const meta = (actor: string) => ({ actor, correlationId: randomUUID() });

/**
 * A store that, just before each append conditional on another stream, lets
 * `interloper` change that stream: what a concurrent request does between the
 * supersede handler's check of the successor and its append.
 */
function interleaving(store: EventStore, interloper: (attempt: number) => Promise<void>): EventStore {
  const wrapped = Object.create(store) as EventStore;
  let attempts = 0;
  wrapped.appendToStream = async (stream: string, events: readonly EventToAppend[], options: AppendOptions) => {
    if (options.otherStreamAt) await interloper(++attempts);
    return store.appendToStream(stream, events, options);
  };
  return wrapped;
}

describe('superseding while the successor changes', () => {
  let store: SqliteEventStore;
  const predecessor = randomUUID();
  const successor = randomUUID();
  beforeEach(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    const executor = new AssessmentCommandExecutor(new AssessmentRepository(store));
    await executor.execute(predecessor, draftCommand(predecessor), meta('alice'), 'no_stream');
    await executor.execute(successor, draftCommand(successor), meta('alice'), 'no_stream');
  });
  afterEach(() => store.close());

  const supersede = () =>
    new SupersedeAssessmentCommand(predecessor, 0, { supersededBy: successor, rationale: 'A newer judgment replaces it.' }, meta('alice'));

  it('given a successor withdrawn after the check, when the supersession appends, then it is refused as successor-closed and not written', async () => {
    const side = new AssessmentCommandExecutor(new AssessmentRepository(store));
    const repository = new AssessmentRepository(
      interleaving(store, async (attempt) => {
        if (attempt === 1) await side.execute(successor, { type: 'WithdrawAssessment', data: { rationale: 'Overtaken.' } }, meta('bob'), 0);
      }),
    );
    const handler = new SupersedeAssessmentHandler(new AssessmentCommandExecutor(repository), repository);

    const error = await handler.execute(supersede()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BusinessRuleError);
    expect(error).toMatchObject({ code: 'successor-closed', field: 'supersededBy' });
    expect(await store.readStream(`assessment-${predecessor}`)).toHaveLength(1);
    expect((await new AssessmentRepository(store).load(successor))!.status).toBe('withdrawn');
  });

  it('given a successor only reworded after the check, when the supersession appends, then it decides again and lands', async () => {
    const side = new AssessmentCommandExecutor(new AssessmentRepository(store));
    const repository = new AssessmentRepository(
      interleaving(store, async (attempt) => {
        if (attempt === 1) {
          await side.execute(successor, { type: 'RewordStatement', data: { statement: 'A sharper wording of it.', rationale: 'Clarity.' } }, meta('bob'), 0);
        }
      }),
    );
    const handler = new SupersedeAssessmentHandler(new AssessmentCommandExecutor(repository), repository);

    const result = await handler.execute(supersede());

    expect(result.revision).toBe(1);
    expect((await new AssessmentRepository(store).load(predecessor))!.status).toBe('superseded');
  });

  it('given a successor reworded before each attempt and withdrawn before the last, then successor-closed (422), not a conflict', async () => {
    const side = new AssessmentCommandExecutor(new AssessmentRepository(store));
    const repository = new AssessmentRepository(
      interleaving(store, async (attempt) => {
        const command =
          attempt < 5
            ? { type: 'RewordStatement' as const, data: { statement: `Wording number ${attempt} of the successor.`, rationale: 'Again.' } }
            : { type: 'WithdrawAssessment' as const, data: { rationale: 'Overtaken.' } };
        await side.execute(successor, command, meta('bob'), attempt - 1);
      }),
    );
    const handler = new SupersedeAssessmentHandler(new AssessmentCommandExecutor(repository), repository);

    const error = await handler.execute(supersede()).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'successor-closed', field: 'supersededBy' });
    expect(await store.readStream(`assessment-${predecessor}`)).toHaveLength(1);
  });

  it('given a successor changed before every attempt, then a 409-kind error names it and nothing is written', async () => {
    const side = new AssessmentCommandExecutor(new AssessmentRepository(store));
    const repository = new AssessmentRepository(
      interleaving(store, async (attempt) => {
        const statement = `Wording number ${attempt} of the successor.`;
        await side.execute(successor, { type: 'RewordStatement', data: { statement, rationale: 'Again.' } }, meta('bob'), attempt - 1);
      }),
    );
    const handler = new SupersedeAssessmentHandler(new AssessmentCommandExecutor(repository), repository);

    const error = await handler.execute(supersede()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RelatedAssessmentChangingError);
    expect(error).toMatchObject({ assessmentId: successor, field: 'supersededBy' });
    expect(await store.readStream(`assessment-${predecessor}`)).toHaveLength(1);
  });
});
