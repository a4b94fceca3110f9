import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

const url = process.env.EVENTSTORE_URL?.trim();

if (url) {
  // Every test uses new stream names, so a shared server needs no cleaning;
  // reopen is a new connection to the same server.
  eventStoreContract(`KurrentDB (${url.replace(/\/\/[^@/]*@/, '//***@')})`, {
    open: async () => KurrentDbEventStore.connect(url),
    reopen: async () => KurrentDbEventStore.connect(url),
  });
} else {
  // One line in the run's output instead of a skipped test: the house rule is
  // that no test is left skipped, and the reason should be visible.
  process.stderr.write(
    'KurrentDB contract run skipped: EVENTSTORE_URL is not set (no KurrentDB server). ' +
      'To run it: docker compose up -d kurrentdb, then EVENTSTORE_URL=kurrentdb://localhost:2113?tls=false npm test\n',
  );
  describe('EventStore contract: KurrentDB', () => {
    it('KurrentDB contract: not run — EVENTSTORE_URL is not set (no KurrentDB server on this machine)', () => {
      expect(process.env.EVENTSTORE_URL?.trim() || undefined).toBeUndefined();
    });
  });
}
