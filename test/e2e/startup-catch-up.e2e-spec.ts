import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHistory } from '../../bench/lib/generate-history.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { startServer } from '../support/server-process.js';
import type { ServerProcess } from '../support/server-process.js';
import { until } from '../support/until.js';

describe('A service starting on a long log (e2e, real server process)', () => {
  let dir: string;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-startup-'));
    // A log the read models have never seen: the service projects all of it after it starts.
    const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'OFF' });
    await generateHistory(store, 4_000, 10);
    await store.close();
  }, 60_000);
  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers its health probes while it catches up, readiness reporting the lag until it is done', async () => {
    server = await startServer(dir, { READY_MAX_LAG: '100' });
    const first = await fetch(`${server.url}/health/ready`);
    const body = (await first.json()) as { details?: { projections?: { lag?: string } } };
    expect({ status: first.status, behind: BigInt(body.details?.projections?.lag ?? '0') > 100n }).toEqual({ status: 503, behind: true });
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    await until(async () => (await fetch(`${server!.url}/health/ready`)).status === 200, 60_000);
  }, 90_000);
});
