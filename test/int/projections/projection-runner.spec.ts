import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store.js';
import type { Projector } from '../../../src/projections/projector.js';
import { ReadModelDatabase } from '../../../src/projections/read-model-database.js';
import { ProjectionRunner } from '../../../src/projections/projection-runner.js';
import { until } from '../../support/until.js';

/** Counts events per stream in its own table; can be told to fail on one position. */
class CountingProjector implements Projector {
  readonly name = 'counting';
  readonly schema = {
    tables: 'CREATE TABLE IF NOT EXISTS seen (position INTEGER PRIMARY KEY, stream TEXT NOT NULL) STRICT;',
    indexes: '',
  };
  failAt: bigint | null = null;
  resets = 0;
  handles(type: string) {
    return type === 'Counted';
  }
  apply(event: RecordedEvent, db: Database.Database) {
    db.prepare('INSERT INTO seen (position, stream) VALUES (?, ?)').run(event.position, event.streamName);
    if (event.position === this.failAt) throw new Error(`boom at ${event.position}`);
  }
  reset() {
    this.resets += 1;
  }
}

const counted = (type = 'Counted') => ({ id: randomUUID(), type, data: {}, metadata: {} });

describe('ProjectionRunner', () => {
  let store: SqliteEventStore;
  let database: ReadModelDatabase;
  let projector: CountingProjector;
  const runnerOver = () => new ProjectionRunner(store, database, [projector], { name: 'test', batchSize: 4, retryDelayMs: 10 });
  const seen = () => (database.db.prepare('SELECT position FROM seen ORDER BY position').all() as { position: number }[]).map((r) => r.position);

  beforeEach(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    database = new ReadModelDatabase(':memory:');
    projector = new CountingProjector();
    database.applySchema(projector.schema);
    for (let i = 0; i < 10; i++) await store.appendToStream(`s-${i}`, [counted()], { expectedRevision: 'no_stream' });
  });
  afterEach(async () => {
    await store.close();
    database.close();
  });

  it('applies every event once and stores the checkpoint with the rows', async () => {
    const runner = runnerOver();
    await runner.catchUp();
    expect(seen()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(database.readCheckpoint('test')).toBe(10n);
  });

  it('rolls back rows and checkpoint together when a batch fails half-way, then applies it exactly once', async () => {
    projector.failAt = 6n; // second batch is 5..8: 5 is applied, then 6 throws
    const crashing = runnerOver();
    await expect(crashing.catchUp()).rejects.toThrow('boom at 6');
    expect(seen()).toEqual([1, 2, 3, 4]);
    expect(database.readCheckpoint('test')).toBe(4n);
    expect(projector.resets).toBe(1);

    // "Restart": a new runner over the same database resumes from the checkpoint.
    projector.failAt = null;
    await runnerOver().catchUp();
    expect(seen()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps following after a failure: resubscribes from the committed checkpoint', async () => {
    projector.failAt = 3n;
    const runner = runnerOver();
    runner.start();
    await until(() => runner.status().failures >= 1);
    projector.failAt = null;
    expect(await runner.waitFor(10n, 2000)).toBe(true);
    await runner.stop();
    expect(seen()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('skips and counts event types no projector knows, and moves past them', async () => {
    await store.appendToStream('other', [counted('Mystery'), counted('Mystery'), counted('Riddle')], { expectedRevision: 'no_stream' });
    await store.appendToStream('s-0', [counted()], { expectedRevision: 0 });
    const runner = runnerOver();
    await runner.catchUp();
    expect(runner.status().skipped).toEqual({ Mystery: 2, Riddle: 1 });
    expect(seen()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14]);
    expect(database.readCheckpoint('test')).toBe(14n);
  });

  it('follows new appends promptly, woken by the append itself', async () => {
    const runner = runnerOver();
    runner.start();
    expect(await runner.waitFor(10n, 2000)).toBe(true);
    const started = Date.now();
    const { position } = await store.appendToStream('late', [counted()], { expectedRevision: 'no_stream' });
    expect(await runner.waitFor(position, 2000)).toBe(true);
    // Below the store's fallback poll interval (1 s), with room for a slow machine: the append woke the subscription.
    expect(Date.now() - started).toBeLessThan(900);
    await runner.stop();
  });

  it('stops, instead of spinning, when the event store closes under it', async () => {
    const runner = runnerOver();
    runner.start();
    expect(await runner.waitFor(10n, 2000)).toBe(true);
    await store.close();
    await until(() => !runner.running);
    expect(runner.status().failures).toBeLessThanOrEqual(2);
    await runner.stop();
    store = new SqliteEventStore({ filename: ':memory:' });
  });

  it('answers false when a position is not reached in time', async () => {
    const runner = runnerOver();
    await runner.catchUp();
    expect(await runner.waitFor(99n, 20)).toBe(false);
  });
});

