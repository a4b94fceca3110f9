import type { RecordedEvent } from '../../src/event-store/event-store.port.js';

/**
 * One line of a ledger export: an event exactly as stored, metadata (actor,
 * times, correlation, prevHash and hash) included. The position is a string:
 * KurrentDB positions exceed what JSON numbers carry exactly.
 */
export interface ExportedEvent {
  readonly stream: string;
  readonly revision: number;
  readonly position: string;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
}

export function toExportLine(event: RecordedEvent): string {
  const line: ExportedEvent = {
    stream: event.streamName,
    revision: event.revision,
    position: event.position.toString(),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
  return JSON.stringify(line);
}

/** A line of the file that cannot be restored, with its 1-based number. */
export class LedgerFileError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses and shape-checks one line; what the events mean (chains, order) is checked by the caller. */
export function parseExportLine(text: string, line: number): RecordedEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LedgerFileError(line, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(value)) throw new LedgerFileError(line, 'not a JSON object');
  const { stream, revision, position, id, type, data, metadata } = value;
  if (typeof stream !== 'string' || stream.length === 0) throw new LedgerFileError(line, 'stream must be a non-empty string');
  if (!Number.isSafeInteger(revision) || (revision as number) < 0) throw new LedgerFileError(line, 'revision must be an integer from 0');
  if (typeof position !== 'string' || !/^[1-9]\d{0,19}$/.test(position)) throw new LedgerFileError(line, 'position must be a positive integer in a string');
  if (typeof id !== 'string' || id.length === 0) throw new LedgerFileError(line, 'id must be a non-empty string');
  if (typeof type !== 'string' || type.length === 0) throw new LedgerFileError(line, 'type must be a non-empty string');
  if (data === undefined) throw new LedgerFileError(line, 'data is missing');
  if (!isObject(metadata)) throw new LedgerFileError(line, 'metadata must be an object');
  const extra = Object.keys(value).filter((key) => !['stream', 'revision', 'position', 'id', 'type', 'data', 'metadata'].includes(key));
  if (extra.length > 0) throw new LedgerFileError(line, `unknown field(s) ${extra.join(', ')}`);
  return { streamName: stream, revision: revision as number, position: BigInt(position), id, type, data, metadata };
}
