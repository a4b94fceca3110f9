/**
 * Events are rows keyed by their global position. The (stream, revision)
 * uniqueness is what makes an optimistic append safe; the triggers make the
 * table append-only so no code path can rewrite history by accident.
 */
export const EVENT_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY,
  stream    TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  id        TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  UNIQUE (stream, revision)
) STRICT;

CREATE TRIGGER IF NOT EXISTS events_are_immutable_update
BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;

CREATE TRIGGER IF NOT EXISTS events_are_immutable_delete
BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
`;

export type SqliteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

/**
 * The columns every read selects, in this order. Rows are read as arrays
 * (better-sqlite3's raw mode): building a row object costs better-sqlite3
 * about half a microsecond a column, more than reading the row itself.
 */
export const EVENT_COLUMNS = 'position, stream, revision, id, type, data, metadata';

export type EventRow = [position: number | bigint, stream: string, revision: number, id: string, type: string, data: string, metadata: string];
