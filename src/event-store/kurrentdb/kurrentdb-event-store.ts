import { Logger } from '@nestjs/common';
import { BACKWARDS, END, FORWARDS, KurrentDBClient, START, excludeSystemEvents } from '@kurrent/kurrentdb-client';
import { EventStoreClosedError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port.js';
import type { KurrentDbClientApi } from './kurrentdb-client-api.js';
import {
  commitPositionOf,
  isStreamNotFound,
  isSystemEvent,
  toEventData,
  toReadPosition,
  toRecordedEvent,
  toRevisionNumber,
  toStreamState,
  toWrongExpectedRevision,
  toUnavailable,
} from './kurrentdb-mapping.js';
import { DEFAULT_RESUBSCRIBE_POLICY, KurrentDbAllSubscription } from './kurrentdb-subscription.js';
import type { ResubscribePolicy } from './kurrentdb-subscription.js';

export interface KurrentDbEventStoreOptions {
  readonly resubscribe?: ResubscribePolicy;
}

/**
 * The EventStore port on KurrentDB (formerly EventStoreDB) through
 * @kurrent/kurrentdb-client. Optimistic concurrency, deduplication of retried
 * appends (same event ids) and the global order are the server's; this class
 * only translates, and keeps catch-up subscriptions alive across disconnects.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly logger = new Logger('KurrentDbEventStore');
  private readonly subscriptions = new Set<KurrentDbAllSubscription>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly client: KurrentDbClientApi,
    private readonly options: KurrentDbEventStoreOptions = {},
  ) {}

  /** Connects lazily: the first operation opens the channel, so a server that is down fails that operation, not start-up. */
  static connect(connectionString: string, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), options);
  }

  appendToStream(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    if (events.length === 0) return Promise.reject(new Error('appendToStream needs at least one event'));
    return this.track(this.append(stream, events, options));
  }

  private async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const { expectedRevision, otherStreamAt } = options;
    if (otherStreamAt) {
      // KurrentDB's conditional append covers one stream, and its multi-stream
      // append takes only string metadata, so the other stream is checked
      // just before: a narrow window, not the SQLite store's guarantee (README).
      const [last] = await this.readEvents(otherStreamAt.stream, { direction: 'backwards', maxCount: 1 });
      const other = last ? last.revision : -1;
      if (other !== otherStreamAt.revision) throw new WrongExpectedRevisionError(otherStreamAt.stream, otherStreamAt.revision, other);
    }
    let result;
    try {
      result = await this.client.appendToStream(stream, events.map(toEventData), {
        streamState: toStreamState(expectedRevision),
      });
    } catch (error) {
      throw toWrongExpectedRevision(error, stream, expectedRevision) ?? toUnavailable(error) ?? error;
    }
    const nextRevision = toRevisionNumber(result.nextExpectedRevision);
    // Only a client told not to throw on append failures answers this way;
    // the revision it reports is then the stream's actual one.
    if (!result.success) throw new WrongExpectedRevisionError(stream, expectedRevision, nextRevision);
    const position = commitPositionOf(result.position) ?? (await this.positionOfRevision(stream, nextRevision));
    return { nextRevision, position };
  }

  /**
   * Where an appended event sits, for an append answered without a position
   * (a deduplicated retry). Falls back to the head, which is never before it,
   * so a read waiting for it cannot answer too early.
   */
  private async positionOfRevision(stream: string, revision: number): Promise<Position> {
    // Not through the public reads: close() waits for this append, so it must still work once closing began.
    const [event] = await this.readEvents(stream, { fromRevision: revision, direction: 'backwards', maxCount: 1 });
    return event && event.revision === revision ? event.position : this.readHead();
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readEvents(stream, options);
  }

  private async readEvents(stream: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const { fromRevision, toRevision } = options;
    if (limit <= 0 || (backwards && fromRevision !== undefined && fromRevision < 0)) return [];
    const inRange = (revision: number) =>
      toRevision === undefined || (backwards ? revision >= toRevision : revision <= toRevision);

    // KurrentDB has no upper bound on a stream read; when the range is known
    // it becomes the count, otherwise the read stops at the first event past it.
    const start = backwards ? fromRevision : Math.max(fromRevision ?? 0, 0);
    const span = start !== undefined && toRevision !== undefined ? Math.abs(start - toRevision) + 1 : Number.POSITIVE_INFINITY;
    if (start !== undefined && toRevision !== undefined && !inRange(start)) return [];
    const maxCount = Math.min(limit, span);

    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: start === undefined ? (backwards ? END : START) : BigInt(start),
        ...(Number.isFinite(maxCount) ? { maxCount } : {}),
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (!event) continue;
        if (!inRange(event.revision)) break;
        events.push(event);
        if (events.length >= maxCount) break;
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw toUnavailable(error) ?? error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { after, maxCount } = options;
    if (maxCount <= 0) return [];
    const events: RecordedEvent[] = [];
    const read = this.client.readAll({
      fromPosition: toReadPosition(after),
      // One more than asked: the read starts at `after` itself, which is dropped.
      ...(Number.isFinite(maxCount) ? { maxCount: maxCount + 1 } : {}),
      filter: excludeSystemEvents(),
    });
    try {
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (!event || event.position <= after || isSystemEvent(event)) continue;
        events.push(event);
        if (events.length >= maxCount) break;
      }
    } catch (error) {
      throw toUnavailable(error) ?? error;
    }
    return events;
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    try {
      return await this.readHead();
    } catch (error) {
      throw toUnavailable(error) ?? error;
    }
  }

  private async readHead(): Promise<Position> {
    const read = this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      maxCount: 1,
      filter: excludeSystemEvents(),
    });
    for await (const resolved of read) {
      const event = toRecordedEvent(resolved);
      if (event && !isSystemEvent(event)) return event.position;
    }
    return 0n;
  }

  subscribeToAll(options: SubscribeToAllOptions): AllSubscription {
    this.assertOpen();
    const subscription: KurrentDbAllSubscription = new KurrentDbAllSubscription(this.client, {
      after: options.after,
      streamPrefix: options.streamPrefix,
      batchSize: Math.max(1, options.batchSize ?? 1000),
      resubscribe: this.options.resubscribe ?? DEFAULT_RESUBSCRIBE_POLICY,
      onRetry: (error, failures, delayMs) =>
        this.logger.warn(
          `$all subscription dropped (${messageOf(error)}); resubscribing in ${delayMs} ms (failure ${failures})`,
        ),
      onFinished: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Ends every subscription, lets appends already sent finish, then drops the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const subscription of [...this.subscriptions]) subscription.stop();
    await Promise.allSettled([...this.inFlight]);
    await this.client.dispose();
  }

  private track<T>(operation: Promise<T>): Promise<T> {
    this.inFlight.add(operation);
    const forget = () => this.inFlight.delete(operation);
    operation.then(forget, forget);
    return operation;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
