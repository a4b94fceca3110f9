/**
 * The events every append benchmark writes, built once so that the store,
 * raw better-sqlite3 and the peer all write exactly the same rows.
 */
import Database from 'better-sqlite3';
import { assessmentStream } from '../../src/assessments/application/assessment-stream.js';
import type { EventToAppend } from '../../src/event-store/event-store.port.js';
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
 * schema, pragmas and durability (WAL, synchronous=FULL), one prepared
 * INSERT, one transaction (and so one fsync) per append. Returns the
 * milliseconds spent writing.
 */
export function writeRaw(filename: string, appends: readonly PlannedAppend[]): number {
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -65536');
    db.exec(EVENT_STORE_SCHEMA);
    const insert = db.prepare('INSERT INTO events (stream, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
    const writeRows = db.transaction((rows: readonly RawRow[]) => {
      for (const row of rows) insert.run(row.stream, row.revision, row.id, row.type, row.data, row.metadata);
    });
    // Serialised beforehand: the limit is SQLite's, not JSON.stringify's.
    const prepared = appends.map(rowsOf);
    const started = performance.now();
    for (const rows of prepared) writeRows.immediate(rows);
    return performance.now() - started;
  } finally {
    db.close();
  }
}
