/**
 * The one boundary between the ledger and whatever stores its events. Only
 * src/event-store/ knows how events are kept; everything else uses this port.
 */

/** Global position in the log; bigint because KurrentDB commit positions exceed 2^53. */
export type Position = bigint;

/** What the caller believes about a stream before appending. */
export type ExpectedRevision =
  /** The stream must not exist yet. */
  | 'no_stream'
  /** No check. */
  | 'any'
  /** The stream must exist, whatever its revision. */
  | 'stream_exists'
  /** The stream's last event must have exactly this 0-based revision. */
  | number;

export type EventMetadata = Record<string, unknown>;

export interface EventToAppend {
  /** Unique event id (UUID). A retried append with the same ids is not stored twice. */
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Data = unknown, Metadata extends EventMetadata = EventMetadata> {
  readonly id: string;
  readonly streamName: string;
  /** 0-based revision within its stream. */
  readonly revision: number;
  readonly position: Position;
  readonly type: string;
  readonly data: Data;
  readonly metadata: Metadata;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  /**
   * Another stream the append was decided on: the append stands only if that
   * stream's last event is still at this revision, and otherwise fails with
   * WrongExpectedRevisionError naming that stream. For a rule across two
   * aggregates (an assessment superseded only by one that still stands).
   */
  readonly otherStreamAt?: { readonly stream: string; readonly revision: number };
}

export interface AppendResult {
  /** Revision of the last event appended: the next append expects it. */
  readonly nextRevision: number;
  /** Global position of the last event appended. */
  readonly position: Position;
  /**
   * true when this append wrote its events; false when the store found them
   * already stored (a retry of an append that landed) and wrote nothing, so
   * what is stored is the first attempt's events, metadata included. Absent
   * when the store cannot tell the two apart.
   */
  readonly written?: boolean;
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  /** Inclusive upper bound (forwards) or lower bound (backwards). */
  readonly toRevision?: number;
  readonly maxCount?: number;
  readonly direction?: 'forwards' | 'backwards';
}

export interface ReadAllOptions {
  /** Read events strictly after this position; 0n reads from the start. */
  readonly after: Position;
  readonly maxCount: number;
}

export interface SubscribeToAllOptions {
  /** Deliver events strictly after this position; 0n is the start. */
  readonly after: Position;
  /** Only streams whose name starts with this prefix. */
  readonly streamPrefix?: string;
  /** How many events to hand over at a time while catching up. */
  readonly batchSize?: number;
}

/**
 * A catch-up subscription: yields batches of events in position order, first
 * the history after `after`, then new appends as they happen. Ends when
 * `stop()` is called or the store closes.
 */
export interface AllSubscription extends AsyncIterable<readonly RecordedEvent[]> {
  stop(): void;
}

export interface EventStore {
  appendToStream(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  /** Events of one stream in revision order; an unknown stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options: SubscribeToAllOptions): AllSubscription;
  /** Position of the newest event in the log (0n when empty). */
  headPosition(): Promise<Position>;
  close(): Promise<void>;
}

/** Nest injection token for the configured EventStore. */
export const EVENT_STORE = Symbol('EVENT_STORE');
