import {
  ANY,
  ErrorType,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import type {
  AllStreamResolvedEvent,
  AppendStreamState,
  CurrentStreamState,
  EventData,
  JSONType,
  ReadPosition,
  ResolvedEvent,
  Position as KurrentPosition,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { EventMetadata, EventToAppend, ExpectedRevision, Position, RecordedEvent } from '../event-store.port.js';

/*
 * Pure translations between the EventStore port and the KurrentDB client.
 * The port's Position is KurrentDB's commit position: for events appended
 * outside legacy explicit transactions (the only kind the client can write)
 * commit and prepare position are the same log position.
 */

/** Revision the port reports for a stream that does not exist. */
const NO_STREAM_REVISION = -1;

/** What older servers send in place of a position they do not know (u64 max). */
const UNKNOWN_POSITION = (1n << 64n) - 1n;

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'any':
      return ANY;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** Where a read or subscription starts so that it covers every event after `after` (it may also return the one at `after`). */
export function toReadPosition(after: Position): ReadPosition {
  return after <= 0n ? START : { commit: after, prepare: after };
}

/** The commit position, or undefined when the server did not report one. */
export function commitPositionOf(position: KurrentPosition | undefined): Position | undefined {
  if (!position || position.commit < 0n || position.commit >= UNKNOWN_POSITION) return undefined;
  return position.commit;
}

/** 'no_stream', or the negative revisions some server paths use for it, become -1. */
export function toRevisionNumber(state: CurrentStreamState): number {
  if (state === NO_STREAM || state < 0n) return NO_STREAM_REVISION;
  return Number(state);
}

export function toEventData(event: EventToAppend): EventData {
  return jsonEvent({
    // The caller's id, never a generated one: ids derive from the command, so
    // the server recognises a retried append and does not store it twice.
    id: event.id,
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata as JSONType,
  });
}

/**
 * The port's view of an event read from KurrentDB, or null for an entry that
 * carries no event (a link whose target is gone).
 */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null {
  const recorded = resolved.event;
  if (!recorded) return null;
  const position = commitPositionOf(recorded.position) ?? validCommit(resolved.commitPosition);
  if (position === undefined) {
    // Without a position the read models could not be checkpointed; servers
    // before 22.6 leave it out of stream reads.
    throw new Error(
      `KurrentDB returned event ${recorded.id} of ${recorded.streamId} without a log position (KurrentDB/EventStoreDB 22.6 or later is required)`,
    );
  }
  return {
    id: recorded.id,
    streamName: recorded.streamId,
    revision: Number(recorded.revision),
    position,
    type: recorded.type,
    data: recorded.data,
    metadata: toMetadata(recorded.metadata),
  };
}

/** Events the server writes for itself ($metadata, $statsCollected, projection links...) and system streams. */
export function isSystemEvent(event: Pick<RecordedEvent, 'type' | 'streamName'>): boolean {
  return event.type.startsWith('$') || event.streamName.startsWith('$');
}

/**
 * The port's conflict error for a client error that is one, whatever append
 * path raised it; null for every other error.
 */
export function toWrongExpectedRevision(
  error: unknown,
  stream: string,
  expected: ExpectedRevision,
): WrongExpectedRevisionError | null {
  if (!isWrongExpectedVersion(error)) return null;
  return new WrongExpectedRevisionError(stream, expected, toRevisionNumber(error.actualState));
}

/** Transient failures the caller may retry, as the port's one error for them. */
export function toUnavailable(error: unknown): EventStoreUnavailableError | null {
  const transient = [ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED, ErrorType.NOT_LEADER];
  return transient.some((type) => hasErrorType(error, type)) ? new EventStoreUnavailableError(error) : null;
}

export function isStreamNotFound(error: unknown): boolean {
  return hasErrorType(error, ErrorType.STREAM_NOT_FOUND);
}

function isWrongExpectedVersion(error: unknown): error is Pick<WrongExpectedVersionError, 'actualState'> {
  return error instanceof WrongExpectedVersionError || hasErrorType(error, ErrorType.WRONG_EXPECTED_VERSION);
}

/** Compared by `type`, not class, so an error from a second copy of the client still maps. */
function hasErrorType(error: unknown, type: ErrorType): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === type;
}

function validCommit(commit: bigint | undefined): Position | undefined {
  return commit === undefined ? undefined : commitPositionOf({ commit, prepare: commit });
}

function toMetadata(metadata: unknown): EventMetadata {
  // Metadata the ledger wrote is a JSON object; anything else (none, binary) reads as empty.
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata) || metadata instanceof Uint8Array) {
    return {};
  }
  return metadata as EventMetadata;
}
