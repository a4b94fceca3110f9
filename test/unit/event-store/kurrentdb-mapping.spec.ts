import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '../../../src/event-store/event-store.errors.js';
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
} from '../../../src/event-store/kurrentdb/kurrentdb-mapping.js';

describe('KurrentDB mapping', () => {
  it('maps every expected revision to the stream state the client expects', () => {
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
  });

  it('maps current stream states to 0-based revision numbers, -1 for no stream', () => {
    expect(toRevisionNumber(NO_STREAM)).toBe(-1);
    expect(toRevisionNumber(-1n)).toBe(-1);
    expect(toRevisionNumber(0n)).toBe(0);
    expect(toRevisionNumber(12_345n)).toBe(12_345);
  });

  it('starts reads at START for position 0 and at the commit position otherwise', () => {
    expect(toReadPosition(0n)).toBe(START);
    expect(toReadPosition(9_007_199_254_740_993n)).toEqual({ commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n });
  });

  it('takes the commit position, and treats a missing or unknown (u64 max) one as absent', () => {
    expect(commitPositionOf({ commit: 5_000n, prepare: 5_001n })).toBe(5_000n);
    expect(commitPositionOf(undefined)).toBeUndefined();
    expect(commitPositionOf({ commit: (1n << 64n) - 1n, prepare: (1n << 64n) - 1n })).toBeUndefined();
  });

  it('writes a JSON event with the given id, type, data and metadata', () => {
    const data = toEventData({ id: '6f1c2a3e-0d4b-4c5e-8f90-1a2b3c4d5e6f', type: 'Drafted', data: { a: 1 }, metadata: { actor: 'alice' } });
    expect(data).toMatchObject({
      id: '6f1c2a3e-0d4b-4c5e-8f90-1a2b3c4d5e6f',
      contentType: 'application/json',
      type: 'Drafted',
      data: { a: 1 },
      metadata: { actor: 'alice' },
    });
  });

  it('reads an event with bigint revision and positions as the port event', () => {
    const event = toRecordedEvent({
      event: {
        streamId: 'assessment-1',
        id: 'e-1',
        isJson: true,
        revision: 3n,
        type: 'Reworded',
        created: new Date(0),
        data: { statement: 'x' },
        metadata: { actor: 'bob' },
        position: { commit: 10_000_000_000_000_000n, prepare: 10_000_000_000_000_001n },
      },
    });
    expect(event).toEqual({
      id: 'e-1',
      streamName: 'assessment-1',
      revision: 3,
      position: 10_000_000_000_000_000n,
      type: 'Reworded',
      data: { statement: 'x' },
      metadata: { actor: 'bob' },
    });
    expect(typeof event!.revision).toBe('number');
  });

  it('reads missing metadata as empty, an entry without event as nothing, and refuses an event without position', () => {
    const base = { streamId: 's', id: 'e', isJson: true as const, revision: 0n, type: 'T', created: new Date(0), data: {} };
    expect(toRecordedEvent({ event: { ...base, metadata: undefined, position: { commit: 1n, prepare: 1n } } })!.metadata).toEqual({});
    expect(toRecordedEvent({ commitPosition: 5n })).toBeNull();
    expect(toRecordedEvent({ event: { ...base, metadata: {} }, commitPosition: 77n })!.position).toBe(77n);
    expect(() => toRecordedEvent({ event: { ...base, metadata: {} } })).toThrow(/without a log position/);
  });

  it('tells system events and system streams apart from the ledger’s', () => {
    expect(isSystemEvent({ type: '$metadata', streamName: '$$assessment-1' })).toBe(true);
    expect(isSystemEvent({ type: '$>', streamName: '$ce-assessment' })).toBe(true);
    expect(isSystemEvent({ type: 'Something', streamName: '$stats-node' })).toBe(true);
    expect(isSystemEvent({ type: 'AssessmentDrafted', streamName: 'assessment-1' })).toBe(false);
  });

  it('turns the client’s conflict into the port’s, with the actual revision', () => {
    const stale = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 4n });
    const mapped = toWrongExpectedRevision(stale, 's', 0);
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ streamName: 's', expectedRevision: 0, actualRevision: 4 });

    const missing = new WrongExpectedVersionError(undefined, { streamName: 's', expected: STREAM_EXISTS, current: NO_STREAM });
    expect(toWrongExpectedRevision(missing, 's', 'stream_exists')).toMatchObject({ expectedRevision: 'stream_exists', actualRevision: -1 });

    // An error from another copy of the client library: recognised by its type tag.
    expect(toWrongExpectedRevision({ type: 'wrong-expected-version', actualState: 2n }, 's', 1)).toMatchObject({ actualRevision: 2 });
  });

  it('leaves every other error alone', () => {
    expect(toWrongExpectedRevision(new UnavailableError(), 's', 0)).toBeNull();
    expect(toWrongExpectedRevision(new Error('boom'), 's', 0)).toBeNull();
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 's'))).toBe(true);
    expect(isStreamNotFound(new UnavailableError())).toBe(false);
    expect(isStreamNotFound(null)).toBe(false);
  });
});
