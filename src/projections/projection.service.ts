import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { APP_CONFIG } from '../config/app-config.js';
import type { AppConfig } from '../config/app-config.js';
import { EVENT_STORE } from '../event-store/event-store.port.js';
import type { EventStore } from '../event-store/event-store.port.js';
import { PositionBeyondLogError, ReadModelNotReadyError, RebuildInProgressError } from './projection.errors.js';
import { ProjectionRunner } from './projection-runner.js';
import type { ProjectionStatus } from './projection-runner.js';
import { ProjectorRegistry } from './projector-registry.js';
import { READ_MODEL_LAYOUT, ReadModelDatabase } from './read-model-database.js';

/** Every projected stream starts so; other streams are never read by the runner. */
export const PROJECTED_STREAM_PREFIX = 'assessment-';
const CHECKPOINT_NAME = 'read-models';

export interface RebuildReport {
  readonly events: number;
  readonly position: string;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly finishedAt: string;
}

export interface RebuildProgress {
  readonly phase: 'loading' | 'indexing' | 'swapping';
  readonly position: string;
  readonly head: string;
  readonly startedAt: string;
}

/**
 * Owns the live projection runner over the read-model database: starts it
 * once every feature has registered its projector, waits for positions on
 * behalf of queries (read-your-writes), and rebuilds all read models into a
 * fresh file that is swapped in when complete.
 */
@Injectable()
export class ProjectionService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('ProjectionService');
  private runner: ProjectionRunner | null = null;
  private rebuilding: RebuildProgress | null = null;
  private lastRebuild: RebuildReport | { error: string; finishedAt: string } | null = null;
  private optimizer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly database: ReadModelDatabase,
    private readonly registry: ProjectorRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.database.replacedLayout !== null) {
      this.logger.warn(
        `read models of layout ${this.database.replacedLayout} were removed (this version writes layout ${READ_MODEL_LAYOUT}); projecting them again from the log`,
      );
    }
    // Statistics taken on a young read model mislead the planner once it has grown
    // (an index on status chosen over one on region), so they are refreshed each
    // time the events applied since start double, as well as hourly.
    let optimizeAt = 1000;
    this.runner = new ProjectionRunner(this.store, this.database, this.registry.create(this.database, this.store), {
      name: CHECKPOINT_NAME,
      streamPrefix: PROJECTED_STREAM_PREFIX,
      onApplied: (total) => {
        if (total < optimizeAt) return;
        optimizeAt = total * 2;
        this.database.optimize();
      },
    });
    if (this.config.runProjections) {
      this.runner.start();
      this.database.optimize();
      this.optimizer = setInterval(() => this.database.optimize(), 3_600_000);
      this.optimizer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.optimizer) clearInterval(this.optimizer);
    await this.runner?.stop();
  }

  onApplicationShutdown(): void {
    this.database.close();
  }

  private get live(): ProjectionRunner {
    if (!this.runner) throw new Error('projections are not initialised yet');
    return this.runner;
  }

  get position(): bigint {
    return this.live.position;
  }

  /** Applies everything up to the log's head now (tools and tests that run without the live runner). */
  catchUp(): Promise<void> {
    return this.live.catchUp();
  }

  /**
   * Waits (bounded) until the read models include `position`; refuses with 503
   * past the bound. Every position a command answers with is already in the
   * log, so one past the log's head is a caller's mistake, refused at once.
   */
  async waitFor(position: bigint | undefined): Promise<void> {
    if (position === undefined || position <= this.live.position) return;
    const head = await this.store.headPosition();
    if (position > head) throw new PositionBeyondLogError(position, head);
    const reached = await this.live.waitFor(position, this.config.readModelWaitMs);
    if (!reached) throw new ReadModelNotReadyError(position, this.live.position);
  }

  async status() {
    const head = await this.store.headPosition();
    const live = this.live.status();
    return {
      ...live,
      head: head.toString(),
      lag: (head - BigInt(live.position)).toString(),
      rebuild: this.rebuilding,
      lastRebuild: this.lastRebuild,
    };
  }

  /** Starts a rebuild without waiting for it; its outcome shows in `status()`. */
  startRebuild(): RebuildProgress {
    if (this.rebuilding) throw new RebuildInProgressError();
    const started = this.rebuild().catch((error: unknown) => {
      this.logger.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    void started;
    return this.rebuilding!;
  }

  /**
   * Rebuilds every read model from position 0 into `<file>.rebuild`, indexes
   * it, applies the tail written meanwhile with the live runner paused, and
   * swaps it in. Queries keep answering from the old file until the swap.
   */
  async rebuild(onProgress?: (position: bigint, head: bigint) => void): Promise<RebuildReport> {
    if (this.rebuilding) throw new RebuildInProgressError();
    // Claimed before the first await, so a second request in the same tick is refused.
    this.rebuilding = { phase: 'loading', position: '0', head: '0', startedAt: new Date().toISOString() };
    const target = `${this.database.path}.rebuild`;
    let next: ReadModelDatabase | null = null;
    try {
      ReadModelDatabase.remove(target);
      next = new ReadModelDatabase(target, { bulkLoad: true });
      const report = await this.rebuildInto(next, target, onProgress);
      this.lastRebuild = report;
      return report;
    } catch (error) {
      next?.close();
      ReadModelDatabase.remove(target);
      this.lastRebuild = { error: error instanceof Error ? error.message : String(error), finishedAt: new Date().toISOString() };
      throw error;
    } finally {
      this.rebuilding = null;
    }
  }

  private async rebuildInto(
    next: ReadModelDatabase,
    target: string,
    onProgress?: (position: bigint, head: bigint) => void,
  ): Promise<RebuildReport> {
    const started = performance.now();
    this.rebuilding = { ...this.rebuilding!, head: (await this.store.headPosition()).toString() };
    const runner = new ProjectionRunner(this.store, next, this.registry.create(next, this.store), {
      name: CHECKPOINT_NAME,
      streamPrefix: PROJECTED_STREAM_PREFIX,
    });
    await runner.catchUp({
      batchSize: 5000,
      yieldBetweenBatches: true,
      onProgress: (position, head) => {
        this.rebuilding = { ...this.rebuilding!, position: position.toString(), head: head.toString() };
        onProgress?.(position, head);
      },
    });
    this.rebuilding = { ...this.rebuilding!, phase: 'indexing' };
    next.createIndexes();
    this.rebuilding = { ...this.rebuilding!, phase: 'swapping' };
    const wasRunning = this.live.running;
    await this.live.stop();
    try {
      await runner.catchUp({ batchSize: 5000 });
      next.closeForMove();
      this.database.swapIn(target);
    } finally {
      if (wasRunning) this.live.start();
    }
    const seconds = (performance.now() - started) / 1000;
    const events = runner.status().applied;
    return {
      events,
      position: runner.position.toString(),
      seconds,
      eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : events,
      finishedAt: new Date().toISOString(),
    };
  }
}
