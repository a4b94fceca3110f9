import { ChainVerifier } from '../../src/integrity/chain-verification.js';
import type { ChainBreak } from '../../src/integrity/chain-verification.js';
import type { RecordedEvent } from '../../src/event-store/event-store.port.js';
import { LedgerFileError } from './ledger-file.js';

const BREAKS: Record<ChainBreak, string> = {
  'hash-mismatch': 'its hash does not match its content (the event was altered)',
  'broken-link': 'its prevHash does not name the previous event’s hash (an event was removed, inserted or moved)',
  'revision-gap': 'its revision does not follow the previous one of its stream',
  unhashed: 'it carries no hash',
};

/**
 * Checks a ledger file event by event, in file order, before anything is
 * written: positions rise, ids are unique, every stream's revisions run
 * 0, 1, 2, … and, for hash-chained streams, every hash and link holds
 * (ChainVerifier, as `npm run verify` checks the store). The first line that
 * fails is named.
 */
export class LedgerFileCheck {
  private readonly chains = new Map<string, ChainVerifier>();
  private readonly nextRevision = new Map<string, number>();
  private readonly ids = new Set<string>();
  private lastPosition = 0n;
  private count = 0;

  constructor(private readonly isChained: (stream: string) => boolean) {}

  add(event: RecordedEvent, line: number): void {
    if (event.position <= this.lastPosition) {
      throw new LedgerFileError(line, `position ${event.position} does not follow ${this.lastPosition} (events out of order)`);
    }
    this.lastPosition = event.position;
    if (this.ids.has(event.id)) throw new LedgerFileError(line, `event id ${event.id} appears twice`);
    this.ids.add(event.id);
    const expected = this.nextRevision.get(event.streamName) ?? 0;
    if (event.revision !== expected) {
      throw new LedgerFileError(line, `${event.streamName} revision ${event.revision} where ${expected} was expected (an event missing or out of order)`);
    }
    this.nextRevision.set(event.streamName, expected + 1);
    if (this.isChained(event.streamName)) {
      let chain = this.chains.get(event.streamName);
      if (!chain) this.chains.set(event.streamName, (chain = new ChainVerifier(event.streamName)));
      chain.add(event);
      const report = chain.report();
      if (!report.valid) {
        throw new LedgerFileError(line, `${event.streamName} revision ${event.revision}: ${BREAKS[report.reason!]}`);
      }
    }
    this.count += 1;
  }

  get events(): number {
    return this.count;
  }

  get streams(): number {
    return this.nextRevision.size;
  }

  get chainedStreams(): number {
    return this.chains.size;
  }
}
