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

/**
 * `valueType` is what the listing sorts by (a time, a number: 'number'; a
 * position, a bigint kept as decimal digits: 'digits'), so a cursor edited by
 * hand is refused rather than compared with SQLite's cross-type ordering.
 */
export function decodeCursor(raw: string | undefined, sort: string, valueType: 'number' | 'digits' = 'number'): Cursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const [s, value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const valueFits = valueType === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string' && /^\d{1,20}$/.test(value);
    if (s === sort && valueFits && Number.isInteger(id)) {
      return { sort: s, value: value as number | string, id: id as number };
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
