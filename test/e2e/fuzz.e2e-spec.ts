import fc from 'fast-check';
import { EVENT_STORE } from '../../src/event-store/event-store.port.js';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import { mintToken } from '../../src/auth/mint-token.js';
import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp, TEST_JWT_SECRET, tokenFor } from '../support/test-app.js';

/**
 * Thousands of generated and mutated requests against every route: wrong
 * types, huge strings, unicode, nested junk, missing headers, forged tokens.
 * The service must never answer 5xx, and a rejected request must leave the
 * event log exactly as it was.
 */
describe('Fuzzing every route (e2e, fast-check)', () => {
  let api: TestApp;
  let store: EventStore;
  let id = '';

  beforeAll(async () => {
    api = await startTestApp(undefined, { bodyLimit: 64 * 1024 });
    store = api.app.get<EventStore>(EVENT_STORE);
    id = (await api.request('POST', '/assessments', { body: draftBody() })).body.assessmentId;
  });
  afterAll(() => api.destroy());

  const junk = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.string({ unit: 'grapheme', maxLength: 64 }),
    fc.string({ minLength: 5000, maxLength: 70_000 }),
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, [], {}, '', '\u0000', '😀'.repeat(500), -1, 1e308, '2023-02-30', 'NaN'),
  );
  const segment = fc.oneof(
    fc.constant(() => id),
    fc.constant(() => '00000000-0000-4000-8000-000000000000'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((s) => () => encodeURIComponent(s)),
    fc.constantFrom(() => '..', () => '%00', () => 'a'.repeat(3000)),
  );
  const routes = [
    'POST /assessments',
    ...['statement', 'likelihood', 'confidence', 'horizon', 'subject', 'classification', 'publish', 'withdraw', 'supersede', 'evidence', 'assumptions', 'indicators', 'outcome', 'outcome/retract', 'evidence/:sub/unlink', 'assumptions/:sub/review', 'indicators/:sub/observations'].map(
      (r) => `POST /assessments/:id/${r}`,
    ),
    'GET /assessments',
    'GET /assessments/:id',
    'GET /assessments/:id/history',
    'GET /assessments/:id/timeline',
    'GET /assessments/:id/integrity',
    'GET /audit',
    'GET /review-due',
    'GET /calibration',
    'GET /admin/projections',
    'GET /health',
  ];
  const token = fc.oneof(
    fc.constant(tokenFor('fuzzer')),
    fc.constant(tokenFor('fuzz-reader', { roles: ['reader'], clearance: 'UNCLASSIFIED' })),
    fc.constant(mintToken('some-other-secret-that-is-long-enough', { sub: 'mallory', roles: ['admin'], clearance: 'SECRET' })),
    fc.constant(mintToken(TEST_JWT_SECRET, { sub: '../../etc', roles: ['analyst'], clearance: 'SECRET' })),
    fc.string({ maxLength: 300 }),
    fc.constant(undefined),
  );
  /** Bodies: junk, or a valid body with one field replaced by junk, or with junk added. */
  const body = fc.oneof(
    junk,
    fc.record({ key: fc.constantFrom(...Object.keys(draftBody()), 'expectedRevision', 'rationale', 'likelihood', '__proto__', 'constructor'), value: junk }).map(({ key, value }) => ({ ...draftBody(), expectedRevision: 0, [key]: value })),
    fc.dictionary(fc.string({ maxLength: 20 }), junk, { maxKeys: 8 }),
  );
  const query = fc.dictionary(
    fc.constantFrom('asOf', 'recordedAsOf', 'revision', 'scale', 'status', 'q', 'limit', 'cursor', 'minPosition', 'likelihood', 'sort', 'groupBy', 'from', 'region'),
    fc.string({ unit: 'grapheme', maxLength: 50 }),
    { maxKeys: 4 },
  );
  const request = fc.record({
    route: fc.constantFrom(...routes),
    id: segment,
    sub: segment,
    token,
    body,
    query,
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', undefined),
    idempotencyKey: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
    rawBody: fc.option(fc.constantFrom('{', '{"a":', 'null', '[1,2', '\u0000\u0001', '{"statement": "x"}'.repeat(10)), { nil: undefined }),
  });

  it('never answers 5xx, and a rejected request never changes the event log', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const [method, template] = r.route.split(' ');
        const path = template.replace(':id', r.id()).replace(':sub', r.sub());
        const search = new URLSearchParams(r.query).toString();
        const headers: Record<string, string> = {};
        if (r.contentType) headers['content-type'] = r.contentType;
        if (r.idempotencyKey !== undefined) headers['idempotency-key'] = r.idempotencyKey.replace(/[^\x20-\x7e]/g, '?');
        const before = await store.headPosition();
        const res = await api.request(method, `${path}${search ? `?${search}` : ''}`, {
          ...(r.token === undefined ? { actor: null } : { token: r.token.replace(/[^\x20-\x7e]/g, '?') }),
          ...(method === 'POST' ? (r.rawBody !== undefined ? { raw: r.rawBody } : { raw: JSON.stringify(r.body) ?? 'null' }) : {}),
          headers,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect({ route: r.route, path, status: res.status, body: res.body }).toMatchObject({ status: expect.any(Number) });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await store.headPosition()).toBe(before);
      }),
      { numRuns: 2500 },
    );
    // The fuzzer reached past authentication and validation, not just the front door.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 401, 404]));
  });
});
