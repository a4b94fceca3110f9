/**
 * The events every append benchmark writes, built once so that the store,
 * raw better-sqlite3 and the peer all write exactly the same rows.
 */
import Database from 'better-sqlite3';
import { assessmentStream } from '../../src/assessments/application/assessment-stream.js';
import type { EventToAppend } from '../../src/event-store/event-store.port.js';
import { ROWS_PER_INSERT } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { EVENT_STORE_SCHEMA } from '../../src/event-store/sqlite/sqlite-event-store.schema.js';
import { assessmentHistory, seeded } from './generate-history.js';

/** One append: `events` go to `stream`, whose last revision must be `expectedRevision` (-1: the stream is new). */
export interface PlannedAppend {
  readonly stream: string;
  readonly expectedRevision: number;
  readonly events: readonly EventToAppend[];
}

/** The same append as rows, with data and metadata already serialised (the raw baseline does no JSON work). */
export interface RawRow {
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/**
 * Single-event appends: `count` events of assessments with
 * `eventsPerStream` events each, one append per event, stream by stream —
 * how commands arrive (each command appends one event).
 */
export function singleEventAppends(count: number, eventsPerStream = 10, seed = 7): PlannedAppend[] {
  const random = seeded(seed);
  const appends: PlannedAppend[] = [];
  while (appends.length < count) {
    const { id, events } = assessmentHistory(random, Math.min(eventsPerStream, count - appends.length));
    events.forEach((event, revision) => appends.push({ stream: assessmentStream(id), expectedRevision: revision - 1, events: [event] }));
  }
  return appends;
}

/** Batch appends: `count` new streams of `batchSize` events each, one append per stream (an import). */
export function batchAppends(count: number, batchSize: number, seed = 11): PlannedAppend[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => {
    const { id, events } = assessmentHistory(random, batchSize);
    return { stream: assessmentStream(id), expectedRevision: -1, events };
  });
}

export function rowsOf(append: PlannedAppend): RawRow[] {
  return append.events.map((event, i) => ({
    stream: append.stream,
    revision: append.expectedRevision + 1 + i,
    id: event.id,
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
  }));
}

export function eventCount(appends: readonly PlannedAppend[]): number {
  return appends.reduce((sum, append) => sum + append.events.length, 0);
}

/**
 * The machine's limit for these rows: better-sqlite3 on the store's own
 * schema, pragmas and durability (WAL, synchronous=FULL), one transaction (and
 * so one fsync) per append, and the fewest statement executions: one INSERT
 * for a single row, multi-row INSERTs of as many rows as the store writes in
 * one (`ROWS_PER_INSERT`) for a batch. Data and
 * metadata are serialised beforehand: the limit is SQLite's, not
 * JSON.stringify's. Returns the milliseconds spent writing.
 */
export function writeRaw(filename: string, appends: readonly PlannedAppend[]): number {
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -65536');
    db.exec(EVENT_STORE_SCHEMA);
    const statements = new Map<number, Database.Statement<unknown[]>>();
    const insert = (rows: number) => {
      let statement = statements.get(rows);
      if (!statement) {
        const tuples = new Array<string>(rows).fill('(?, ?, ?, ?, ?, ?)').join(', ');
        statement = db.prepare<unknown[]>(`INSERT INTO events (stream, revision, id, type, data, metadata) VALUES ${tuples}`);
        statements.set(rows, statement);
      }
      return statement;
    };
    const prepared = appends.map((append) => {
      const rows = rowsOf(append);
      const chunks: { statement: Database.Statement<unknown[]>; values: unknown[] }[] = [];
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        const chunk = rows.slice(start, start + ROWS_PER_INSERT);
        chunks.push({ statement: insert(chunk.length), values: chunk.flatMap((r) => [r.stream, r.revision, r.id, r.type, r.data, r.metadata]) });
      }
      return chunks;
    });
    const writeChunks = db.transaction((chunks: typeof prepared[number]) => {
      for (const { statement, values } of chunks) statement.run(values);
    });
    const started = performance.now();
    for (const chunks of prepared) writeChunks.immediate(chunks);
    return performance.now() - started;
  } finally {
    db.close();
  }
}
