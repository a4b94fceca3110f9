import type { ExpectedRevision } from './event-store.port.js';

/**
 * The single conflict error every adapter raises when a stream is not at the
 * revision the caller expected. `actualRevision` is -1 when the stream does
 * not exist.
 */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamName: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: number,
  ) {
    super(
      `stream ${streamName}: expected revision ${String(expectedRevision)}, but it is at ${
        actualRevision < 0 ? 'no stream' : actualRevision
      }`,
    );
  }
}

/**
 * An append's event id is already stored in another stream (or as another
 * event of it): event ids derive from idempotency keys, so the key was used
 * for a different command.
 */
export class EventIdInUseError extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already used by another append`);
  }
}

/** The store was closed (shutdown) while an operation was pending or started. */
export class EventStoreClosedError extends Error {
  constructor() {
    super('the event store is closed');
  }
}

/** The store cannot be reached right now (a KurrentDB node down, no leader, a timeout): retry later. */
export class EventStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the event store is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
