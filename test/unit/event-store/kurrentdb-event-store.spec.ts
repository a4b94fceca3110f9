import { randomUUID } from 'node:crypto';
import { ANY, BACKWARDS, END, NO_STREAM, START, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import type { ReadPosition } from '@kurrent/kurrentdb-client';
import { EventStoreClosedError, WrongExpectedRevisionError } from '../../../src/event-store/event-store.errors.js';
import type { EventToAppend, RecordedEvent } from '../../../src/event-store/event-store.port.js';
import { KurrentDbEventStore } from '../../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import { FakeKurrentDbClient } from './fake-kurrentdb-client.js';

const event = (type = 'Tested', data: Record<string, unknown> = { n: 1 }): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'unit' },
});

/** Resubscribes at once and gives up after three failures in a row, to keep the tests fast. */
const fastRetry = { firstDelayMs: 1, maxDelayMs: 4, maxConsecutiveFailures: 3 };

function commitOf(position: ReadPosition | undefined): bigint | 'start' | 'end' | undefined {
  return typeof position === 'object' ? position.commit : position;
}

async function collect(subscription: AsyncIterable<readonly RecordedEvent[]>, count: number, batches?: number[]) {
  const seen: RecordedEvent[] = [];
  for await (const batch of subscription) {
    batches?.push(batch.length);
    seen.push(...batch);
    if (seen.length >= count) break;
  }
  return seen;
}

describe('KurrentDbEventStore (against a fake client)', () => {
  let client: FakeKurrentDbClient;
  let store: KurrentDbEventStore;
  beforeEach(() => {
    client = new FakeKurrentDbClient();
    store = new KurrentDbEventStore(client, { resubscribe: fastRetry });
  });
  afterEach(async () => {
    await store.close();
  });

  describe('appendToStream', () => {
    it('sends JSON events with the caller’s ids and maps each expected revision to a stream state', async () => {
      const first = event('Drafted', { statement: 's' });
      await store.appendToStream('a-1', [first], { expectedRevision: 'no_stream' });
      await store.appendToStream('a-1', [event()], { expectedRevision: 0 });
      await store.appendToStream('a-1', [event()], { expectedRevision: 'stream_exists' });
      await store.appendToStream('a-1', [event()], { expectedRevision: 'any' });

      expect(client.appendCalls.map((c) => c.options?.streamState)).toEqual([NO_STREAM, 0n, STREAM_EXISTS, ANY]);
      expect(client.appendCalls[0].events[0]).toMatchObject({
        id: first.id,
        contentType: 'application/json',
        type: 'Drafted',
        data: { statement: 's' },
        metadata: { actor: 'unit' },
      });
    });

    it('answers the next revision as a number and the commit position of the last event', async () => {
      const result = await store.appendToStream('a-1', [event(), event(), event()], { expectedRevision: 'no_stream' });
      expect(result.nextRevision).toBe(2);
      expect(result.position).toBe(client.log[2].commit);
      expect(typeof result.position).toBe('bigint');
    });

    it('turns a stale revision into WrongExpectedRevisionError with the actual revision', async () => {
      await store.appendToStream('a-1', [event(), event()], { expectedRevision: 'no_stream' });
      const error = await store.appendToStream('a-1', [event()], { expectedRevision: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamName: 'a-1', expectedRevision: 0, actualRevision: 1 });
      await expect(store.appendToStream('a-1', [event()], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
        actualRevision: 1,
      });
    });

    it('reports -1 as the actual revision of a stream that does not exist', async () => {
      await expect(store.appendToStream('nothing', [event()], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
        streamName: 'nothing',
        expectedRevision: 'stream_exists',
        actualRevision: -1,
      });
      await expect(store.appendToStream('nothing', [event()], { expectedRevision: 3 })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
    });

    it('looks up the position of a retried append the server answers without one', async () => {
      const events = [event(), event()];
      const first = await store.appendToStream('a-1', events, { expectedRevision: 'no_stream' });
      client.omitAppendPosition = true;
      const retry = await store.appendToStream('a-1', events, { expectedRevision: 'no_stream' });
      expect(retry).toEqual(first);
      expect(client.log).toHaveLength(2);
    });

    it('refuses an empty append without calling the server', async () => {
      await expect(store.appendToStream('a-1', [], { expectedRevision: 'any' })).rejects.toThrow(/at least one event/);
      expect(client.appendCalls).toHaveLength(0);
    });
  });

  describe('readStream', () => {
    beforeEach(async () => {
      await store.appendToStream('a-1', [0, 1, 2, 3, 4].map((n) => event('N', { n })), { expectedRevision: 'no_stream' });
    });

    it('reads an unknown stream (StreamNotFoundError) as empty', async () => {
      expect(await store.readStream('never-written')).toEqual([]);
    });

    it('gives revisions as numbers and positions as commit positions', async () => {
      const events = await store.readStream('a-1');
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(events.map((e) => e.position)).toEqual(client.log.map((e) => e.commit));
      expect(events[4]).toMatchObject({ streamName: 'a-1', type: 'N', data: { n: 4 }, metadata: { actor: 'unit' } });
    });

    it('honours ranges, counts and direction, with toRevision inclusive', async () => {
      const revisions = async (options: Parameters<KurrentDbEventStore['readStream']>[1]) =>
        (await store.readStream('a-1', options)).map((e) => e.revision);
      expect(await revisions({ fromRevision: 1, toRevision: 3 })).toEqual([1, 2, 3]);
      expect(await revisions({ toRevision: 1 })).toEqual([0, 1]);
      expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
      expect(await revisions({ direction: 'backwards', maxCount: 2 })).toEqual([4, 3]);
      expect(await revisions({ direction: 'backwards', fromRevision: 2 })).toEqual([2, 1, 0]);
      expect(await revisions({ direction: 'backwards', toRevision: 3 })).toEqual([4, 3]);
      expect(await revisions({ fromRevision: 3, toRevision: 1 })).toEqual([]);
      expect(await revisions({ maxCount: 0 })).toEqual([]);
    });
  });

  describe('readAll and headPosition', () => {
    it('returns events strictly after the position, skipping the one KurrentDB starts at', async () => {
      await store.appendToStream('a-1', [event('A', { i: 0 })], { expectedRevision: 'no_stream' });
      await store.appendToStream('b-1', [event('B', { i: 1 })], { expectedRevision: 'no_stream' });
      await store.appendToStream('a-1', [event('A', { i: 2 })], { expectedRevision: 0 });
      const all = await store.readAll({ after: 0n, maxCount: 100 });
      expect(all.map((e) => e.data)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
      expect(commitOf(client.readAllCalls[0].fromPosition)).toBe(START);

      const after = await store.readAll({ after: all[0].position, maxCount: 1 });
      expect(after.map((e) => e.data)).toEqual([{ i: 1 }]);
      expect(commitOf(client.readAllCalls[1].fromPosition)).toBe(all[0].position);
      expect(await store.readAll({ after: all[2].position, maxCount: 10 })).toEqual([]);
    });

    it('pages through the whole log by last position without gaps or repeats', async () => {
      for (let i = 0; i < 7; i++) {
        await store.appendToStream(`s-${i % 3}`, [event('P', { i })], { expectedRevision: 'any' });
        if (i % 2 === 0) client.appendSystemEvent();
      }
      const seen: RecordedEvent[] = [];
      let after = 0n;
      for (;;) {
        const page = await store.readAll({ after, maxCount: 2 });
        if (page.length === 0) break;
        seen.push(...page);
        after = page[page.length - 1].position;
      }
      expect(seen.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    });

    it('leaves out system events, asking the server to filter them', async () => {
      client.appendSystemEvent('$$a-1', '$metadata');
      await store.appendToStream('a-1', [event('Mine')], { expectedRevision: 'no_stream' });
      client.appendSystemEvent();
      expect((await store.readAll({ after: 0n, maxCount: 10 })).map((e) => e.type)).toEqual(['Mine']);
      expect(client.readAllCalls[0].filter).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    });

    it('gives the position of the last ledger event as the head, 0n for an empty log', async () => {
      expect(await store.headPosition()).toBe(0n);
      client.appendSystemEvent();
      expect(await store.headPosition()).toBe(0n);
      const { position } = await store.appendToStream('a-1', [event()], { expectedRevision: 'no_stream' });
      client.appendSystemEvent();
      expect(await store.headPosition()).toBe(position);
      const last = client.readAllCalls[client.readAllCalls.length - 1];
      expect(last).toMatchObject({ fromPosition: END, direction: BACKWARDS, maxCount: 1 });
    });
  });

  describe('subscribeToAll', () => {
    it('catches up after the given position with a prefix filter, in batches of at most batchSize', async () => {
      await store.appendToStream('ledger-1', [event('Old')], { expectedRevision: 'no_stream' });
      const start = await store.headPosition();
      for (let i = 0; i < 7; i++) {
        await store.appendToStream(i % 2 ? 'ledger-2' : 'other-1', [event('E', { i })], { expectedRevision: 'any' });
        client.appendSystemEvent();
      }
      const subscription = store.subscribeToAll({ after: start, streamPrefix: 'ledger-', batchSize: 2 });
      const sizes: number[] = [];
      const seen = await collect(subscription, 3, sizes);
      subscription.stop();

      expect(seen.map((e) => (e.data as { i: number }).i)).toEqual([1, 3, 5]);
      expect(sizes.length).toBeGreaterThan(1);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(2);
      expect(client.subscribeCalls[0].filter).toMatchObject({ filterOn: 'streamName', prefixes: ['ledger-'] });
      expect(commitOf(client.subscribeCalls[0].fromPosition)).toBe(start);
    });

    it('follows appends made after it caught up', async () => {
      const subscription = store.subscribeToAll({ after: 0n, streamPrefix: 'ledger-' });
      const seen = collect(subscription, 2);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.appendToStream('ledger-1', [event('Live', { i: 0 })], { expectedRevision: 'no_stream' });
      await store.appendToStream('ledger-1', [event('Live', { i: 1 })], { expectedRevision: 0 });
      expect((await seen).map((e) => e.data)).toEqual([{ i: 0 }, { i: 1 }]);
      subscription.stop();
    });

    it('resubscribes from the last delivered position after errors, repeating and missing nothing', async () => {
      const appended: string[] = [];
      for (let i = 0; i < 12; i++) {
        const e = event('E', { i });
        await store.appendToStream(`ledger-${i % 3}`, [e], { expectedRevision: 'any' });
        appended.push(e.id);
        if (i % 4 === 0) await store.appendToStream('other', [event()], { expectedRevision: 'any' });
      }
      // The first subscription breaks after 5 events, the second after 4 (one of which is the re-sent start event).
      client.failSubscriptionsAfter = [5, 4];
      const delivered: RecordedEvent[] = [];
      const resumedAt: { from: ReturnType<typeof commitOf>; lastDelivered: bigint | undefined }[] = [];
      client.onSubscribe = (options) =>
        resumedAt.push({ from: commitOf(options.fromPosition), lastDelivered: delivered[delivered.length - 1]?.position });

      const subscription = store.subscribeToAll({ after: 0n, streamPrefix: 'ledger-', batchSize: 3 });
      for await (const batch of subscription) {
        delivered.push(...batch);
        if (delivered.length >= appended.length) break;
      }

      expect(delivered.map((e) => e.id)).toEqual(appended);
      expect(client.subscribeCalls).toHaveLength(3);
      expect(resumedAt[0]).toEqual({ from: START, lastDelivered: undefined });
      for (const resume of resumedAt.slice(1)) {
        expect(resume.lastDelivered).toBeDefined();
        expect(resume.from).toBe(resume.lastDelivered);
      }
      // Every broken subscription was released.
      expect(client.unsubscribeCount).toBe(3);
    });

    it('resubscribes after a failure while live, and delivers what was appended meanwhile', async () => {
      client.failSubscriptionsAfter = [1];
      const subscription = store.subscribeToAll({ after: 0n, streamPrefix: 'ledger-' });
      const seen = collect(subscription, 3);
      await store.appendToStream('ledger-1', [event('L', { i: 0 })], { expectedRevision: 'no_stream' });
      await store.appendToStream('ledger-1', [event('L', { i: 1 })], { expectedRevision: 0 });
      await store.appendToStream('ledger-1', [event('L', { i: 2 })], { expectedRevision: 1 });
      expect((await seen).map((e) => e.data)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
      expect(client.subscribeCalls.length).toBeGreaterThanOrEqual(2);
      subscription.stop();
    });

    it('gives up after too many failures in a row and throws the last error', async () => {
      client.failSubscriptionsAfter = [0, 0, 0];
      await store.appendToStream('ledger-1', [event()], { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll({ after: 0n, streamPrefix: 'ledger-' });
      await expect(collect(subscription, 1)).rejects.toThrow(/connection dropped/);
      expect(client.subscribeCalls).toHaveLength(3);
    });

    it('ends a pending iteration when stopped, even though the cancelled source never answers', async () => {
      await store.appendToStream('ledger-1', [event('Mine')], { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll({ after: 0n, streamPrefix: 'ledger-' });
      const iterator = subscription[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect((first.value as RecordedEvent[]).map((e) => e.type)).toEqual(['Mine']);
      const pending = iterator.next();
      subscription.stop();
      expect((await pending).done).toBe(true);
      expect(client.unsubscribeCount).toBe(1);
      expect((await iterator.next()).done).toBe(true);
    });

    it('ends while waiting to resubscribe when stopped', async () => {
      store = new KurrentDbEventStore(client, { resubscribe: { firstDelayMs: 60_000, maxDelayMs: 60_000, maxConsecutiveFailures: 5 } });
      client.failSubscriptionsAfter = [0];
      await store.appendToStream('ledger-1', [event()], { expectedRevision: 'no_stream' });
      const subscription = store.subscribeToAll({ after: 0n });
      const pending = subscription[Symbol.asyncIterator]().next();
      await new Promise((resolve) => setTimeout(resolve, 5));
      subscription.stop();
      expect((await pending).done).toBe(true);
      expect(client.subscribeCalls).toHaveLength(1);
    });
  });

  describe('close', () => {
    it('ends subscriptions, waits for appends in flight, disposes the client, then refuses work', async () => {
      const subscription = store.subscribeToAll({ after: 0n });
      const pending = subscription[Symbol.asyncIterator]().next();
      const append = store.appendToStream('a-1', [event()], { expectedRevision: 'no_stream' });
      await store.close();
      expect(client.disposed).toBe(true);
      await expect(append).resolves.toMatchObject({ nextRevision: 0 });
      expect((await pending).done).toBe(true);
      await expect(store.appendToStream('a-1', [event()], { expectedRevision: 0 })).rejects.toBeInstanceOf(EventStoreClosedError);
      await expect(store.readStream('a-1')).rejects.toBeInstanceOf(EventStoreClosedError);
      await expect(store.readAll({ after: 0n, maxCount: 1 })).rejects.toBeInstanceOf(EventStoreClosedError);
      await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreClosedError);
      expect(() => store.subscribeToAll({ after: 0n })).toThrow(EventStoreClosedError);
    });
  });
});
