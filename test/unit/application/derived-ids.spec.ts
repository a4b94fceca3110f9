import { commandIdFor, eventIdFor } from '../../../src/assessments/application/assessment-command.executor.js';

/*
 * Event ids derived from a command (and command ids from an idempotency key)
 * are stored: a retry after an upgrade must derive the very same ones, or the
 * store would take it for a new append. These values were derived with the
 * namespace given as its string form before it was kept as bytes.
 */
describe('ids derived by UUID v5', () => {
  it('derives the same event id for a command and index as ever', () => {
    expect(eventIdFor('febbe2ca-3696-4580-8b88-70016aaa4be2', 1)).toBe('052330b0-e87f-59df-92d2-122c395bd339');
  });

  it("derives the same command id for an actor's idempotency key as ever, and takes a given command id as it is", () => {
    // Since this commit: the key alone (then d32c5533-…) made two actors' keys "1" the same command, and the second a 500.
    expect(commandIdFor({ actor: 'alice', idempotencyKey: 'key-1' })).toBe('00b9d7a3-063f-5cf4-a875-97ceb6ee215e');
    expect(commandIdFor({ actor: 'carol', idempotencyKey: 'key-1' })).toBe('a2bc80f2-1d4c-526b-b76a-597102f29b86');
    expect(commandIdFor({ actor: 'alice', idempotencyKey: 'key-1', commandId: 'given' })).toBe('given');
  });
});
