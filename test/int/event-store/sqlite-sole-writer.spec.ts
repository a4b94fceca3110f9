import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend, ReadStreamOptions } from '../../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store.js';

const event = (type = 'E'): EventToAppend => ({ id: randomUUID(), type, data: { x: 1 }, metadata: {} });

/** A small deterministic generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('SqliteEventStore as the sole writer of its file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-sole-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given random appends and reads, then every read answers as a store that always asks SQLite', async () => {
    const sole = new SqliteEventStore({ filename: join(dir, 'sole.sqlite'), soleWriter: true });
    const plain = new SqliteEventStore({ filename: join(dir, 'plain.sqlite') });
    const next = random(20261128);
    const streams = ['a', 'b', 'c', 'd'];
    const length = new Map<string, number>();
    try {
      for (let step = 0; step < 2_000; step++) {
        const stream = streams[Math.floor(next() * streams.length)];
        const at = length.get(stream) ?? 0;
        if (next() < 0.3) {
          const events = Array.from({ length: 1 + Math.floor(next() * 3) }, () => event());
          const expectedRevision = at === 0 ? ('no_stream' as const) : at - 1;
          // Both in the same tick, as concurrent requests would be.
          await Promise.all([sole.appendToStream(stream, events, { expectedRevision }), plain.appendToStream(stream, events, { expectedRevision })]);
          length.set(stream, at + events.length);
          continue;
        }
        const options: ReadStreamOptions = { fromRevision: Math.floor(next() * (at + 3)) };
        const shape = next();
        const read: ReadStreamOptions =
          shape < 0.5 ? options : shape < 0.7 ? { ...options, maxCount: 2 } : shape < 0.85 ? { ...options, toRevision: at - 1 } : { direction: 'backwards', maxCount: 2 };
        const ids = (events: { id: string }[]) => events.map((e) => e.id);
        expect({ step, read, ids: ids(await sole.readStream(stream, read)) }).toEqual({
          step,
          read,
          ids: ids(await plain.readStream(stream, read)),
        });
      }
    } finally {
      await sole.close();
      await plain.close();
    }
  });

  it('given a stream read to its end, when another connection appends to it, then a read past the end does not see it (why only the lock holder may say soleWriter)', async () => {
    const filename = join(dir, 'events.sqlite');
    for (const soleWriter of [true, false]) {
      const store = new SqliteEventStore({ filename, soleWriter });
      const stream = `s-${soleWriter}`;
      await store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' });
      expect(await store.readStream(stream, { fromRevision: 1 })).toEqual([]);

      const foreign = new Database(filename);
      foreign.prepare('INSERT INTO events (stream, revision, id, type, data, metadata) VALUES (?, 1, ?, ?, ?, ?)').run(stream, randomUUID(), 'E', '{}', '{}');
      foreign.close();

      expect(await store.readStream(stream, { fromRevision: 1 })).toHaveLength(soleWriter ? 0 : 1);
      // A read that starts inside what it knows still asks SQLite, and so learns the new end.
      expect(await store.readStream(stream, { fromRevision: 0 })).toHaveLength(2);
      expect(await store.readStream(stream, { fromRevision: 1 })).toHaveLength(1);
      await store.close();
    }
  });
});
