import { randomUUID } from 'node:crypto';
import { ANY, NO_STREAM, STREAM_EXISTS, StreamNotFoundError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  Filter,
  ReadAllOptions,
  ReadPosition,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import type {
  KurrentDbClientApi,
  KurrentDbSubscriptionHandle,
} from '../../../src/event-store/kurrentdb/kurrentdb-client-api.js';

interface StoredEvent {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly commit: bigint;
}

/** Positions are spaced like log offsets, not counters, so code that assumes +1 steps is caught. */
const POSITION_STEP = 137n;

/**
 * An in-memory KurrentDB as the client shows it: bigint revisions and
 * {commit, prepare} positions, inclusive fromPosition, the client's own error
 * classes, server-side filters, and catch-up subscriptions that can be told
 * to break after a number of events.
 */
export class FakeKurrentDbClient implements KurrentDbClientApi {
  readonly log: StoredEvent[] = [];
  readonly appendCalls: { stream: string; events: EventData[]; options?: AppendToStreamOptions }[] = [];
  readonly readAllCalls: ReadAllOptions[] = [];
  readonly subscribeCalls: SubscribeToAllOptions[] = [];
  /** For the n-th subscribeToAll (in call order): how many events it delivers before throwing; absent = never fails. */
  failSubscriptionsAfter: number[] = [];
  /** Answer appends without a position, as a server does for a deduplicated retry. */
  omitAppendPosition = false;
  /** Called at each subscribeToAll, before the subscription delivers anything. */
  onSubscribe: ((options: SubscribeToAllOptions) => void) | null = null;
  unsubscribeCount = 0;
  disposed = false;
  private nextCommit = 1000n;
  private readonly waiters = new Set<() => void>();

  async appendToStream(stream: string, events: EventData[], options?: AppendToStreamOptions): Promise<AppendResult> {
    this.appendCalls.push({ stream, events, options });
    await Promise.resolve();
    const existing = this.log.filter((e) => e.streamId === stream);
    const current = existing.length === 0 ? NO_STREAM : existing[existing.length - 1].revision;
    const duplicate = existing.find((e) => e.id === events[0].id);
    if (duplicate) {
      const last = existing.find((e) => e.id === events[events.length - 1].id)!;
      return { success: true, nextExpectedRevision: last.revision, position: this.position(last) };
    }
    const state = options?.streamState ?? ANY;
    const matches =
      state === ANY ||
      (state === NO_STREAM && current === NO_STREAM) ||
      (state === STREAM_EXISTS && current !== NO_STREAM) ||
      (typeof state === 'bigint' && state === current);
    if (!matches) {
      throw new WrongExpectedVersionError(undefined, { streamName: stream, expected: state, current });
    }
    let revision = current === NO_STREAM ? -1n : current;
    let last: StoredEvent | undefined;
    for (const event of events) {
      revision += 1n;
      last = this.store({ streamId: stream, id: event.id, type: event.type, revision, data: event.data, metadata: event.metadata });
    }
    this.wake();
    return {
      success: true,
      nextExpectedRevision: revision,
      position: this.omitAppendPosition ? undefined : this.position(last!),
    };
  }

  /** Something the server writes for itself, which the ledger must never see. */
  appendSystemEvent(streamId = '$stats-127.0.0.1:2113', type = '$statsCollected'): void {
    const revision = BigInt(this.log.filter((e) => e.streamId === streamId).length);
    this.store({ streamId, id: randomUUID(), type, revision, data: {}, metadata: undefined });
    this.wake();
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<ResolvedEvent> {
    const events = this.log.filter((e) => e.streamId === stream);
    if (events.length === 0) throw new StreamNotFoundError(undefined, stream);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const ordered = backwards ? [...events].reverse() : events;
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    let count = 0;
    for (const event of ordered) {
      if (typeof from === 'bigint' && (backwards ? event.revision > from : event.revision < from)) continue;
      if (count++ >= maxCount) return;
      yield this.resolved(event);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<AllStreamResolvedEvent> {
    this.readAllCalls.push(options);
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const ordered = backwards ? [...this.log].reverse() : this.log;
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    let count = 0;
    for (const event of ordered) {
      if (!startsAtOrAfter(event, from, backwards) || !passes(event, options.filter)) continue;
      if (count++ >= maxCount) return;
      yield this.resolved(event);
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): KurrentDbSubscriptionHandle {
    const index = this.subscribeCalls.length;
    this.subscribeCalls.push(options);
    this.onSubscribe?.(options);
    return new FakeSubscription(this, options, this.failSubscriptionsAfter[index]);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  /** Resolves at the next append. */
  nextAppend(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.waiters.delete(done);
        resolve();
      };
      this.waiters.add(done);
    });
  }

  resolved(event: StoredEvent): AllStreamResolvedEvent {
    return {
      event: {
        streamId: event.streamId,
        id: event.id,
        isJson: true,
        revision: event.revision,
        type: event.type,
        created: new Date(0),
        data: event.data as Record<string, unknown>,
        metadata: event.metadata as Record<string, unknown>,
        position: this.position(event),
      },
      commitPosition: event.commit,
    };
  }

  private store(event: Omit<StoredEvent, 'commit'>): StoredEvent {
    const stored = { ...event, commit: this.nextCommit };
    this.nextCommit += POSITION_STEP;
    this.log.push(stored);
    return stored;
  }

  private position(event: StoredEvent) {
    // Commit and prepare differ here on purpose, to show the port uses the commit position.
    return { commit: event.commit, prepare: event.commit + 1n };
  }

  private wake(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

/**
 * Delivers the log from its start position (inclusive, as KurrentDB does),
 * then follows appends; throws after `failAfter` events when given. Once
 * unsubscribed, a pending read never settles, like a cancelled gRPC call
 * that nobody reads any more.
 */
class FakeSubscription implements KurrentDbSubscriptionHandle {
  private cancelled = false;

  constructor(
    private readonly client: FakeKurrentDbClient,
    private readonly options: SubscribeToAllOptions,
    private readonly failAfter: number | undefined,
  ) {}

  async unsubscribe(): Promise<void> {
    this.cancelled = true;
    this.client.unsubscribeCount += 1;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AllStreamResolvedEvent> {
    let index = 0;
    let delivered = 0;
    const from = this.options.fromPosition ?? 'start';
    while (true) {
      if (this.cancelled) await new Promise<never>(() => {});
      const event = this.client.log[index];
      if (!event) {
        await this.client.nextAppend();
        continue;
      }
      index += 1;
      if (!startsAtOrAfter(event, from, false) || !passes(event, this.options.filter)) continue;
      if (this.failAfter !== undefined && delivered >= this.failAfter) {
        throw new Error(`connection dropped after ${delivered} events`);
      }
      delivered += 1;
      yield this.client.resolved(event);
    }
  }
}

function startsAtOrAfter(event: StoredEvent, from: ReadPosition, backwards: boolean): boolean {
  if (from === 'start' || from === 'end') return true;
  return backwards ? event.commit <= from.commit : event.commit >= from.commit;
}

function passes(event: StoredEvent, filter: Filter | undefined): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? event.streamId : event.type;
  if ('prefixes' in filter) return filter.prefixes.some((prefix) => subject.startsWith(prefix));
  return new RegExp(filter.regex).test(subject);
}
