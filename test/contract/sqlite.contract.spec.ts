import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-contract-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let file = '';
eventStoreContract('SQLite (embedded)', {
  open: async () => {
    file = join(dir, `events-${Date.now()}-${Math.random()}.sqlite`);
    return new SqliteEventStore({ filename: file });
  },
  reopen: async () => new SqliteEventStore({ filename: file }),
});
