import { KurrentDbEventStore } from '../../../src/event-store/kurrentdb/kurrentdb-event-store.js';
import { eventStoreContract } from '../../contract/event-store.contract.js';
import { FakeKurrentDbClient } from './fake-kurrentdb-client.js';

// The contract suite through the adapter's mapping, with the fake in place of
// a server: it cannot prove what KurrentDB does (the real run needs
// EVENTSTORE_URL), but it proves the adapter keeps the port's promises given
// the client behaviour the fake reproduces.
let client = new FakeKurrentDbClient();
eventStoreContract('KurrentDB adapter on a fake client', {
  open: async () => {
    client = new FakeKurrentDbClient();
    return new KurrentDbEventStore(client);
  },
  reopen: async () => new KurrentDbEventStore(client),
});
