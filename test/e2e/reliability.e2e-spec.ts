import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { AssessmentCommandsController } from '../../src/assessments/http/assessment-commands.controller.js';
import { AssessmentDissentsController } from '../../src/assessments/http/assessment-dissents.controller.js';
import { AssessmentTradecraftController } from '../../src/assessments/http/assessment-tradecraft.controller.js';
import { IfMatchInterceptor, NoIfMatchInterceptor } from '../../src/common/http/if-match.interceptor.js';
import { IdempotencyInterceptor } from '../../src/idempotency/idempotency.interceptor.js';
import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp, tokenFor } from '../support/test-app.js';

describe('Reliability (e2e): idempotency keys and rate limits', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.destroy());

  const history = async (id: string) => (await api.request('GET', `/assessments/${id}/history`)).body.events;

  it('a retry with the same key and body returns the first answer and appends nothing', async () => {
    const headers = { 'idempotency-key': 'draft-2023-escalation' };
    const first = await api.request('POST', '/assessments', { body: draftBody(), headers });
    const retry = await api.request('POST', '/assessments', { body: draftBody(), headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await history(first.body.assessmentId)).toHaveLength(1);
    const all = (await api.request('GET', `/assessments?minPosition=${first.body.position}`)).body;
    expect(all.total).toBe(1);

    const change = { confidence: 'high', basis: 'new-information', rationale: 'r', expectedRevision: 0 };
    const changeHeaders = { 'idempotency-key': 'raise-confidence-1' };
    const applied = await api.request('POST', `/assessments/${first.body.assessmentId}/confidence`, { body: change, headers: changeHeaders });
    const again = await api.request('POST', `/assessments/${first.body.assessmentId}/confidence`, { body: change, headers: changeHeaders });
    expect(applied.status).toBe(200);
    expect(again.body).toEqual(applied.body);
    expect(await history(first.body.assessmentId)).toHaveLength(2);
  });

  it('every command route honours the key, the tradecraft and dissent ones too', async () => {
    const post = (path: string) => (c: { prototype: object }, name: string) => ({ path, name, handler: (c.prototype as Record<string, object>)[name] });
    const routes = [AssessmentCommandsController, AssessmentTradecraftController, AssessmentDissentsController].flatMap((controller) =>
      Object.getOwnPropertyNames(controller.prototype)
        .map((name) => post(Reflect.getMetadata(PATH_METADATA, controller) as string)(controller, name))
        .filter(({ handler }) => typeof handler === 'function' && Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST),
    );
    expect(routes.length).toBe(21);
    for (const { path, name, handler } of routes) {
      const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []) as unknown[];
      // Every change but the draft (made against no revision) takes If-Match too.
      const ifMatch = name === 'draft' ? NoIfMatchInterceptor : IfMatchInterceptor;
      expect({ path, name, idempotent: interceptors.includes(IdempotencyInterceptor), ifMatch: interceptors.includes(ifMatch) }).toEqual({
        path,
        name,
        idempotent: true,
        ifMatch: true,
      });
    }

    // And over HTTP, on a route of another controller than the draft's.
    const { assessmentId } = (await api.request('POST', '/assessments', { body: draftBody() })).body;
    const evidence = { title: 'Battalion redeployed', source: 'Imagery', reliability: 'B', credibility: 2, bearing: 'supports', rationale: 'r' };
    const headers = { 'idempotency-key': 'link-imagery-1' };
    const first = await api.request('POST', `/assessments/${assessmentId}/evidence`, { body: { ...evidence, expectedRevision: 0 }, headers });
    const retry = await api.request('POST', `/assessments/${assessmentId}/evidence`, { body: { ...evidence, expectedRevision: 0 }, headers });
    expect(first.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await history(assessmentId)).toHaveLength(2);
  });

  it('the same key with a different body is refused with 422, and changes nothing', async () => {
    const headers = { 'idempotency-key': 'key-used-twice' };
    const first = await api.request('POST', '/assessments', { body: draftBody(), headers });
    const other = await api.request('POST', '/assessments', { body: draftBody({ statement: 'Something else.' }), headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    expect(await history(first.body.assessmentId)).toHaveLength(1);
  });

  it('requests with one key sent side by side: one is the original, every other one replays it', async () => {
    const headers = { 'idempotency-key': 'sent-six-times-at-once' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.request('POST', '/assessments', { body: draftBody({ statement: 'Sent six times.' }), headers })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    expect(await history(answers[0].body.assessmentId)).toHaveLength(1);
  });

  it('requests with one key and different bodies sent side by side: one is applied, the other refused', async () => {
    const { assessmentId } = (await api.request('POST', '/assessments', { body: draftBody() })).body;
    const headers = { 'idempotency-key': 'two-bodies-at-once' };
    const change = (confidence: string) => ({ confidence, basis: 'new-information', rationale: 'r', expectedRevision: 0 });
    const [high, low] = await Promise.all([
      api.request('POST', `/assessments/${assessmentId}/confidence`, { body: change('high'), headers }),
      api.request('POST', `/assessments/${assessmentId}/confidence`, { body: change('low'), headers }),
    ]);
    expect([high.status, low.status].sort()).toEqual([200, 422]);
    const refused = high.status === 422 ? high : low;
    expect(refused.body.code).toBe('idempotency-key-reused');
    const applied = high.status === 200 ? 'high' : 'low';
    expect((await api.request('GET', `/assessments/${assessmentId}`)).body.confidence).toBe(applied);
    expect(await history(assessmentId)).toHaveLength(2);
  });

  it('keys belong to their subject: the same key from someone else is another command', async () => {
    const headers = { 'idempotency-key': 'shared-looking-key' };
    const alice = await api.request('POST', '/assessments', { actor: 'alice', body: draftBody(), headers });
    const carol = await api.request('POST', '/assessments', { actor: 'carol', body: draftBody({ statement: 'Carol numbers her requests too.' }), headers });
    expect([alice.status, carol.status]).toEqual([201, 201]);
    expect(carol.body.assessmentId).not.toBe(alice.body.assessmentId);
    // The same on a change: two clients that both number their requests "1".
    const change = { confidence: 'high', basis: 'new-information', rationale: 'r', expectedRevision: 0 };
    const one = { 'idempotency-key': '1' };
    const byAlice = await api.request('POST', `/assessments/${alice.body.assessmentId}/confidence`, { actor: 'alice', body: change, headers: one });
    const byCarol = await api.request('POST', `/assessments/${carol.body.assessmentId}/confidence`, { actor: 'carol', body: change, headers: one });
    expect([byAlice.status, byCarol.status]).toEqual([200, 200]);
    expect(await history(carol.body.assessmentId)).toHaveLength(2);
  });

  it('keys survive a restart', async () => {
    const headers = { 'idempotency-key': 'before-restart' };
    const first = await api.request('POST', '/assessments', { body: draftBody(), headers });
    await api.stop();
    api = await startTestApp(api.dataDir);
    const retry = await api.request('POST', '/assessments', { body: draftBody(), headers });
    expect(retry.body).toEqual(first.body);
    expect(await history(first.body.assessmentId)).toHaveLength(1);
  });

  it('a retry after the answer was lost is recognised from the events the key produced', async () => {
    // As if the first attempt was applied but the process died before answering:
    // the command's events are in the stream, its recorded answer is not.
    const draft = (await api.request('POST', '/assessments', { body: draftBody() })).body;
    const { AssessmentCommandExecutor } = await import('../../src/assessments/application/assessment-command.executor.js');
    const executor = api.app.get(AssessmentCommandExecutor);
    const meta = { actor: 'alice', correlationId: 'lost-answer', idempotencyKey: 'lost-answer-key' };
    const command = { type: 'ChangeConfidence' as const, data: { confidence: 'low' as const, basis: 'correction' as const, rationale: 'r' } };
    const applied = await executor.execute(draft.assessmentId, command, meta, 0);
    const retry = await api.request('POST', `/assessments/${draft.assessmentId}/confidence`, {
      body: { confidence: 'low', basis: 'correction', rationale: 'r', expectedRevision: 0 },
      headers: { 'idempotency-key': 'lost-answer-key' },
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(applied);
    expect(await history(draft.assessmentId)).toHaveLength(2);
  });

  it('If-Match gives the revision a change is made against; a stale one is a conflict, a disagreeing or malformed one a 400', async () => {
    const { assessmentId } = (await api.request('POST', '/assessments', { body: draftBody() })).body;
    const read = await api.request('GET', `/assessments/${assessmentId}`);
    const etag = read.headers.get('etag')!;
    expect(etag).toBe('"0"');
    const change = (headers: Record<string, string>, body: Record<string, unknown> = {}) =>
      api.request('POST', `/assessments/${assessmentId}/confidence`, { headers, body: { confidence: 'high', basis: 'new-reasoning', rationale: 'Corroborated.', ...body } });

    const applied = await change({ 'if-match': etag });
    expect(applied.status).toBe(200);
    expect(applied.body.revision).toBe(1);
    // The ETag read before that change is stale now: 409 with the current revision, as for expectedRevision.
    const stale = await change({ 'if-match': etag }, { confidence: 'low' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentRevision).toBe(1);
    const disagreeing = await change({ 'if-match': '"1"' }, { confidence: 'low', expectedRevision: 0 });
    expect(disagreeing.status).toBe(400);
    expect(disagreeing.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    for (const malformed of ['1', 'W/"1"', '"1", "2"', '"-1"']) {
      const res = await change({ 'if-match': malformed }, { confidence: 'low' });
      expect({ malformed, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ malformed, status: 400, field: 'If-Match' });
    }
    // Agreeing with the body, or * (any revision: the body's counts), changes nothing in how it is judged.
    expect((await change({ 'if-match': '"1"' }, { confidence: 'low', expectedRevision: 1 })).status).toBe(200);
    expect((await change({ 'if-match': '*' }, { confidence: 'moderate', expectedRevision: 2 })).status).toBe(200);
    expect(await history(assessmentId)).toHaveLength(4);

    // With an Idempotency-Key, a retry is the same request whether it gave the revision in If-Match or in the
    // body; the same key asking for another revision is another request (422).
    const key = { 'idempotency-key': 'if-match-retry-1' };
    const first = await change({ ...key, 'if-match': '"3"' }, { confidence: 'low' });
    expect(first.status).toBe(200);
    const retried = await change(key, { confidence: 'low', expectedRevision: 3 });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect((await change({ ...key, 'if-match': '"4"' }, { confidence: 'low' })).status).toBe(422);
    expect(await history(assessmentId)).toHaveLength(5);

    // No body at all: the header still gives the revision, so the 400 names what is missing, not expectedRevision.
    const bodiless = await api.request('POST', `/assessments/${assessmentId}/publish`, { headers: { 'if-match': '"5"' } });
    expect(bodiless.status).toBe(400);
    expect(bodiless.body.errors.map((e: { field: string }) => e.field)).toEqual(['rationale']);

    // A draft names no revision: If-Match on it is a mistaken request, refused rather than ignored.
    const drafted = await api.request('POST', '/assessments', { headers: { 'if-match': '"0"' }, body: draftBody() });
    expect(drafted.status).toBe(400);
    expect(drafted.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
  });

  it('rate limits each subject with 429 and Retry-After', async () => {
    const limited = await startTestApp(undefined, { rateLimitPerMinute: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await limited.request('GET', '/assessments', { token: tokenFor('busy') })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const blocked = await limited.request('GET', '/assessments', { token: tokenFor('busy') });
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another subject still gets through.
      expect((await limited.request('GET', '/assessments', { token: tokenFor('calm') })).status).toBe(200);
    } finally {
      await limited.destroy();
    }
  });
});
