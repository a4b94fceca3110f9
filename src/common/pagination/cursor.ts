import { badRequest } from '../http/validation-error.factory.js';

/**
 * Opaque keyset cursors: the sort key and the last row's sort value and id,
 * base64url-encoded JSON. A cursor made for one ordering is refused by another.
 */
export interface Cursor {
  readonly sort: string;
  readonly value: number | string;
  readonly id: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined, sort: string): Cursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const [s, value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (s === sort && (typeof value === 'number' || typeof value === 'string') && Number.isInteger(id)) {
      return { sort: s, value, id: id as number };
    }
  } catch {
    // fall through to the 400 below
  }
  throw badRequest([{ field: 'cursor', message: 'cursor is not one this listing issued (or was made for another sort)' }]);
}

/** Turns free text into an FTS5 query of quoted prefix terms, so no input can be a syntax error. */
export function ftsQuery(text: string): string | null {
  const terms = text.match(/[\p{L}\p{N}]+/gu);
  if (!terms || terms.length === 0) return null;
  return terms.slice(0, 16).map((t) => `"${t}"*`).join(' ');
}
