import { randomUUID } from 'node:crypto';
import { EventIdInUseError } from '../../../src/event-store/event-store.errors.js';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store.js';

/**
 * Event ids derive from idempotency keys: an id already stored in another
 * stream means the key was reused for a different command. The SQLite store
 * says so with its own error (answered 422), where it once threw a bare
 * Error (answered 500). KurrentDB deduplicates per stream only, so this is
 * not in the shared contract.
 */
describe('SqliteEventStore: an event id already used in another stream', () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  afterAll(() => store.close());

  it('given an event stored in one stream, when an append to another stream reuses its id, then EventIdInUseError and nothing is written', async () => {
    const id = randomUUID();
    await store.appendToStream('first', [{ id, type: 'Noted', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
    const head = await store.headPosition();
    await expect(store.appendToStream('second', [{ id, type: 'Noted', data: {}, metadata: {} }], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(EventIdInUseError);
    expect(await store.headPosition()).toBe(head);
    expect(await store.readStream('second')).toEqual([]);
  });
});
