import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ASSESSMENT_SNAPSHOTS, SNAPSHOT_EVERY } from '../../src/assessments/application/assessment-snapshots.js';
import type { AssessmentSnapshots } from '../../src/assessments/application/assessment-snapshots.js';
import { ReadModelDatabase } from '../../src/projections/read-model-database.js';
import { draftBody } from '../support/fixtures.js';
import { dumpReadModels } from '../support/projection-stack.js';
import { get, post, runScript, startServer, writeLoad } from '../support/server-process.js';
import type { ServerProcess } from '../support/server-process.js';
import { startTestApp, tempDataDir, tokenFor } from '../support/test-app.js';
import { until } from '../support/until.js';

/** Every acknowledged change must be there, at at least the acknowledged revision. */
async function expectAcknowledged(url: string, acknowledged: Map<string, number>) {
  for (const [id, revision] of acknowledged) {
    const res = await get(url, `/assessments/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.revision).toBeGreaterThanOrEqual(revision);
  }
}

/** Fixed, not random: a different moment in each run, and the same runs every time. */
const KILL_JITTER_MS = [0, 173, 59, 311];


describe('Restarts, crashes and shutdowns (e2e, real server processes)', () => {
  it('keeps every change across a graceful close and reopen of the app', async () => {
    const dataDir = tempDataDir();
    let api = await startTestApp(dataDir);
    const { assessmentId: id } = (await api.request('POST', '/assessments', { body: draftBody() })).body;
    await api.request('POST', `/assessments/${id}/confidence`, {
      body: { confidence: 'high', basis: 'new-information', rationale: 'r', expectedRevision: 0 },
    });
    await api.stop();
    api = await startTestApp(dataDir);
    const read = await api.request('GET', `/assessments/${id}`);
    expect(read.body).toMatchObject({ revision: 1, confidence: 'high' });
    await api.destroy();
  });

  it('after a restart, loads a long assessment from the snapshot the projector stored, and answers as before', async () => {
    const dataDir = tempDataDir();
    let api = await startTestApp(dataDir);
    const { assessmentId: id } = (await api.request('POST', '/assessments', { body: draftBody() })).body;
    let position = '0';
    for (let revision = 0; revision < SNAPSHOT_EVERY + 5; revision++) {
      const res = await api.request('POST', `/assessments/${id}/likelihood`, {
        body: { likelihood: { probability: ((revision % 90) + 5) / 100 }, basis: 'new-information', rationale: `step ${revision}`, expectedRevision: revision },
      });
      expect(res.status).toBe(200);
      position = res.body.position;
    }
    expect((await api.request('GET', `/assessments?limit=1&minPosition=${position}`)).status).toBe(200);
    const before = (await api.request('GET', `/assessments/${id}`)).body;
    const asOfBefore = (await api.request('GET', `/assessments/${id}?revision=${SNAPSHOT_EVERY}`)).body;
    await api.stop();

    api = await startTestApp(dataDir);
    const snapshots = api.app.get<symbol, AssessmentSnapshots>(ASSESSMENT_SNAPSHOTS);
    expect(snapshots.latestWithin(id, { kind: 'head' })).toMatchObject({ revision: SNAPSHOT_EVERY - 1 });
    expect((await api.request('GET', `/assessments/${id}`)).body).toEqual(before);
    expect((await api.request('GET', `/assessments/${id}?revision=${SNAPSHOT_EVERY}`)).body).toEqual(asOfBefore);
    await api.destroy();
  });

  it('after SIGKILL at moments spread over four runs under concurrent load: acknowledged commands are all there, chains verify, read models equal a rebuild', async () => {
    const dataDir = tempDataDir();
    const acknowledged = new Map<string, number>();
    try {
      for (let round = 0; round < 4; round++) {
        const server = await startServer(dataDir);
        const load = writeLoad(server.url, 8);
        // Some commands acknowledged first (however slow the machine), then the kill at a moment that differs by round.
        await until(() => load.acknowledged.size >= 3, 15_000);
        await new Promise((r) => setTimeout(r, KILL_JITTER_MS[round]));
        server.child.kill('SIGKILL');
        await server.exited;
        await load.stop();
        for (const [id, revision] of load.acknowledged) acknowledged.set(id, Math.max(revision, acknowledged.get(id) ?? -1));
      }
      expect(acknowledged.size).toBeGreaterThanOrEqual(12);

      const server = await startServer(dataDir);
      await expectAcknowledged(server.url, acknowledged);
      // No torn write: each stream runs revision 0, 1, … with every hash linking to the one before.
      const head = (await get(server.url, '/health')).body.position;
      const caughtUp = await get(server.url, `/assessments?limit=1&minPosition=${head}`);
      expect(caughtUp.status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      const verified = runScript('verify-ledger.js', dataDir);
      expect(verified.stdout).toMatch(/ledger verified/);
      expect(verified.status).toBe(0);

      // The read models the crashed runs built incrementally equal a rebuild from position 0.
      const incremental = new ReadModelDatabase(join(dataDir, 'read-models.sqlite'));
      const before = dumpReadModels(incremental);
      incremental.close();
      const rebuilt = runScript('rebuild-projections.js', dataDir);
      expect(rebuilt.status).toBe(0);
      const after = new ReadModelDatabase(join(dataDir, 'read-models.sqlite'));
      expect(dumpReadModels(after)).toEqual(before);
      after.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('one service per data directory: a second one refuses to start while the first runs, and starts once the first was killed', async () => {
    const dataDir = tempDataDir();
    const started: ServerProcess[] = [];
    const start = async () => {
      const server = await startServer(dataDir);
      started.push(server);
      return server;
    };
    try {
      const first = await start();
      const refused = await start().then(
        () => null,
        (error: Error) => error,
      );
      expect(refused?.message).toMatch(/server exited early \(2\).*is in use by another process \(pid \d+\).*DATA_DIR of its own/s);
      // The refused one touched nothing: the first still serves.
      expect((await get(first.url, '/health')).status).toBe(200);

      // A crash leaves no stale lock behind: the operating system drops it with the process.
      first.child.kill('SIGKILL');
      await first.exited;
      const third = await start();
      expect((await get(third.url, '/health')).status).toBe(200);
      third.child.kill('SIGTERM');
      expect(await third.exited).toBe(0);
    } finally {
      for (const server of started) server.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('read models of an older layout: a tool beside them refuses and leaves them; the service replaces them and projects the log again', async () => {
    const dataDir = tempDataDir();
    try {
      const first = await startServer(dataDir);
      const drafted = await post(first.url, '/assessments', draftBody());
      expect(drafted.status).toBe(201);
      await until(async () => (await get(first.url, `/assessments?minPosition=${drafted.body.position}`)).body.total === 1, 10_000);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      // As a version before layouts were numbered left it.
      const old = new ReadModelDatabase(join(dataDir, 'read-models.sqlite'));
      old.db.pragma('user_version = 0');
      old.close();

      const verify = runScript('verify-ledger.js', dataDir);
      expect(verify.status).not.toBe(0);
      expect(verify.stderr + verify.stdout).toMatch(/holds read models of layout 0; this version writes layout \d+/);

      const again = await startServer(dataDir);
      // fetch may hand the first request a pooled connection to the stopped process (same port): reset, and asked again.
      const listed = () => get(again.url, `/assessments?minPosition=${drafted.body.position}`).catch(() => null);
      await until(async () => (await listed())?.body.total === 1, 10_000);
      expect(again.output()).toMatch(/read models of layout 0 were removed/);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('on SIGTERM finishes the commands in flight, then exits 0 with everything acknowledged stored', async () => {
    const dataDir = tempDataDir();
    try {
      const server = await startServer(dataDir);
      const load = writeLoad(server.url, 8);
      await until(() => load.acknowledged.size >= 6, 15_000);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      await load.stop();
      expect(server.output()).toMatch(/shut down cleanly/);
      expect(load.acknowledged.size).toBeGreaterThan(5);

      const again = await startServer(dataDir);
      await expectAcknowledged(again.url, load.acknowledged);
      again.child.kill('SIGTERM');
      await again.exited;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('on SIGTERM cuts the connections still open after SHUTDOWN_GRACE_MS, then closes the stores and exits 0', async () => {
    const dataDir = tempDataDir();
    let server: ServerProcess | undefined;
    let trickle: ReturnType<typeof connect> | undefined;
    try {
      server = await startServer(dataDir, { SHUTDOWN_GRACE_MS: '300', LOG_LEVEL: 'debug' });
      const requestsBegun = () => server!.output().split('"incoming request"').length - 1;
      const { assessmentId } = (await post(server.url, '/assessments', draftBody())).body;
      // A client that sends its headers and the start of its body, then nothing: its request never ends.
      const { hostname, port } = new URL(server.url);
      trickle = connect({ host: hostname, port: Number(port) });
      await new Promise<void>((resolve, reject) => trickle!.once('connect', resolve).once('error', reject));
      trickle.on('error', () => undefined);
      const cut = new Promise<void>((resolve) => trickle!.once('close', () => resolve()));
      trickle.write(`POST /assessments HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${tokenFor('alice')}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"statement":`);
      // Once the server has begun the request the connection is busy (Fastify's close ends idle ones itself).
      await until(() => requestsBegun() === 2, 10_000);

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      await cut;
      expect(server.output()).toMatch(/grace of 300 ms over: cutting 1 connection still open/);
      expect(server.output()).toMatch(/shut down cleanly/);

      const again = await startServer(dataDir);
      expect((await get(again.url, `/assessments/${assessmentId}`)).status).toBe(200);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    } finally {
      trickle?.destroy();
      server?.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('gives a client REQUEST_TIMEOUT_MS to send its whole request (Fastify sets no limit of its own)', async () => {
    const api = await startTestApp(undefined, { requestTimeoutMs: 4321 });
    try {
      expect(api.app.getHttpServer().requestTimeout).toBe(4321);
    } finally {
      await api.destroy();
    }
  });
});
