import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp, tokenFor } from '../support/test-app.js';

describe('Bad input is refused with a 4xx naming the field, and changes nothing (e2e)', () => {
  let api: TestApp;
  let id: string;
  let positionBefore: string;

  beforeAll(async () => {
    api = await startTestApp(undefined, { bodyLimit: 16 * 1024 });
    id = (await api.request('POST', '/assessments', { body: draftBody() })).body.assessmentId;
    positionBefore = (await api.request('GET', '/health')).body.position;
  });
  afterAll(async () => {
    // Every case below was rejected: the log must be exactly as it was.
    expect((await api.request('GET', '/health')).body.position).toBe(positionBefore);
    expect((await api.request('GET', `/assessments/${id}/history`)).body.events).toHaveLength(1);
    await api.destroy();
  });

  const draftCases: [string, string, Record<string, unknown>][] = [
    ['unknown scale', 'likelihood.scale', { likelihood: { scale: 'kent', term: 'likely' } }],
    ['term not in its scale', 'likelihood.term', { likelihood: { scale: 'nta', term: 'very-likely' } }],
    ['probability above 1', 'likelihood.probability', { likelihood: { probability: 1.5 } }],
    ['probability below 0', 'likelihood.probability', { likelihood: { probability: -0.01 } }],
    ['probability as a string', 'likelihood.probability', { likelihood: { probability: '0.3' } }],
    ['probability and term together', 'likelihood.probability', { likelihood: { scale: 'nta', term: 'likely', probability: 0.6 } }],
    ['empty likelihood', 'likelihood.scale', { likelihood: {} }],
    ['unknown confidence', 'confidence', { confidence: 'very high' }],
    ['empty rationale', 'rationale', { rationale: '' }],
    ['blank rationale', 'rationale', { rationale: '   ' }],
    ['missing statement', 'statement', { statement: undefined }],
    ['statement too long', 'statement', { statement: 'x'.repeat(2001) }],
    ['malformed effectiveAt', 'effectiveAt', { effectiveAt: '5 February 2023' }],
    ['impossible date', 'effectiveAt', { effectiveAt: '2023-02-30T00:00:00Z' }],
    ['effectiveAt in the future', 'effectiveAt', { effectiveAt: '2999-01-01T00:00:00Z' }],
    ['unknown horizon term', 'horizon.term', { horizon: { term: 'mid-term' } }],
    ['horizon end before start', 'horizon.end', { horizon: { start: '2023-02-05', end: '2022-01-01' } }],
    ['horizon with term and end', 'horizon.end', { horizon: { term: 'short-term', end: '2024-01-01' } }],
    ['subject actors not a list', 'subject.actors', { subject: { actors: 'Russia' } }],
    ['empty subject entry', 'subject.regions', { subject: { regions: [''] } }],
    ['unknown top-level field', 'author', { author: 'mallory' }],
    ['unknown nested field', 'likelihood.weight', { likelihood: { scale: 'nta', term: 'likely', weight: 2 } }],
    ['unknown classification', 'classification', { classification: 'COSMIC' }],
    ['source without document', 'source.document', { source: { section: 'x' } }],
  ];

  it.each(draftCases)('draft with %s → 400 on %s', async (_name, field, patch) => {
    const res = await api.request('POST', '/assessments', { body: draftBody(patch) });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  const changeCases: [string, string, string, Record<string, unknown>][] = [
    ['missing expectedRevision', 'expectedRevision', 'confidence', { confidence: 'high', basis: 'correction', rationale: 'r' }],
    ['negative expectedRevision', 'expectedRevision', 'confidence', { confidence: 'high', basis: 'correction', rationale: 'r', expectedRevision: -1 }],
    ['expectedRevision as a string', 'expectedRevision', 'confidence', { confidence: 'high', basis: 'correction', rationale: 'r', expectedRevision: '0' }],
    ['unknown basis', 'basis', 'likelihood', { likelihood: { probability: 0.1 }, basis: 'hunch', rationale: 'r', expectedRevision: 0 }],
    ['missing likelihood', 'likelihood', 'likelihood', { basis: 'correction', rationale: 'r', expectedRevision: 0 }],
    ['missing rationale', 'rationale', 'statement', { statement: 'New words.', expectedRevision: 0 }],
    ['non-UUID successor', 'supersededBy', 'supersede', { supersededBy: 'abc', rationale: 'r', expectedRevision: 0 }],
    ['non-UUID causationId', 'causationId', 'withdraw', { rationale: 'r', expectedRevision: 0, causationId: 'x' }],
  ];

  it.each(changeCases)('change with %s → 400 on %s', async (_name, field, route, body) => {
    const res = await api.request('POST', `/assessments/${id}/${route}`, { body });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each([
    ['a missing statement', '/assessments', { ...draftBody(), statement: undefined }, 'statement', 'statement is required'],
    ['a statement that is a number', '/assessments', { ...draftBody(), statement: 7 }, 'statement', 'statement must be a string'],
    ['subject actors as a string', '/assessments', { ...draftBody(), subject: { actors: 'Russia', regions: [], topics: [] } }, 'subject.actors', 'subject.actors must be an array'],
    ['a missing expectedRevision', 'change', { confidence: 'high', basis: 'new-information', rationale: 'r' }, 'expectedRevision', 'expectedRevision is required'],
    ['expectedRevision as a string', 'change', { confidence: 'high', basis: 'new-information', rationale: 'r', expectedRevision: '5' }, 'expectedRevision', 'expectedRevision must be an integer number'],
  ])('%s is reported as what it is, not as a broken bound', async (_name, route, body, field, message) => {
    const path = route === 'change' ? `/assessments/${id}/confidence` : route;
    const res = await api.request('POST', path, { body });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message }]));
  });

  it.each([
    ['/assessments?classification=TOPSECRET', 'classification'],
    [`/assessments?cursor=${Buffer.from(JSON.stringify(['-updatedAt', 'x', 1])).toString('base64url')}`, 'cursor'],
    ['/audit?from=2024-01-01T00:00:00Z&to=2023-01-01T00:00:00Z', 'to'],
    ['/audit?effectiveFrom=2024-01-01T00:00:00Z&effectiveTo=2024-01-01T00:00:00Z', 'effectiveTo'],
    [`/audit?cursor=${Buffer.from(JSON.stringify(['-position', 'x', 1])).toString('base64url')}`, 'cursor'],
  ])('GET %s → 400 on %s (it once answered an empty 200)', async (path, field) => {
    const res = await api.request('GET', path, { actor: 'auditor-bad-input', token: tokenFor('auditor-bad-input', { roles: ['auditor'], clearance: 'SECRET' }) });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('a change backdated before the previous one → 422 on effectiveAt', async () => {
    const res = await api.request('POST', `/assessments/${id}/confidence`, {
      body: { confidence: 'high', basis: 'correction', rationale: 'r', expectedRevision: 0, effectiveAt: '2023-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'effective-time-order', field: 'effectiveAt' });
  });

  it('a change that changes nothing → 422', async () => {
    const res = await api.request('POST', `/assessments/${id}/confidence`, {
      body: { confidence: 'moderate', basis: 'correction', rationale: 'r', expectedRevision: 0 },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'no-change', field: 'confidence' });
  });

  it('a stale expectedRevision → 409 with the current revision', async () => {
    const res = await api.request('POST', `/assessments/${id}/confidence`, {
      body: { confidence: 'high', basis: 'correction', rationale: 'r', expectedRevision: 3 },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ expectedRevision: 3, currentRevision: 0 });
  });

  it('without a valid bearer token → 401; the actor is never read from the body or another header', async () => {
    const missing = await api.request('POST', '/assessments', { body: draftBody(), actor: null });
    expect(missing.status).toBe(401);
    const forged = await api.request('POST', '/assessments', { body: draftBody(), token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.x' });
    expect(forged.status).toBe(401);
    const inBody = await api.request('POST', '/assessments', { body: draftBody({ actor: 'mallory' }) });
    expect(inBody.status).toBe(400);
    expect(inBody.body.errors[0].field).toBe('actor');
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"text"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('a JSON body that is %s → 400 on body', async (_name, raw) => {
    const res = await api.request('POST', '/assessments', { raw, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body');
  });

  it('malformed JSON → 400; a non-JSON content type → 415; an oversize body → 413; no body → 400', async () => {
    const malformed = await api.request('POST', '/assessments', { raw: '{"statement": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    const plain = await api.request('POST', '/assessments', { raw: 'statement=x', headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    const huge = await api.request('POST', '/assessments', { body: draftBody({ rationale: 'x'.repeat(20 * 1024) }) });
    expect(huge.status).toBe(413);
    const empty = await api.request('POST', `/assessments/${id}/withdraw`, {});
    expect(empty.status).toBe(400);
  });

  it('ids: not a UUID → 400 on id; unknown → 404', async () => {
    const bad = await api.request('POST', '/assessments/not-a-uuid/withdraw', { body: { rationale: 'r', expectedRevision: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('id');
    const unknown = '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
    expect((await api.request('POST', `/assessments/${unknown}/withdraw`, { body: { rationale: 'r', expectedRevision: 0 } })).status).toBe(404);
    expect((await api.request('GET', `/assessments/${unknown}`)).status).toBe(404);
    expect((await api.request('GET', `/assessments/${unknown}/history`)).status).toBe(404);
    expect((await api.request('GET', '/nowhere')).status).toBe(404);
  });

  it.each([
    ['scale=kent', 'scale'],
    ['revision=-1', 'revision'],
    ['revision=two', 'revision'],
    ['asOf=yesterday', 'asOf'],
    ['revision=0&asOf=2023-02-05', 'asOf'],
    ['asOf=2023-02-05&recordedAsOf=2023-02-05', 'recordedAsOf'],
    ['colour=red', 'colour'],
  ])('GET with %s → 400 on %s', async (query, field) => {
    const res = await api.request('GET', `/assessments/${id}?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
