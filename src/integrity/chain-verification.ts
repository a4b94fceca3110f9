import type { RecordedEvent } from '../event-store/event-store.port.js';
import { eventHash, withoutHash } from './event-hash.js';

export type ChainBreak =
  /** The stored hash is not the hash of the stored content: data or metadata edited. */
  | 'hash-mismatch'
  /** prevHash does not name the previous event's hash: an event removed, inserted or moved. */
  | 'broken-link'
  /** Revisions do not run 0, 1, 2, …: an event missing or reordered. */
  | 'revision-gap'
  /** The event carries no hash at all. */
  | 'unhashed';

export interface ChainReport {
  readonly stream: string;
  readonly events: number;
  readonly valid: boolean;
  readonly firstBrokenRevision: number | null;
  readonly reason: ChainBreak | null;
  /** Hash of the last event when the chain holds: a checkpoint worth keeping outside the ledger. */
  readonly headHash: string | null;
}

/**
 * Walks one stream's hash chain incrementally, so a verifier can feed it
 * events in whatever batches it reads them.
 */
export class ChainVerifier {
  private expectedRevision = 0;
  private lastHash: string | null = null;
  private count = 0;
  private broken: { revision: number; reason: ChainBreak } | null = null;

  constructor(readonly stream: string) {}

  add(event: RecordedEvent): void {
    this.count += 1;
    if (this.broken) return;
    const metadata = event.metadata as Record<string, unknown>;
    const stored = metadata.hash;
    const fail = (reason: ChainBreak) => {
      this.broken = { revision: event.revision, reason };
    };
    if (event.revision !== this.expectedRevision) return fail('revision-gap');
    if (typeof stored !== 'string') return fail('unhashed');
    if ((metadata.prevHash ?? null) !== this.lastHash) return fail('broken-link');
    const computed = eventHash({
      stream: event.streamName,
      revision: event.revision,
      type: event.type,
      data: event.data,
      metadata: withoutHash(metadata),
    });
    if (computed !== stored) return fail('hash-mismatch');
    this.lastHash = stored;
    this.expectedRevision += 1;
  }

  report(): ChainReport {
    return {
      stream: this.stream,
      events: this.count,
      valid: this.broken === null,
      firstBrokenRevision: this.broken?.revision ?? null,
      reason: this.broken?.reason ?? null,
      headHash: this.broken ? null : this.lastHash,
    };
  }
}

export function verifyChain(stream: string, events: readonly RecordedEvent[]): ChainReport {
  const verifier = new ChainVerifier(stream);
  for (const event of events) verifier.add(event);
  return verifier.report();
}
