import { configure } from 'safe-stable-stringify';

/**
 * RFC 8785 (JCS) canonical JSON: keys sorted by UTF-16 code units, numbers
 * and strings written as ECMAScript's JSON.stringify writes them, undefined
 * members left out. safe-stable-stringify's deterministic mode writes exactly
 * that (test/unit/common/canonical-json.spec.ts holds it to the
 * `canonicalize` package byte for byte) without `canonicalize`'s recursion
 * and character-by-character surrogate scan, which took 4.7 % of a writes
 * profile (bench/README.md, section 1): every event written is hashed over
 * it. Unlike `canonicalize` it writes a lone surrogate as JSON.stringify does
 * (`\ud800`) instead of throwing, so such text is hashed like any other; NaN,
 * Infinity, bigints and cycles still throw.
 */
const stringify = configure({ deterministic: true, strict: true, bigint: false, circularValue: Error });

export function canonicalJson(value: unknown): string {
  const json = stringify(value);
  if (json === undefined) throw new Error('value cannot be written as JSON');
  return json;
}
