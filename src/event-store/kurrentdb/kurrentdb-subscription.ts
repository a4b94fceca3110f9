import { excludeSystemEvents, streamNameFilter } from '@kurrent/kurrentdb-client';
import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import type { AllSubscription, Position, RecordedEvent } from '../event-store.port.js';
import { ArrivedBatchReader } from './arrived-batch-reader.js';
import type { KurrentDbClientApi, KurrentDbSubscriptionHandle } from './kurrentdb-client-api.js';
import { isSystemEvent, toReadPosition, toRecordedEvent } from './kurrentdb-mapping.js';

export interface ResubscribePolicy {
  /** Delay before the first resubscription; doubles after each further failure. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * Failures in a row after which the subscription gives up and throws the
   * last error, so the consumer sees and reports it (the projection runner
   * then resubscribes from its own checkpoint).
   */
  readonly maxConsecutiveFailures: number;
}

export const DEFAULT_RESUBSCRIBE_POLICY: ResubscribePolicy = {
  firstDelayMs: 100,
  maxDelayMs: 5_000,
  maxConsecutiveFailures: 10,
};

export interface KurrentDbAllSubscriptionOptions {
  readonly after: Position;
  readonly streamPrefix?: string;
  readonly batchSize: number;
  readonly resubscribe: ResubscribePolicy;
  /** Told about every failure that is retried, e.g. to log it. */
  readonly onRetry?: (error: unknown, failures: number, delayMs: number) => void;
  /** Called once when the iterator has finished, however it finished. */
  readonly onFinished?: () => void;
}

/**
 * The port's subscribeToAll on KurrentDB: a catch-up subscription to $all,
 * filtered by stream prefix on the server, handed over in batches.
 *
 * The client does not resubscribe after a dropped connection, so this does:
 * from the last position it delivered, which also covers the server's
 * inclusive start (the event at that position is skipped, never repeated).
 */
export class KurrentDbAllSubscription implements AllSubscription {
  private lastDelivered: Position;
  private stopped = false;
  private handle: KurrentDbSubscriptionHandle | null = null;
  private reader: ArrivedBatchReader<AllStreamResolvedEvent> | null = null;
  private cancelBackoff: (() => void) | null = null;
  private finished = false;
  private readonly iterator: AsyncGenerator<readonly RecordedEvent[]>;

  constructor(
    private readonly client: KurrentDbClientApi,
    private readonly options: KurrentDbAllSubscriptionOptions,
  ) {
    this.lastDelivered = options.after;
    this.iterator = this.batches();
  }

  [Symbol.asyncIterator](): AsyncIterator<readonly RecordedEvent[]> {
    return this.iterator;
  }

  /** Ends the iterator: a pending next() resolves done. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.reader?.interrupt();
    this.cancelBackoff?.();
    const handle = this.handle;
    this.handle = null;
    if (handle) void unsubscribeQuietly(handle);
    // The generator's own cleanup never runs if iteration had not begun.
    this.finish();
  }

  private async *batches(): AsyncGenerator<readonly RecordedEvent[]> {
    const { resubscribe } = this.options;
    let failures = 0;
    try {
      while (!this.stopped) {
        const startedAt = Date.now();
        let failure: unknown = null;
        const handle = this.client.subscribeToAll({
          fromPosition: toReadPosition(this.lastDelivered),
          filter: this.options.streamPrefix
            ? streamNameFilter({ prefixes: [this.options.streamPrefix] })
            : excludeSystemEvents(),
        });
        this.handle = handle;
        const reader = new ArrivedBatchReader(handle[Symbol.asyncIterator]());
        this.reader = reader;
        try {
          while (!this.stopped) {
            const arrived = await reader.read(this.options.batchSize);
            if (arrived.length === 0) break;
            const fresh = this.wanted(arrived);
            if (fresh.length === 0) continue;
            this.lastDelivered = fresh[fresh.length - 1].position;
            failures = 0;
            yield fresh;
          }
          // The server ended the stream without an error: as good as a
          // dropped connection, since a catch-up subscription never ends.
          if (!this.stopped) failure = new Error('KurrentDB ended the $all subscription');
        } catch (error) {
          failure = error;
        } finally {
          this.reader = null;
          // stop() takes the handle and cancels it itself.
          if (this.handle === handle) {
            this.handle = null;
            await unsubscribeQuietly(handle);
          }
        }
        if (this.stopped) return;

        // A subscription that stayed up for a while before failing starts the
        // count afresh, so rare disconnects over days never add up to giving up.
        if (Date.now() - startedAt >= resubscribe.maxDelayMs) failures = 0;
        failures += 1;
        if (failures >= resubscribe.maxConsecutiveFailures) throw failure;
        const delayMs = Math.min(resubscribe.firstDelayMs * 2 ** (failures - 1), resubscribe.maxDelayMs);
        this.options.onRetry?.(failure, failures, delayMs);
        await this.backoff(delayMs);
      }
    } finally {
      this.stopped = true;
      this.finish();
    }
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.options.onFinished?.();
  }

  /** Events strictly after the last delivered one, of the ledger's streams only. */
  private wanted(arrived: readonly AllStreamResolvedEvent[]): RecordedEvent[] {
    const prefix = this.options.streamPrefix;
    const fresh: RecordedEvent[] = [];
    let last = this.lastDelivered;
    for (const entry of arrived) {
      const event = toRecordedEvent(entry);
      if (!event || event.position <= last || isSystemEvent(event)) continue;
      if (prefix && !event.streamName.startsWith(prefix)) continue;
      fresh.push(event);
      last = event.position;
    }
    return fresh;
  }

  private backoff(delayMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, delayMs);
      // A subscription waiting to reconnect should not keep the process alive.
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.cancelBackoff = done;
    }).finally(() => {
      this.cancelBackoff = null;
    });
  }
}

async function unsubscribeQuietly(handle: KurrentDbSubscriptionHandle): Promise<void> {
  try {
    await handle.unsubscribe();
  } catch {
    // Already broken or cancelled: nothing left to release.
  }
}
