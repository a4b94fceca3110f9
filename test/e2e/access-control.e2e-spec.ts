import { mintToken } from '../../src/auth/mint-token.js';
import { ROLES } from '../../src/auth/principal.js';
import type { Role } from '../../src/auth/principal.js';
import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp, TEST_JWT_SECRET, tokenFor } from '../support/test-app.js';

type Route = { method: 'GET' | 'POST'; path: (ids: Ids) => string; allowed: readonly Role[] | 'public'; ok: number; body?: unknown };
type Ids = { published: string; secret: string; draft: string; evidence: string };

const READ: readonly Role[] = ['reader', 'analyst', 'reviewer', 'auditor', 'admin'];
/**
 * Every route the service serves. Commands are sent with a body that fails
 * validation: a caller the guard lets through gets 400, which proves the role
 * check passed without changing anything.
 */
const ROUTES: Route[] = [
  { method: 'GET', path: () => '/health', allowed: 'public', ok: 200 },
  { method: 'GET', path: () => '/assessments', allowed: READ, ok: 200 },
  { method: 'GET', path: (i) => `/assessments/${i.published}`, allowed: READ, ok: 200 },
  { method: 'GET', path: (i) => `/assessments/${i.published}/timeline`, allowed: READ, ok: 200 },
  { method: 'GET', path: (i) => `/assessments/${i.published}/history`, allowed: ['analyst', 'reviewer', 'auditor'], ok: 200 },
  { method: 'GET', path: (i) => `/assessments/${i.published}/integrity`, allowed: ['auditor', 'admin'], ok: 200 },
  { method: 'GET', path: () => '/audit', allowed: ['auditor', 'admin'], ok: 200 },
  { method: 'GET', path: () => '/review-due', allowed: ['analyst', 'reviewer'], ok: 200 },
  { method: 'GET', path: () => '/calibration', allowed: ['analyst', 'reviewer', 'auditor'], ok: 200 },
  { method: 'GET', path: () => '/admin/projections', allowed: ['admin'], ok: 200 },
  { method: 'POST', path: () => '/assessments', allowed: ['analyst'], ok: 400, body: { statement: 7 } },
  ...['statement', 'likelihood', 'confidence', 'horizon', 'subject', 'classification', 'withdraw', 'supersede', 'evidence', 'assumptions', 'indicators', 'outcome', 'outcome/retract'].map(
    (change): Route => ({ method: 'POST', path: (i) => `/assessments/${i.published}/${change}`, allowed: ['analyst'], ok: 400, body: { expectedRevision: -1 } }),
  ),
  { method: 'POST', path: (i) => `/assessments/${i.published}/evidence/${i.evidence}/unlink`, allowed: ['analyst'], ok: 400, body: { expectedRevision: -1 } },
  { method: 'POST', path: (i) => `/assessments/${i.published}/assumptions/${i.evidence}/review`, allowed: ['analyst'], ok: 400, body: { expectedRevision: -1 } },
  { method: 'POST', path: (i) => `/assessments/${i.published}/indicators/${i.evidence}/observations`, allowed: ['analyst'], ok: 400, body: { expectedRevision: -1 } },
  { method: 'POST', path: (i) => `/assessments/${i.published}/publish`, allowed: ['reviewer'], ok: 400, body: { expectedRevision: -1 } },
  { method: 'POST', path: () => '/admin/projections/rebuild', allowed: ['admin'], ok: 202 },
];

describe('Access control (e2e): every route × role × clearance', () => {
  let api: TestApp;
  const ids: Ids = { published: '', secret: '', draft: '', evidence: '' };

  beforeAll(async () => {
    api = await startTestApp(undefined, { readModelWaitMs: 2000 });
    const draft = async (patch: Record<string, unknown>) => (await api.request('POST', '/assessments', { body: draftBody(patch) })).body;
    ids.published = (await draft({ statement: 'Open statement about Transnistria.' })).assessmentId;
    await api.request('POST', `/assessments/${ids.published}/publish`, { actor: 'bob', body: { rationale: 'ok', expectedRevision: 0 } });
    ids.secret = (await draft({ statement: 'Secret statement about Transnistria.', classification: 'SECRET' })).assessmentId;
    await api.request('POST', `/assessments/${ids.secret}/publish`, { actor: 'bob', body: { rationale: 'ok', expectedRevision: 0 } });
    await api.request('POST', `/assessments/${ids.secret}/outcome`, {
      body: { outcome: 'occurred', knownAt: new Date().toISOString(), rationale: 'r', expectedRevision: 1 },
    });
    const last = await draft({ statement: 'Unpublished draft about Transnistria.' });
    ids.draft = last.assessmentId;
    ids.evidence = '9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f';
    await api.request('GET', `/assessments?minPosition=${last.position}`);
  });
  afterAll(() => api.destroy());

  const send = (route: Route, headers: { token?: string; actor?: null }) =>
    api.request(route.method, route.path(ids), { ...headers, ...(route.body !== undefined ? { body: route.body } : {}) });

  describe.each(ROUTES.map((r) => [`${r.method} ${r.path({ published: ':id', secret: ':id', draft: ':id', evidence: ':sub' })}`, r] as const))(
    '%s',
    (_name, route) => {
      it.each(ROLES)('as %s', async (role) => {
        const res = await send(route, { token: tokenFor(`user-${role}`, { roles: [role], clearance: 'SECRET' }) });
        const allowed = route.allowed === 'public' || route.allowed.includes(role);
        expect({ role, status: res.status }).toEqual({ role, status: allowed ? route.ok : 403 });
      });

      it('without a token, or with a forged, expired or malformed one', async () => {
        const expected = route.allowed === 'public' ? route.ok : 401;
        const bad = [
          undefined,
          mintToken('another-secret-that-is-long-enough-xx', { sub: 'mallory', roles: ['admin'], clearance: 'SECRET' }),
          mintToken(TEST_JWT_SECRET, { sub: 'mallory', roles: ['admin'], clearance: 'SECRET' }, -10),
          mintToken(TEST_JWT_SECRET, { sub: 'mallory', roles: ['emperor' as Role], clearance: 'SECRET' }),
          mintToken(TEST_JWT_SECRET, { sub: 'mallory', roles: ['admin'], clearance: 'COSMIC' }),
          'not.a.token',
        ];
        for (const token of bad) {
          const res = await send(route, token === undefined ? { actor: null } : { token });
          expect({ token, status: res.status }).toEqual({ token, status: expected });
        }
      });
    },
  );

  describe('clearance: what is above it does not exist for the caller', () => {
    const low = (role: Role) => tokenFor(`low-${role}`, { roles: [role], clearance: 'UNCLASSIFIED' });

    it('an id above clearance answers 404, not 403, on every read and every command', async () => {
      for (const path of ['', '/timeline', '/history']) {
        expect((await api.request('GET', `/assessments/${ids.secret}${path}`, { token: low('analyst') })).status).toBe(404);
      }
      expect((await api.request('GET', `/assessments/${ids.secret}/integrity`, { token: low('auditor') })).status).toBe(404);
      const change = await api.request('POST', `/assessments/${ids.secret}/outcome/retract`, {
        token: low('analyst'),
        body: { rationale: 'r', expectedRevision: 2 },
      });
      expect(change.status).toBe(404);
      expect((await api.request('GET', `/assessments/${ids.published}`, { token: low('analyst') })).status).toBe(200);
    });

    it('superseding an assessment above clearance is 404 like any other command, whatever its successor', async () => {
      const revision = Number((await api.request('GET', `/assessments/${ids.secret}`)).headers.get('etag')!.replaceAll('"', ''));
      for (const supersededBy of [ids.draft, ids.published]) {
        const res = await api.request('POST', `/assessments/${ids.secret}/supersede`, {
          token: low('analyst'),
          body: { supersededBy, rationale: 'r', expectedRevision: revision },
        });
        // A 422 about the successor (unpublished, say) would tell them it exists, and that it was published.
        expect({ supersededBy, status: res.status }).toEqual({ supersededBy, status: 404 });
      }
    });

    it('an assessment is not superseded by one marked above it: those who read it could not follow it', async () => {
      const edition = (await api.request('POST', '/assessments', { body: draftBody({ statement: 'Classified edition.', classification: 'SECRET' }) })).body;
      expect((await api.request('POST', `/assessments/${edition.assessmentId}/publish`, { actor: 'bob', body: { rationale: 'ok', expectedRevision: 0 } })).status).toBe(200);
      const revision = Number((await api.request('GET', `/assessments/${ids.published}`)).headers.get('etag')!.replaceAll('"', ''));
      const res = await api.request('POST', `/assessments/${ids.published}/supersede`, {
        body: { supersededBy: edition.assessmentId, rationale: 'The classified edition replaces it.', expectedRevision: revision },
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'successor-above-marking', field: 'supersededBy' });
      expect((await api.request('GET', `/assessments/${ids.published}`)).body.status).toBe('published');
    });

    it('lists, counts, searches, audit entries and calibration leave it out', async () => {
      const top = (await api.request('GET', '/assessments?q=transnistria', { token: tokenFor('top', { roles: ['analyst'] }) })).body;
      const lowList = (await api.request('GET', '/assessments?q=transnistria', { token: low('analyst') })).body;
      expect(top.total).toBe(3);
      expect(lowList.total).toBe(2);
      expect(lowList.items.map((i: any) => i.assessmentId)).not.toContain(ids.secret);
      const asOf = (await api.request('GET', `/assessments?asOf=${encodeURIComponent(new Date().toISOString())}`, { token: low('analyst') })).body;
      expect(asOf.items.map((i: any) => i.assessmentId)).not.toContain(ids.secret);
      const audit = (await api.request('GET', '/audit?limit=100', { token: low('auditor') })).body;
      expect(audit.items.map((e: any) => e.assessmentId)).not.toContain(ids.secret);
      expect(audit.total).toBe(audit.items.length);
      expect((await api.request('GET', '/calibration', { token: tokenFor('top', { roles: ['auditor'] }) })).body.count).toBe(1);
      expect((await api.request('GET', '/calibration', { token: low('auditor') })).body.count).toBe(0);
    });

    it('nobody may mark an assessment above their own clearance', async () => {
      const drafted = await api.request('POST', '/assessments', { token: low('analyst'), body: draftBody({ classification: 'SECRET' }) });
      expect(drafted.status).toBe(422);
      expect(drafted.body).toMatchObject({ code: 'above-clearance', field: 'classification' });
      const raised = await api.request('POST', `/assessments/${ids.draft}/classification`, {
        token: low('analyst'),
        body: { classification: 'CONFIDENTIAL', rationale: 'r', expectedRevision: 0 },
      });
      expect(raised.status).toBe(422);
      const unknown = await api.request('POST', `/assessments/${ids.draft}/classification`, {
        body: { classification: 'COSMIC', rationale: 'r', expectedRevision: 0 },
      });
      expect(unknown.status).toBe(400);
    });

    it('raising a marking is an event with its rationale, and hides the assessment from those below it', async () => {
      const raised = await api.request('POST', `/assessments/${ids.draft}/classification`, {
        body: { classification: 'CONFIDENTIAL', rationale: 'Sources now sensitive.', expectedRevision: 0 },
      });
      expect(raised.status).toBe(200);
      const history = (await api.request('GET', `/assessments/${ids.draft}/history`)).body.events;
      expect(history[1]).toMatchObject({ type: 'ClassificationChanged', rationale: 'Sources now sensitive.', data: { from: 'UNCLASSIFIED', to: 'CONFIDENTIAL' } });
      expect((await api.request('GET', `/assessments/${ids.draft}`, { token: low('analyst') })).status).toBe(404);
      const list = (await api.request('GET', `/assessments?minPosition=${raised.body.position}`, { token: low('analyst') })).body;
      expect(list.items.map((i: any) => i.assessmentId)).not.toContain(ids.draft);
    });
  });

  describe('readers see published assessments only', () => {
    const reader = tokenFor('reader-1', { roles: ['reader'], clearance: 'SECRET' });
    it('a draft is 404 for a reader and missing from their lists', async () => {
      expect((await api.request('GET', `/assessments/${ids.draft}`, { token: reader })).status).toBe(404);
      expect((await api.request('GET', `/assessments/${ids.published}`, { token: reader })).status).toBe(200);
      // Of the three about Transnistria (other tests add others).
      const list = (await api.request('GET', '/assessments?q=transnistria', { token: reader })).body;
      expect(list.items.map((i: any) => i.assessmentId).sort()).toEqual([ids.published, ids.secret].sort());
      expect(list.total).toBe(2);
    });
  });

  describe('tokens are verified once, but never trusted past their expiry', () => {
    it('a token accepted on its first use is refused once it has expired', async () => {
      // Lives 3 s from a time rounded down to the second: at least 2 s for the two requests that must pass.
      const token = mintToken(TEST_JWT_SECRET, { sub: 'brief', roles: ['reader'], clearance: 'SECRET' }, 3);
      expect((await api.request('GET', '/assessments', { token })).status).toBe(200);
      expect((await api.request('GET', '/assessments', { token })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 4100));
      expect((await api.request('GET', '/assessments', { token })).status).toBe(401);
    });
  });
});
