import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store/event-store.port.js';

/** DDL of one projector's read model, split so a rebuild can index after loading. */
export interface ReadModelSchema {
  /** CREATE TABLE / VIRTUAL TABLE statements (IF NOT EXISTS). */
  readonly tables: string;
  /** CREATE INDEX statements (IF NOT EXISTS); built after a bulk rebuild. */
  readonly indexes: string;
  /**
   * Fills derived structures (full-text indexes) from the loaded rows in one
   * statement after a bulk rebuild, where the projector skips them row by row.
   */
  readonly afterBulkLoad?: string;
}

/**
 * Turns events into read-model rows. The runner calls `prepare` outside the
 * transaction (it may read the event store), then `apply` for each event and
 * `flush` once, all inside the one SQLite transaction that also moves the
 * checkpoint, so rows and checkpoint commit together or not at all.
 */
export interface Projector {
  readonly name: string;
  readonly schema: ReadModelSchema;
  /** Event types this projector understands; others are skipped and counted. */
  handles(eventType: string): boolean;
  prepare?(events: readonly RecordedEvent[]): Promise<void>;
  apply(event: RecordedEvent, db: Database.Database): void;
  flush?(db: Database.Database): void;
  /** Forgets in-memory state: after a rolled-back batch, or when the database is swapped. */
  reset(): void;
}
