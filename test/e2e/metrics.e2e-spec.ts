import { draftBody } from '../support/fixtures.js';
import { startTestApp, tokenFor } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

/** The value of one series in a Prometheus text exposition, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('Prometheus metrics (e2e)', () => {
  describe('public (METRICS_PUBLIC=true, the default)', () => {
    let api: TestApp;
    let text: string;

    beforeAll(async () => {
      api = await startTestApp();
      const drafted = await api.request('POST', '/assessments', { body: draftBody() });
      const id = drafted.body.assessmentId;
      const change = { confidence: 'high', basis: 'new-information', rationale: 'Confirmed by a second source.', expectedRevision: 0 };
      const changed = await api.request('POST', `/assessments/${id}/confidence`, { body: change });
      expect(changed.status).toBe(200);
      // The same change against the revision it has moved past: a conflict.
      expect((await api.request('POST', `/assessments/${id}/confidence`, { body: change })).status).toBe(409);
      // Alice made the last change, so she may not publish it (four eyes).
      expect((await api.request('POST', `/assessments/${id}/publish`, { body: { rationale: 'r', expectedRevision: 1 } })).status).toBe(422);
      const unknown = '5d2f6b9e-8a41-4f0c-b6d3-7e9a1c2b4f58';
      expect((await api.request('POST', `/assessments/${unknown}/withdraw`, { body: { rationale: 'r', expectedRevision: 0 } })).status).toBe(404);
      // Refused by the request validation before any command is sent: an HTTP metric, not a command one.
      expect((await api.request('POST', '/assessments', { body: { statement: 'only a statement' } })).status).toBe(400);
      // After the last write, so the read models cannot move between the two lists.
      await api.request('GET', `/assessments?minPosition=${changed.body.position}`);
      // The same list again, with no write in between: answered from the list cache.
      await api.request('GET', `/assessments?minPosition=${changed.body.position}`);

      const response = await api.request('GET', '/metrics', { actor: null });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      text = response.body;
    });
    afterAll(() => api.destroy());

    it('counts commands by type and result', () => {
      expect(sample(text, 'ledger_commands_total{command="DraftAssessment",result="ok"}')).toBe(1);
      expect(sample(text, 'ledger_commands_total{command="ChangeConfidence",result="ok"}')).toBe(1);
      expect(sample(text, 'ledger_commands_total{command="ChangeConfidence",result="conflict"}')).toBe(1);
      expect(sample(text, 'ledger_commands_total{command="PublishAssessment",result="422"}')).toBe(1);
      expect(sample(text, 'ledger_commands_total{command="WithdrawAssessment",result="404"}')).toBe(1);
      expect(text).not.toMatch(/ledger_commands_total\{[^}]*result="400"/);
    });

    it('times commands in a histogram', () => {
      expect(text).toMatch(/# TYPE ledger_command_duration_seconds histogram/);
      expect(sample(text, 'ledger_command_duration_seconds_count{command="DraftAssessment",result="ok"}')).toBe(1);
      expect(sample(text, 'ledger_command_duration_seconds_bucket{le="+Inf",command="ChangeConfidence",result="conflict"}')).toBe(1);
    });

    it('reports group-commit batch sizes and events appended', () => {
      expect(text).toMatch(/# TYPE ledger_event_store_commit_batch_size histogram/);
      expect(sample(text, 'ledger_event_store_commit_batch_size_count')).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'ledger_events_appended_total')).toBe(2);
    });

    it('reports the head of the log and where the read models stand against it', () => {
      expect(sample(text, 'ledger_event_store_head_position')).toBe(2);
      expect(sample(text, 'ledger_projection_position')).toBe(2);
      expect(sample(text, 'ledger_projection_lag')).toBe(0);
      expect(sample(text, 'ledger_projection_running')).toBe(1);
    });

    it('counts hits and misses of the list and token caches', () => {
      expect(sample(text, 'ledger_cache_lookups_total{cache="list",result="miss"}')).toBe(1);
      expect(sample(text, 'ledger_cache_lookups_total{cache="list",result="hit"}')).toBe(1);
      // Eight requests above carried a bearer token (the test client mints one per second): each
      // token is verified on its first use and remembered after.
      const tokenMisses = sample(text, 'ledger_cache_lookups_total{cache="token",result="miss"}') ?? 0;
      const tokenHits = sample(text, 'ledger_cache_lookups_total{cache="token",result="hit"}') ?? 0;
      expect(tokenMisses).toBeGreaterThanOrEqual(1);
      expect(tokenHits).toBeGreaterThanOrEqual(1);
      expect(tokenMisses + tokenHits).toBe(8);
    });

    it('counts HTTP requests by route pattern and status, and carries the Node.js process series', () => {
      expect(sample(text, 'ledger_http_requests_total{method="POST",route="/assessments",status="201"}')).toBe(1);
      expect(sample(text, 'ledger_http_requests_total{method="POST",route="/assessments",status="400"}')).toBe(1);
      expect(sample(text, 'ledger_http_requests_total{method="POST",route="/assessments/:id/confidence",status="409"}')).toBe(1);
      expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
      expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    });
  });

  it('answers admins only with METRICS_PUBLIC=false', async () => {
    const api = await startTestApp(undefined, { metricsPublic: false });
    expect((await api.request('GET', '/metrics', { actor: null })).status).toBe(401);
    expect((await api.request('GET', '/metrics', { token: tokenFor('alice', { roles: ['analyst'] }) })).status).toBe(403);
    const admin = await api.request('GET', '/metrics', { token: tokenFor('ops', { roles: ['admin'] }) });
    expect(admin.status).toBe(200);
    expect(admin.body).toMatch(/# TYPE ledger_commands_total counter/);
    await api.destroy();
  });
});
