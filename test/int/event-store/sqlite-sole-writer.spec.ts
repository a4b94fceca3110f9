import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppendResult, EventToAppend, ExpectedRevision, ReadStreamOptions } from '../../../src/event-store/event-store.port.js';
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

  it('given random appends (several per commit, conflicting, retried, over one INSERT) and reads, then every read answers as a store that always asks SQLite', async () => {
    const sole = new SqliteEventStore({ filename: join(dir, 'sole.sqlite'), soleWriter: true });
    const plain = new SqliteEventStore({ filename: join(dir, 'plain.sqlite') });
    const next = random(20261128);
    const streams = ['a', 'b', 'c', 'd'];
    const length = new Map<string, number>();
    const sent: { stream: string; events: EventToAppend[]; expectedRevision: ExpectedRevision }[] = [];
    const outcome = (settled: PromiseSettledResult<AppendResult>) =>
      settled.status === 'fulfilled' ? { nextRevision: settled.value.nextRevision, written: settled.value.written } : String(settled.reason);
    try {
      for (let step = 0; step < 2_000; step++) {
        const stream = streams[Math.floor(next() * streams.length)];
        const at = length.get(stream) ?? 0;
        if (next() < 0.3) {
          // One to three appends in the same tick, so one commit: some against a stale revision, some retries of an earlier append.
          const appends = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
            const target = streams[Math.floor(next() * streams.length)];
            const known = length.get(target) ?? 0;
            if (next() < 0.1 && sent.length > 0) return sent[Math.floor(next() * sent.length)];
            const count = next() < 0.05 ? 130 + Math.floor(next() * 20) : 1 + Math.floor(next() * 3);
            const stale = next() < 0.2 && known > 0;
            const expectedRevision: ExpectedRevision = known === 0 ? 'no_stream' : stale ? known - 2 : known - 1;
            return { stream: target, events: Array.from({ length: count }, () => event()), expectedRevision };
          });
          const onSole = Promise.allSettled(appends.map((a) => sole.appendToStream(a.stream, a.events, { expectedRevision: a.expectedRevision })));
          const onPlain = Promise.allSettled(appends.map((a) => plain.appendToStream(a.stream, a.events, { expectedRevision: a.expectedRevision })));
          const [soleOutcomes, plainOutcomes] = await Promise.all([onSole, onPlain]);
          expect({ step, outcomes: soleOutcomes.map(outcome) }).toEqual({ step, outcomes: plainOutcomes.map(outcome) });
          for (const [i, settled] of soleOutcomes.entries()) {
            if (settled.status !== 'fulfilled') continue;
            length.set(appends[i].stream, settled.value.nextRevision + 1);
            if (settled.value.written) sent.push(appends[i]);
          }
          continue;
        }
        const options: ReadStreamOptions = { fromRevision: Math.floor(next() * (at + 3)) };
        const shape = next();
        const read: ReadStreamOptions =
          shape < 0.5 ? options : shape < 0.7 ? { ...options, maxCount: 2 } : shape < 0.85 ? { ...options, toRevision: at - 1 } : { direction: 'backwards', maxCount: 2 };
        const ids = (events: { id: string }[]) => events.map((e) => e.id);
        expect({ step, read, ids: ids(await sole.readStream(stream, read)) }).toEqual({ step, read, ids: ids(await plain.readStream(stream, read)) });
      }
      expect(sent.some((a) => a.events.length > 128)).toBe(true);
    } finally {
      await sole.close();
      await plain.close();
    }
  });

  it('given a batch whose transaction SQLite rolls back half-way, then every append of it fails, none is stored, and reads stay exact', async () => {
    const filename = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ filename, soleWriter: true });
    try {
      for (const stream of ['a', 'b']) {
        await store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' });
        expect(await store.readStream(stream, { fromRevision: 1 })).toEqual([]);
      }
      // What a full disk or an I/O error does in the middle of a commit, simulated by a trigger.
      const foreign = new Database(filename);
      foreign.exec(`CREATE TRIGGER fail_commit BEFORE INSERT ON events WHEN NEW.stream = 'doomed' BEGIN SELECT RAISE(ROLLBACK, 'simulated I/O error'); END`);
      foreign.close();

      const settled = await Promise.allSettled([
        store.appendToStream('a', [event()], { expectedRevision: 0 }),
        store.appendToStream('doomed', [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream('b', [event()], { expectedRevision: 0 }),
      ]);

      expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
      const raw = new Database(filename, { readonly: true });
      expect(raw.prepare(`SELECT stream, revision FROM events ORDER BY position`).all()).toEqual([
        { stream: 'a', revision: 0 },
        { stream: 'b', revision: 0 },
      ]);
      raw.close();
      // Nothing was stored, and the store knows it: the same changes go through next time.
      await expect(store.appendToStream('b', [event()], { expectedRevision: 0 })).resolves.toMatchObject({ nextRevision: 1 });
      expect(await store.readStream('b', { fromRevision: 1 })).toHaveLength(1);
    } finally {
      await store.close();
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
