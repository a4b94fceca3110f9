import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../../src/event-store/event-store.errors.js';
import type { EventStore, EventToAppend, RecordedEvent } from '../../src/event-store/event-store.port.js';

export interface ContractTarget {
  /** A fresh, empty store (or one whose streams are unique to this run). */
  open(): Promise<EventStore>;
  /** Reopens the same store after close, where the adapter can; undefined when it cannot. */
  reopen?(): Promise<EventStore>;
}

const event = (type = 'Tested', data: unknown = { n: 1 }): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'contract' },
});

/** Every stream name is new, so the suite also runs against a shared server. */
const streamName = () => `contract-${randomUUID()}`;

async function take(store: EventStore, after: bigint, count: number, prefix?: string, stopAfter = true) {
  const subscription = store.subscribeToAll({ after, streamPrefix: prefix, batchSize: 3 });
  const seen: RecordedEvent[] = [];
  for await (const batch of subscription) {
    seen.push(...batch);
    if (seen.length >= count) break;
  }
  if (stopAfter) subscription.stop();
  return seen;
}

/**
 * Behaviour every EventStore adapter must show, written once and run against
 * each adapter (SQLite always; KurrentDB when EVENTSTORE_URL names a server).
 */
export function eventStoreContract(name: string, target: ContractTarget): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await target.open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('append and read a stream', () => {
      it('creates a stream at revision 0 and continues from the expected revision', async () => {
        const stream = streamName();
        const first = await store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' });
        expect(first.nextRevision).toBe(0);
        const second = await store.appendToStream(stream, [event(), event()], { expectedRevision: 0 });
        expect(second.nextRevision).toBe(2);
        expect(second.position > first.position).toBe(true);
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(events[2].position).toBe(second.position);
      });

      it('keeps type, data and metadata as appended', async () => {
        const stream = streamName();
        const e = event('Shaped', { text: 'ünïcode ✓', nested: { list: [1, 2.5, null, true] } });
        await store.appendToStream(stream, [e], { expectedRevision: 'no_stream' });
        const [read] = await store.readStream(stream);
        expect(read).toMatchObject({ id: e.id, streamName: stream, type: 'Shaped', data: e.data, metadata: e.metadata });
      });

      it('reads a range, a count and backwards', async () => {
        const stream = streamName();
        await store.appendToStream(stream, [0, 1, 2, 3, 4].map((n) => event('N', { n })), { expectedRevision: 'no_stream' });
        const revisions = async (o: Parameters<EventStore['readStream']>[1]) =>
          (await store.readStream(stream, o)).map((e) => e.revision);
        expect(await revisions({ fromRevision: 1, toRevision: 3 })).toEqual([1, 2, 3]);
        expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
        expect(await revisions({ direction: 'backwards', maxCount: 2 })).toEqual([4, 3]);
        expect(await revisions({ direction: 'backwards', fromRevision: 2 })).toEqual([2, 1, 0]);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(streamName())).toEqual([]);
      });
    });

    describe('optimistic concurrency', () => {
      it('refuses a stale expected revision with the actual one', async () => {
        const stream = streamName();
        await store.appendToStream(stream, [event(), event()], { expectedRevision: 'no_stream' });
        const error = await store.appendToStream(stream, [event()], { expectedRevision: 0 }).catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamName: stream, expectedRevision: 0, actualRevision: 1 });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses no_stream on an existing stream and stream_exists on a missing one', async () => {
        const stream = streamName();
        await store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
          actualRevision: 0,
        });
        await expect(store.appendToStream(streamName(), [event()], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        await expect(store.appendToStream(stream, [event()], { expectedRevision: 'any' })).resolves.toMatchObject({ nextRevision: 1 });
      });

      it('lets exactly one of many concurrent appends at the same revision win, and only losers fail', async () => {
        const contested = streamName();
        await store.appendToStream(contested, [event()], { expectedRevision: 'no_stream' });
        const others = Array.from({ length: 20 }, () => streamName());
        const attempts = [
          ...Array.from({ length: 10 }, () => store.appendToStream(contested, [event()], { expectedRevision: 0 })),
          ...others.map((s) => store.appendToStream(s, [event(), event()], { expectedRevision: 'no_stream' })),
        ];
        const results = await Promise.allSettled(attempts);
        const contestedResults = results.slice(0, 10);
        expect(contestedResults.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of contestedResults.filter((r) => r.status === 'rejected')) {
          expect((r as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
        }
        expect(results.slice(10).every((r) => r.status === 'fulfilled')).toBe(true);
        expect(await store.readStream(contested)).toHaveLength(2);
      });
    });

    describe('a condition on another stream', () => {
      it('appends while the other stream is at the revision given, a missing one being -1', async () => {
        const [stream, other, missing] = [streamName(), streamName(), streamName()];
        await store.appendToStream(other, [event(), event()], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream, [event()], { expectedRevision: 'no_stream', otherStreamAt: { stream: other, revision: 1 } });
        await store.appendToStream(stream, [event()], { expectedRevision: 0, otherStreamAt: { stream: missing, revision: -1 } });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses the append, naming the other stream, once that stream moved, and writes nothing', async () => {
        const [stream, other] = [streamName(), streamName()];
        await store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' });
        await store.appendToStream(other, [event()], { expectedRevision: 'no_stream' });
        await store.appendToStream(other, [event()], { expectedRevision: 0 });
        const error = await store
          .appendToStream(stream, [event(), event()], { expectedRevision: 0, otherStreamAt: { stream: other, revision: 0 } })
          .catch((e) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamName: other, expectedRevision: 0, actualRevision: 1 });
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('deduplication', () => {
      it('answers a retried append (same event ids) as the first time and stores it once', async () => {
        const stream = streamName();
        const events = [event(), event()];
        const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        expect(retry.nextRevision).toBe(first.nextRevision);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('the global log', () => {
      it('reads all events after a position in position order', async () => {
        const start = await store.headPosition();
        const a = streamName();
        const b = streamName();
        await store.appendToStream(a, [event('A', { i: 0 })], { expectedRevision: 'no_stream' });
        await store.appendToStream(b, [event('B', { i: 1 })], { expectedRevision: 'no_stream' });
        await store.appendToStream(a, [event('A', { i: 2 })], { expectedRevision: 0 });
        const all = (await store.readAll({ after: start, maxCount: 1000 })).filter((e) => e.streamName === a || e.streamName === b);
        expect(all.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2]);
        for (let i = 1; i < all.length; i++) expect(all[i].position > all[i - 1].position).toBe(true);
        const limited = await store.readAll({ after: all[0].position, maxCount: 1 });
        expect(limited).toHaveLength(1);
        expect(limited[0].position > all[0].position).toBe(true);
        expect((await store.headPosition()) >= all[2].position).toBe(true);
      });

      it('pages through the log by last position without gaps or repeats, also inside one append', async () => {
        const start = await store.headPosition();
        const a = streamName();
        const b = streamName();
        // Multi-event appends too: each of their events must get a position of its own.
        for (const [stream, numbers] of [[a, [0]], [b, [1, 2]], [a, [3]], [b, [4, 5]], [a, [6]]] as const) {
          await store.appendToStream(stream, numbers.map((i) => event('P', { i })), { expectedRevision: 'any' });
        }
        const head = await store.headPosition();
        const seen: RecordedEvent[] = [];
        let after = start;
        while (after < head) {
          const page = await store.readAll({ after, maxCount: 2 });
          if (page.length === 0) break;
          seen.push(...page.filter((e) => e.streamName === a || e.streamName === b));
          after = page[page.length - 1].position;
        }
        expect(seen.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      });
    });

    describe('subscription to all', () => {
      it('catches up on history, then follows new appends', async () => {
        const prefix = `sub${randomUUID().slice(0, 8)}-`;
        const start = await store.headPosition();
        await store.appendToStream(`${prefix}1`, [event('H', { i: 0 }), event('H', { i: 1 })], { expectedRevision: 'no_stream' });
        const seen = take(store, start, 4, prefix);
        await new Promise((r) => setTimeout(r, 50));
        await store.appendToStream(`${prefix}2`, [event('L', { i: 2 })], { expectedRevision: 'no_stream' });
        await store.appendToStream(`${prefix}1`, [event('L', { i: 3 })], { expectedRevision: 1 });
        const events = await seen;
        expect(events.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3]);
      });

      it('resumes after a checkpoint without repeating or missing events', async () => {
        const prefix = `res${randomUUID().slice(0, 8)}-`;
        const start = await store.headPosition();
        await store.appendToStream(`${prefix}x`, [0, 1, 2, 3].map((i) => event('R', { i })), { expectedRevision: 'no_stream' });
        const firstTwo = await take(store, start, 2, prefix);
        const checkpoint = firstTwo[1].position;
        const rest = await take(store, checkpoint, 2, prefix);
        expect(rest.map((e) => (e.data as { i: number }).i)).toEqual([2, 3]);
      });

      it('delivers only streams with the prefix and ends when stopped', async () => {
        const prefix = `only${randomUUID().slice(0, 8)}-`;
        const start = await store.headPosition();
        await store.appendToStream(streamName(), [event()], { expectedRevision: 'no_stream' });
        await store.appendToStream(`${prefix}a`, [event('Mine')], { expectedRevision: 'no_stream' });
        const subscription = store.subscribeToAll({ after: start, streamPrefix: prefix });
        const iterator = subscription[Symbol.asyncIterator]();
        const first = await iterator.next();
        expect((first.value as RecordedEvent[]).map((e) => e.type)).toEqual(['Mine']);
        const pending = iterator.next();
        subscription.stop();
        expect((await pending).done).toBe(true);
      });
    });

    if (target.reopen) {
      it('keeps every acknowledged append across close and reopen', async () => {
        const stream = streamName();
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.appendToStream(`${stream}-${i}`, [event('D', { i })], { expectedRevision: 'no_stream' })),
        );
        await store.close();
        store = await target.reopen!();
        for (let i = 0; i < 50; i++) {
          const [read] = await store.readStream(`${stream}-${i}`);
          expect(read.position).toBe(results[i].position);
        }
      });
    }
  });
}
