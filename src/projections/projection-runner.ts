import { Logger } from '@nestjs/common';
import { EventStoreClosedError } from '../event-store/event-store.errors.js';
import type { AllSubscription, EventStore, RecordedEvent } from '../event-store/event-store.port.js';
import type { Projector } from './projector.js';
import type { ReadModelDatabase } from './read-model-database.js';

export interface ProjectionRunnerOptions {
  /** Name of the checkpoint row. */
  readonly name: string;
  /** Only streams with this prefix are projected. */
  readonly streamPrefix?: string;
  /** Most events applied in one transaction. */
  readonly batchSize?: number;
  /** First delay before resubscribing after a failure; doubles up to 30 s. */
  readonly retryDelayMs?: number;
  /** Called after each committed batch with the number of events applied since the runner was made. */
  readonly onApplied?: (totalApplied: number) => void;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly running: boolean;
  readonly position: string;
  readonly applied: number;
  readonly skipped: Record<string, number>;
  readonly failures: number;
  readonly lastError: string | null;
}

export interface CatchUpOptions {
  readonly batchSize?: number;
  readonly yieldBetweenBatches?: boolean;
  readonly onProgress?: (position: bigint, head: bigint) => void;
}

interface Waiter {
  readonly position: bigint;
  readonly resolve: (reached: boolean) => void;
}

/**
 * Feeds projectors from the global log. Each batch is applied in one SQLite
 * transaction together with the checkpoint, and the checkpoint is re-read
 * inside that transaction, so an event is applied exactly once whatever
 * fails (or is swapped in) between two batches.
 */
export class ProjectionRunner {
  private readonly logger = new Logger('ProjectionRunner');
  private positionApplied = 0n;
  private subscription: AllSubscription | null = null;
  private loop: Promise<void> | null = null;
  private stopped = true;
  private wakeRetry: (() => void) | null = null;
  private waiters: Waiter[] = [];
  private readonly stats = { applied: 0, skipped: {} as Record<string, number>, failures: 0, lastError: null as string | null };

  constructor(
    private readonly store: EventStore,
    private readonly database: ReadModelDatabase,
    private readonly projectors: readonly Projector[],
    private readonly options: ProjectionRunnerOptions,
  ) {
    this.positionApplied = database.readCheckpoint(options.name);
  }

  /** Position of the last event applied (committed with the read models). */
  get position(): bigint {
    return this.positionApplied;
  }

  get running(): boolean {
    return !this.stopped;
  }

  status(): ProjectionStatus {
    return {
      name: this.options.name,
      running: this.running,
      position: this.positionApplied.toString(),
      applied: this.stats.applied,
      skipped: { ...this.stats.skipped },
      failures: this.stats.failures,
      lastError: this.stats.lastError,
    };
  }

  /** Catches up from the checkpoint, then follows new appends until stopped. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // The database may have been swapped while stopped: start from its checkpoint with clean projectors.
    for (const projector of this.projectors) projector.reset();
    this.positionApplied = this.database.readCheckpoint(this.options.name);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.subscription?.stop();
    this.wakeRetry?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    let delay = this.options.retryDelayMs ?? 100;
    while (!this.stopped) {
      try {
        this.subscription = this.store.subscribeToAll({
          after: this.positionApplied,
          streamPrefix: this.options.streamPrefix,
          batchSize: this.options.batchSize ?? 500,
        });
        for await (const batch of this.subscription) {
          await this.applyBatch(batch);
          delay = this.options.retryDelayMs ?? 100;
          if (this.stopped) break;
          // The store's reads and the batch's writes are synchronous and the subscription hands over batches
          // as promises: catching up on a long log would otherwise never let the event loop serve a request,
          // not even the health probes that say how far behind the read models are.
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (this.stopped) return;
        // A subscription only ends by itself when its store went away: back off like after any failure.
        throw new Error('the subscription to the event log ended');
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof EventStoreClosedError) {
          // Closed for good (shutdown): nothing to resubscribe to.
          this.logger.warn(`projection ${this.options.name} stopped: the event store is closed`);
          this.stopped = true;
          return;
        }
        this.stats.failures += 1;
        this.stats.lastError = error instanceof Error ? error.message : String(error);
        this.logger.error(`projection ${this.options.name} failed at ${this.positionApplied}: ${this.stats.lastError}`);
        this.subscription?.stop();
        // Resume from what was committed, not from what was attempted.
        this.positionApplied = this.database.readCheckpoint(this.options.name);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wakeRetry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeRetry = null;
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  /** Applies one batch: prepare (may read the store), then rows + checkpoint in one transaction. */
  async applyBatch(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      for (const projector of this.projectors) await projector.prepare?.(events);
      const { name } = this.options;
      const database = this.database;
      const projectors = this.projectors;
      const skipped = this.stats.skipped;
      let applied = 0;
      const last = database.db.transaction(() => {
        const checkpoint = database.readCheckpoint(name);
        let position = checkpoint;
        for (const event of events) {
          if (event.position <= checkpoint) continue;
          let handled = false;
          for (const projector of projectors) {
            if (projector.handles(event.type)) {
              projector.apply(event, database.db);
              handled = true;
            }
          }
          if (handled) applied += 1;
          else skipped[event.type] = (skipped[event.type] ?? 0) + 1;
          position = event.position;
        }
        for (const projector of projectors) projector.flush?.(database.db);
        if (position > checkpoint) database.writeCheckpoint(name, position);
        return position;
      })();
      this.stats.applied += applied;
      this.positionApplied = last;
      if (applied > 0) this.options.onApplied?.(this.stats.applied);
      this.notifyWaiters();
    } catch (error) {
      // Rows and checkpoint were rolled back together; in-memory state may be ahead of them.
      for (const projector of this.projectors) projector.reset();
      throw error;
    }
  }

  /**
   * Applies everything in the log up to its current head, without a
   * subscription: for tools, tests and rebuilds. With `yieldBetweenBatches`
   * the event loop gets a turn after each batch, so a server keeps answering.
   */
  async catchUp(options: CatchUpOptions = {}): Promise<void> {
    const batchSize = options.batchSize ?? this.options.batchSize ?? 500;
    const head = await this.store.headPosition();
    let after = this.database.readCheckpoint(this.options.name);
    this.positionApplied = after;
    const prefix = this.options.streamPrefix;
    while (after < head) {
      const events = await this.store.readAll({ after, maxCount: batchSize });
      if (events.length === 0) break;
      after = events[events.length - 1].position;
      await this.applyBatch(prefix ? events.filter((e) => e.streamName.startsWith(prefix)) : events);
      options.onProgress?.(after, head);
      if (options.yieldBetweenBatches) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Resolves true once the read models include `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.positionApplied >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve: (reached) => {
          clearTimeout(timer);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private notifyWaiters(): void {
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (this.positionApplied >= waiter.position) waiter.resolve(true);
      else still.push(waiter);
    }
    this.waiters = still;
  }
}
