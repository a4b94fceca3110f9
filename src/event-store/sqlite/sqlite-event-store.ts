import Database from 'better-sqlite3';
import { EventIdInUseError, EventStoreClosedError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import { EVENT_COLUMNS, EVENT_STORE_SCHEMA, EventRow, SqliteSynchronous } from './sqlite-event-store.schema.js';

export interface SqliteEventStoreOptions {
  /** File path, or ':memory:' for tests. */
  readonly filename: string;
  /** FULL (default) fsyncs every commit: an acknowledged append survives power loss. */
  readonly synchronous?: SqliteSynchronous;
  /** Upper bound on appends committed in one transaction. */
  readonly maxBatch?: number;
  /**
   * How often an idle subscription looks for events written by another
   * process. Appends made through this instance wake subscribers at once.
   */
  readonly foreignWritePollMs?: number;
  /**
   * Told after each group commit how many appends (and events in them) it
   * carried, e.g. for a batch-size metric; it must not throw.
   */
  readonly onCommit?: (batch: { readonly appends: number; readonly events: number }) => void;
  /**
   * No other process appends to the file while this instance has it open (the
   * service holds the data directory's lock). The store then remembers how far
   * each stream it read or wrote goes, and answers a read that starts past
   * that without asking SQLite: the read of a stream's tail that every fold
   * kept in memory makes to see whether anything was appended since.
   */
  readonly soleWriter?: boolean;
}

/** Streams whose end is remembered; when that many are, the memory starts over (each entry is only a shortcut). */
const STREAM_ENDS_KEPT = 200_000;

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expectedRevision: ExpectedRevision;
  readonly otherStreamAt: AppendOptions['otherStreamAt'];
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

const NO_STREAM = -1;

/**
 * Rows one INSERT statement writes. Each statement execution costs
 * better-sqlite3 a native call and SQLite a VM start, so a batch is written by
 * as few as it can be (bench/README.md, section 3); 128 rows × 6 parameters
 * stay far below SQLite's bound-parameter limit.
 */
export const ROWS_PER_INSERT = 128;

/**
 * Embedded event store on better-sqlite3.
 *
 * Appends are group-committed: every append that arrives while the event loop
 * is busy is queued, and the queue is written in one IMMEDIATE transaction on
 * the next turn (setImmediate), so N concurrent commands cost one fsync, not
 * N. Each append is still checked against its own expected revision, and one
 * that fails is rolled back alone (savepoint) without touching its neighbours.
 */
export class SqliteEventStore implements EventStore {
  readonly db: Database.Database;
  /** Group-commit counters: transactions committed, appends in them, the largest batch. */
  readonly stats = { commits: 0, appends: 0, largestBatch: 0 };
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly waiters = new Set<() => void>();
  private readonly maxBatch: number;
  private readonly pollMs: number;
  private readonly onCommit?: SqliteEventStoreOptions['onCommit'];
  /** Per stream, a revision no event of it is past (soleWriter only): exact after a read to the end or an append. */
  private readonly streamEnds: Map<string, number> | null;

  private readonly stmt: {
    streamRevision: Database.Statement<[string], { revision: number | null }>;
    insert: Database.Statement<[string, number, string, string, string, string]>;
    eventById: Database.Statement<[string], { stream: string; revision: number; position: number }>;
    readForwards: Database.Statement<[string, number, number, number], EventRow>;
    readForwardsToEnd: Database.Statement<[string, number, number], EventRow>;
    readBackwards: Database.Statement<[string, number, number, number], EventRow>;
    readAll: Database.Statement<[number | bigint, number], EventRow>;
    head: Database.Statement<[], { position: number | null }>;
  };
  /** INSERTs of a multi-event append by row count (1 … ROWS_PER_INSERT), prepared when first needed. */
  private readonly insertRows = new Map<number, Database.Statement<unknown[]>>();
  private readonly commitBatch: (batch: readonly PendingAppend[], outcomes: Outcome[]) => void;
  private readonly appendInSavepoint: (request: PendingAppend) => AppendResult;

  constructor(options: SqliteEventStoreOptions) {
    this.maxBatch = options.maxBatch ?? 2000;
    this.pollMs = options.foreignWritePollMs ?? 1000;
    this.onCommit = options.onCommit;
    this.streamEnds = options.soleWriter ? new Map() : null;
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('cache_size = -65536');
    this.db.exec(EVENT_STORE_SCHEMA);

    this.stmt = {
      streamRevision: this.db.prepare('SELECT max(revision) AS revision FROM events WHERE stream = ?'),
      insert: this.db.prepare(
        'INSERT INTO events (stream, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      eventById: this.db.prepare('SELECT stream, revision, position FROM events WHERE id = ?'),
      readForwards: this.db
        .prepare<[string, number, number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? AND revision <= ? ORDER BY revision ASC LIMIT ?`)
        .raw(true),
      // The same without a LIMIT, for folds to the head: a bound LIMIT costs
      // ~15 µs more per execution (measured), and most such reads return no row.
      readForwardsToEnd: this.db
        .prepare<[string, number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? AND revision <= ? ORDER BY revision ASC`)
        .raw(true),
      readBackwards: this.db
        .prepare<[string, number, number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? AND revision >= ? ORDER BY revision DESC LIMIT ?`)
        .raw(true),
      readAll: this.db.prepare<[number | bigint, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`).raw(true),
      head: this.db.prepare('SELECT max(position) AS position FROM events'),
    };

    this.appendInSavepoint = this.db.transaction((request: PendingAppend) => this.appendOne(request));
    const commit = this.db.transaction((batch: readonly PendingAppend[], outcomes: Outcome[]) => {
      for (const request of batch) {
        try {
          // One INSERT statement is atomic by itself (a failing one leaves no
          // row); only appends that take several need a savepoint to roll back alone.
          const result =
            request.events.length <= ROWS_PER_INSERT ? this.appendOne(request) : this.appendInSavepoint(request);
          outcomes.push({ ok: true, result });
        } catch (error) {
          // Some failures (disk full, I/O errors) make SQLite roll back the whole transaction: the appends
          // before this one are gone, and those after it would each commit on their own. Fail the batch.
          if (!this.db.inTransaction) throw error;
          outcomes.push({ ok: false, error });
        }
      }
    });
    this.commitBatch = (batch, outcomes) => commit.immediate(batch, outcomes);
  }

  appendToStream(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    if (events.length === 0) return Promise.reject(new Error('appendToStream needs at least one event'));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ stream, events, expectedRevision: options.expectedRevision, otherStreamAt: options.otherStreamAt, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued, in batches of at most maxBatch appends. */
  private flush(): void {
    this.flushScheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
      this.queue = batch === this.queue ? [] : this.queue.slice(this.maxBatch);
      const outcomes: Outcome[] = [];
      try {
        this.commitBatch(batch, outcomes);
      } catch (error) {
        // The transaction itself failed (disk full, I/O error): nothing of the
        // batch was committed, so every append in it fails.
        for (const request of batch) {
          this.streamEnds?.delete(request.stream);
          request.reject(error);
        }
        continue;
      }
      this.stats.commits += 1;
      this.stats.appends += batch.length;
      if (batch.length > this.stats.largestBatch) this.stats.largestBatch = batch.length;
      let appended = false;
      let events = 0;
      for (let i = 0; i < batch.length; i++) {
        const outcome = outcomes[i];
        if (outcome.ok) {
          appended = true;
          events += batch[i].events.length;
          // Only streams already remembered: one never read to its end (an idempotency record) gains nothing.
          if (outcome.result.written && this.streamEnds?.has(batch[i].stream)) this.streamEnds.set(batch[i].stream, outcome.result.nextRevision);
          batch[i].resolve(outcome.result);
        } else {
          // The revision a conflict found is the stream's end as SQL had it at that point of the batch.
          if (outcome.error instanceof WrongExpectedRevisionError && this.streamEnds?.has(outcome.error.streamName)) {
            this.streamEnds.set(outcome.error.streamName, outcome.error.actualRevision);
          }
          batch[i].reject(outcome.error);
        }
      }
      this.onCommit?.({ appends: batch.length, events });
      if (appended) this.wakeSubscribers();
    }
  }

  private appendOne(request: PendingAppend): AppendResult {
    const { stream, events, expectedRevision, otherStreamAt } = request;
    const duplicate = this.findDuplicate(stream, events);
    if (duplicate) return duplicate;
    const current = this.stmt.streamRevision.get(stream)?.revision ?? NO_STREAM;
    if (!revisionMatches(expectedRevision, current)) {
      throw new WrongExpectedRevisionError(stream, expectedRevision, current);
    }
    if (otherStreamAt) {
      // Read in the same transaction as the insert, so no append to that stream can come between.
      const other = this.stmt.streamRevision.get(otherStreamAt.stream)?.revision ?? NO_STREAM;
      if (other !== otherStreamAt.revision) throw new WrongExpectedRevisionError(otherStreamAt.stream, otherStreamAt.revision, other);
    }
    if (events.length === 1) {
      // Most commands append one event: bound as arguments, without a parameter array.
      const [event] = events;
      const { lastInsertRowid } = this.stmt.insert.run(
        stream,
        current + 1,
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
      return { nextRevision: current + 1, position: BigInt(lastInsertRowid), written: true };
    }
    let position: number | bigint = 0;
    for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
      const end = Math.min(start + ROWS_PER_INSERT, events.length);
      const values: unknown[] = new Array((end - start) * 6);
      for (let i = start, v = 0; i < end; i++) {
        const event = events[i];
        values[v++] = stream;
        values[v++] = current + 1 + i;
        values[v++] = event.id;
        values[v++] = event.type;
        values[v++] = JSON.stringify(event.data);
        values[v++] = JSON.stringify(event.metadata);
      }
      position = this.insertStatement(end - start).run(values).lastInsertRowid;
    }
    return { nextRevision: current + events.length, position: BigInt(position), written: true };
  }

  private insertStatement(rows: number): Database.Statement<unknown[]> {
    let statement = this.insertRows.get(rows);
    if (!statement) {
      const tuples = new Array<string>(rows).fill('(?, ?, ?, ?, ?, ?)').join(', ');
      statement = this.db.prepare<unknown[]>(`INSERT INTO events (stream, revision, id, type, data, metadata) VALUES ${tuples}`);
      this.insertRows.set(rows, statement);
    }
    return statement;
  }

  /**
   * A retried append whose events are already stored answers as the first
   * one did, instead of failing on the revision it moved past.
   */
  private findDuplicate(stream: string, events: readonly EventToAppend[]): AppendResult | null {
    const first = this.stmt.eventById.get(events[0].id);
    if (!first) return null;
    const last = events.length === 1 ? first : this.stmt.eventById.get(events[events.length - 1].id);
    if (first.stream !== stream || !last || last.stream !== stream) {
      throw new EventIdInUseError(events[0].id);
    }
    return { nextRevision: last.revision, position: BigInt(last.position), written: false };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.readStreamSync(stream, options);
  }

  /** Synchronous read for callers on the hot path (folds), avoiding a promise per read. */
  readStreamSync(stream: string, options: ReadStreamOptions = {}): RecordedEvent[] {
    this.assertOpen();
    const forwards = options.direction !== 'backwards';
    const from = options.fromRevision ?? 0;
    if (forwards && this.streamEnds !== null) {
      const end = this.streamEnds.get(stream);
      if (end !== undefined && from > end) return [];
    }
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const rows =
      !forwards
        ? this.stmt.readBackwards.all(
            stream,
            options.fromRevision ?? Number.MAX_SAFE_INTEGER,
            options.toRevision ?? 0,
            maxCount,
          )
        : options.maxCount === undefined
          ? this.stmt.readForwardsToEnd.all(stream, options.fromRevision ?? 0, options.toRevision ?? Number.MAX_SAFE_INTEGER)
          : this.stmt.readForwards.all(
              stream,
              options.fromRevision ?? 0,
              options.toRevision ?? Number.MAX_SAFE_INTEGER,
              maxCount,
            );
    if (forwards && this.streamEnds !== null && options.maxCount === undefined && options.toRevision === undefined) {
      // Read to the end: the last row is the stream's end, and an empty read says it ends before `from`.
      this.rememberStreamEnd(stream, rows.length > 0 ? rows[rows.length - 1][2] : from - 1);
    }
    return rows.map(toRecordedEvent);
  }

  private rememberStreamEnd(stream: string, revision: number): void {
    if (this.streamEnds === null) return;
    if (this.streamEnds.size >= STREAM_ENDS_KEPT && !this.streamEnds.has(stream)) this.streamEnds.clear();
    this.streamEnds.set(stream, revision);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.readAllSync(options);
  }

  readAllSync(options: ReadAllOptions): RecordedEvent[] {
    this.assertOpen();
    return this.stmt.readAll.all(toSqliteInteger(options.after), options.maxCount).map(toRecordedEvent);
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    return BigInt(this.stmt.head.get()?.position ?? 0);
  }

  subscribeToAll(options: SubscribeToAllOptions): AllSubscription {
    this.assertOpen();
    const batchSize = options.batchSize ?? 1000;
    const prefix = options.streamPrefix;
    let position = options.after;
    let stopped = false;
    let wakeThis: (() => void) | null = null;
    const store = this;

    async function* batches(): AsyncGenerator<readonly RecordedEvent[]> {
      while (!stopped && !store.closed) {
        const rows = store.readAllSync({ after: position, maxCount: batchSize });
        if (rows.length > 0) {
          position = rows[rows.length - 1].position;
          const wanted = prefix ? rows.filter((e) => e.streamName.startsWith(prefix)) : rows;
          if (wanted.length > 0) yield wanted;
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, store.pollMs);
          timer.unref();
          function done() {
            clearTimeout(timer);
            store.waiters.delete(done);
            wakeThis = null;
            resolve();
          }
          wakeThis = done;
          store.waiters.add(done);
        });
      }
    }

    const iterator = batches();
    return {
      [Symbol.asyncIterator]: () => iterator,
      stop: () => {
        stopped = true;
        wakeThis?.();
      },
    };
  }

  private wakeSubscribers(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }

  /** Commits whatever is queued, then closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.wakeSubscribers();
    this.db.close();
  }
}

function revisionMatches(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === NO_STREAM;
    case 'stream_exists':
      return current !== NO_STREAM;
    default:
      return expected === current;
  }
}

function toSqliteInteger(position: Position): number | bigint {
  return position <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(position) : position;
}

function toRecordedEvent([position, stream, revision, id, type, data, metadata]: EventRow): RecordedEvent {
  return {
    id,
    streamName: stream,
    revision,
    position: BigInt(position),
    type,
    data: JSON.parse(data),
    metadata: JSON.parse(metadata),
  };
}
