import { hash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';

/** What an event's hash covers: everything about it but the hash itself. */
export interface HashedContent {
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly data: unknown;
  /** The event's metadata without `hash`; it includes `prevHash`, which chains the stream. */
  readonly metadata: Record<string, unknown>;
}

/**
 * SHA-256 (hex) over the RFC 8785 canonical JSON of the content, so the same
 * event hashes the same whichever store or JSON encoder wrote it.
 */
export function eventHash(content: HashedContent): string {
  // One-shot hash: no Hash object per event (every command hashes each event it writes).
  return hash('sha256', canonicalJson(content), 'hex');
}

/** Metadata as it is hashed: the stored metadata without its `hash` field. */
export function withoutHash(metadata: Record<string, unknown>): Record<string, unknown> {
  const { hash: _hash, ...rest } = metadata;
  return rest;
}
