import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '../event-store/event-store.port.js';
import type { EventStore } from '../event-store/event-store.port.js';
import { ChainVerifier } from './chain-verification.js';
import type { ChainReport } from './chain-verification.js';

export interface LedgerIntegrityReport {
  readonly streams: number;
  readonly events: number;
  readonly valid: boolean;
  /** Every stream whose chain breaks, with its first broken revision. */
  readonly broken: ChainReport[];
}

/**
 * Recomputes every hash chain from the global log in one pass, so it works
 * the same on any store and notices events missing or out of order as well
 * as edited ones.
 */
@Injectable()
export class IntegrityService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async verifyAll(streamPrefix: string, onProgress?: (position: bigint, head: bigint) => void): Promise<LedgerIntegrityReport> {
    const head = await this.store.headPosition();
    const verifiers = new Map<string, ChainVerifier>();
    let events = 0;
    let after = 0n;
    while (after < head) {
      const batch = await this.store.readAll({ after, maxCount: 5000 });
      if (batch.length === 0) break;
      after = batch[batch.length - 1].position;
      for (const event of batch) {
        if (!event.streamName.startsWith(streamPrefix)) continue;
        let verifier = verifiers.get(event.streamName);
        if (!verifier) {
          verifier = new ChainVerifier(event.streamName);
          verifiers.set(event.streamName, verifier);
        }
        verifier.add(event);
        events += 1;
      }
      onProgress?.(after, head);
    }
    const broken = [...verifiers.values()].map((v) => v.report()).filter((r) => !r.valid);
    return { streams: verifiers.size, events, valid: broken.length === 0, broken };
  }
}
