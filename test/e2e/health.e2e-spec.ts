import { EVENT_STORE } from '../../src/event-store/event-store.port.js';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import { draftBody } from '../support/fixtures.js';
import { startTestApp, tempDataDir } from '../support/test-app.js';

describe('Health probes (e2e)', () => {
  it('GET /health answers as it always did: public, { status, position }', async () => {
    const api = await startTestApp();
    await api.request('POST', '/assessments', { body: draftBody() });
    const health = await api.request('GET', '/health', { actor: null });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', position: '1' });
    await api.destroy();
  });

  it('/health/live and /health/ready answer without a token while the store answers and the read models keep up', async () => {
    const api = await startTestApp();
    const drafted = await api.request('POST', '/assessments', { body: draftBody() });
    await api.request('GET', `/assessments?minPosition=${drafted.body.position}`);

    const live = await api.request('GET', '/health/live', { actor: null });
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');

    const ready = await api.request('GET', '/health/ready', { actor: null });
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.details.eventStore).toEqual(expect.objectContaining({ status: 'up', head: '1' }));
    expect(ready.body.details.projections).toEqual(
      expect.objectContaining({ status: 'up', position: '1', head: '1', lag: '0', maxLag: 1000, running: true }),
    );
    await api.destroy();
  });

  it('/health/ready turns 503 when the read models trail the log by more than READY_MAX_LAG, and back once they catch up', async () => {
    const dataDir = tempDataDir();
    // No projection runner: the events below stay unprojected.
    let api = await startTestApp(dataDir, { runProjections: false, readyMaxLag: 2 });
    for (let i = 0; i < 3; i++) expect((await api.request('POST', '/assessments', { body: draftBody() })).status).toBe(201);

    const lagging = await api.request('GET', '/health/ready', { actor: null });
    expect(lagging.status).toBe(503);
    expect(lagging.headers.get('retry-after')).toBe('1');
    expect(lagging.body).toEqual(
      expect.objectContaining({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'not ready: projections',
        status: 'error',
        failing: { projections: expect.objectContaining({ status: 'down', position: '0', head: '3', lag: '3', maxLag: 2, running: false }) },
      }),
    );
    expect(lagging.body.details.eventStore.status).toBe('up');
    // Liveness does not depend on the read models.
    expect((await api.request('GET', '/health/live', { actor: null })).status).toBe(200);
    await api.stop();

    api = await startTestApp(dataDir, { readyMaxLag: 2 });
    await api.request('GET', '/assessments?minPosition=3');
    expect((await api.request('GET', '/health/ready', { actor: null })).status).toBe(200);
    await api.destroy();
  });

  it('/health/ready turns 503 when the event store no longer answers, while /health/live stays up', async () => {
    // Without the live runner: closing the store under a running one is not what a test of the probe needs.
    const api = await startTestApp(undefined, { runProjections: false });
    await api.app.get<EventStore>(EVENT_STORE).close();

    const ready = await api.request('GET', '/health/ready', { actor: null });
    expect(ready.status).toBe(503);
    expect(ready.body.failing.eventStore).toEqual(expect.objectContaining({ status: 'down', message: expect.stringMatching(/closed/) }));
    expect(ready.body.failing.projections).toEqual(expect.objectContaining({ status: 'down' }));
    expect((await api.request('GET', '/health/live', { actor: null })).status).toBe(200);
    await api.destroy();
  });
});
