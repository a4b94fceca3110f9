import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp, tokenFor } from '../support/test-app.js';

describe('Assessments over HTTP (e2e)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.destroy());

  async function draft(overrides: Record<string, unknown> = {}) {
    const res = await api.request('POST', '/assessments', { body: draftBody(overrides) });
    expect(res.status).toBe(201);
    return res.body as { assessmentId: string; revision: number; position: string };
  }

  describe('the life of one statement', () => {
    it('drafts, revises, publishes, reads at any point and tells its history', async () => {
      const created = await draft();
      expect(created).toEqual({
        assessmentId: expect.any(String),
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        eventIds: [expect.any(String)],
      });
      const id = created.assessmentId;

      const reworded = await api.request('POST', `/assessments/${id}/statement`, {
        body: {
          statement: 'Active escalation of these conflicts and increased military pressure on post-Soviet countries are unlikely in the short term.',
          rationale: 'Cover military pressure as the report does.',
          expectedRevision: 0,
          effectiveAt: '2023-02-05T00:00:00Z',
        },
      });
      expect(reworded.status).toBe(200);
      expect(reworded.body).toMatchObject({ assessmentId: id, revision: 1 });

      const likelihood = await api.request('POST', `/assessments/${id}/likelihood`, {
        body: {
          likelihood: { scale: 'icd203', term: 'very-unlikely' },
          basis: 'new-information',
          rationale: 'Further redeployments to Ukraine.',
          expectedRevision: 1,
          effectiveAt: '2023-03-01T00:00:00Z',
        },
      });
      expect(likelihood.body).toMatchObject({ revision: 2 });

      const confidence = await api.request('POST', `/assessments/${id}/confidence`, {
        body: { confidence: 'high', basis: 'new-reasoning', rationale: 'Two sources agree.', expectedRevision: 2, effectiveAt: '2023-03-02T00:00:00Z' },
      });
      expect(confidence.body).toMatchObject({ revision: 3 });

      const horizon = await api.request('POST', `/assessments/${id}/horizon`, {
        body: { horizon: { start: '2023-02-05', end: '2023-12-31' }, rationale: 'Calendar year.', expectedRevision: 3, effectiveAt: '2023-03-02T00:00:00Z' },
      });
      expect(horizon.body).toMatchObject({ revision: 4 });

      const subject = await api.request('POST', `/assessments/${id}/subject`, {
        body: { subject: { actors: ['Russia'], regions: ['Moldova', 'Georgia', 'Armenia'], topics: ['military pressure'] }, rationale: 'Armenia too.', expectedRevision: 4, effectiveAt: '2023-03-02T00:00:00Z' },
      });
      expect(subject.body).toMatchObject({ revision: 5 });

      const selfPublish = await api.request('POST', `/assessments/${id}/publish`, { body: { rationale: 'Mine.', expectedRevision: 5 } });
      expect(selfPublish.status).toBe(422);
      expect(selfPublish.body.code).toBe('four-eyes');

      const published = await api.request('POST', `/assessments/${id}/publish`, {
        actor: 'bob',
        body: { rationale: 'Reviewed against sources.', expectedRevision: 5, effectiveAt: '2023-03-03T00:00:00Z' },
      });
      expect(published.status).toBe(200);
      expect(published.body.revision).toBe(6);

      const current = await api.request('GET', `/assessments/${id}`);
      expect(current.status).toBe(200);
      expect(current.headers.get('etag')).toBe('"6"');
      expect(current.body).toMatchObject({
        assessmentId: id,
        revision: 6,
        status: 'published',
        likelihood: { scale: 'icd203', term: 'very-unlikely', probability: { low: 0.05, high: 0.2 } },
        confidence: 'high',
        horizon: { term: null, start: '2023-02-05T00:00:00.000Z', end: '2023-12-31T00:00:00.000Z' },
        subject: { regions: ['Moldova', 'Georgia', 'Armenia'] },
        source: { document: 'National Threat Assessment 2023', section: 'Post-Soviet region' },
        createdBy: 'alice',
        effectiveAt: '2023-02-05T00:00:00.000Z',
        published: { revision: 6, by: 'bob' },
      });

      const notModified = await api.request('GET', `/assessments/${id}`, { headers: { 'if-none-match': '"6"' } });
      expect(notModified.status).toBe(304);

      const inNta = await api.request('GET', `/assessments/${id}?scale=nta`);
      expect(inNta.body.likelihood).toEqual({
        scale: 'nta',
        term: 'unlikely',
        termBand: { low: 0, high: 0.25 },
        probability: { low: 0.05, high: 0.2 },
        stated: { scale: 'icd203', term: 'very-unlikely' },
      });

      // What did we assess on 5 February 2023? The draft as reworded that day.
      const asOf = await api.request('GET', `/assessments/${id}?asOf=2023-02-05T12:00:00Z`);
      expect(asOf.body).toMatchObject({ revision: 1, status: 'draft', likelihood: { scale: 'nta', term: 'unlikely' } });
      const atRevision = await api.request('GET', `/assessments/${id}?revision=2`);
      expect(atRevision.body).toMatchObject({ revision: 2, confidence: 'moderate', likelihood: { term: 'very-unlikely' } });
      const recordedNow = await api.request('GET', `/assessments/${id}?recordedAsOf=${encodeURIComponent(new Date().toISOString())}`);
      expect(recordedNow.body.revision).toBe(6);
      const recordedBefore = await api.request('GET', `/assessments/${id}?recordedAsOf=2023-02-05T12:00:00Z`);
      expect(recordedBefore.status).toBe(404);
      const beforeDraft = await api.request('GET', `/assessments/${id}?asOf=2023-01-01`);
      expect(beforeDraft.status).toBe(404);
      expect(beforeDraft.body.message).toMatch(/did not exist yet/);
      expect((await api.request('GET', `/assessments/${id}?revision=7`)).status).toBe(404);

      const history = await api.request('GET', `/assessments/${id}/history`);
      expect(history.status).toBe(200);
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
        'AssessmentDrafted',
        'StatementReworded',
        'LikelihoodChanged',
        'ConfidenceChanged',
        'HorizonChanged',
        'SubjectChanged',
        'AssessmentPublished',
      ]);
      expect(history.body.events[2]).toMatchObject({
        revision: 2,
        actor: 'alice',
        effectiveAt: '2023-03-01T00:00:00.000Z',
        rationale: 'Further redeployments to Ukraine.',
        basis: 'new-information',
        recordedAt: expect.any(String),
        schemaVersion: 1,
      });
      expect(history.body.events[6]).toMatchObject({ actor: 'bob', type: 'AssessmentPublished' });
    });

    it('withdraws, and then refuses every further change', async () => {
      const { assessmentId: id } = await draft();
      const withdrawn = await api.request('POST', `/assessments/${id}/withdraw`, { body: { rationale: 'Overtaken by events.', expectedRevision: 0 } });
      expect(withdrawn.status).toBe(200);
      const change = await api.request('POST', `/assessments/${id}/confidence`, {
        body: { confidence: 'low', basis: 'correction', rationale: 'r', expectedRevision: 1 },
      });
      expect(change.status).toBe(422);
      expect(change.body).toMatchObject({ code: 'assessment-closed', status: 'withdrawn' });
      expect((await api.request('GET', `/assessments/${id}/history`)).body.events).toHaveLength(2);
    });

    it('supersedes by an existing assessment only', async () => {
      const old = await draft();
      const successor = await draft({ statement: 'Escalation remains unlikely through 2024.' });
      const unknown = await api.request('POST', `/assessments/${old.assessmentId}/supersede`, {
        body: { supersededBy: '00000000-0000-4000-8000-000000000000', rationale: 'New edition.', expectedRevision: 0 },
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.field).toBe('supersededBy');
      const ok = await api.request('POST', `/assessments/${old.assessmentId}/supersede`, {
        body: { supersededBy: successor.assessmentId, rationale: 'New edition.', expectedRevision: 0 },
      });
      expect(ok.status).toBe(200);
      const read = await api.request('GET', `/assessments/${old.assessmentId}`);
      expect(read.body).toMatchObject({ status: 'superseded', supersededBy: successor.assessmentId });

      // The other way round would leave two closed assessments pointing at each other, and nothing current.
      const back = await api.request('POST', `/assessments/${successor.assessmentId}/supersede`, {
        body: { supersededBy: old.assessmentId, rationale: 'Back again.', expectedRevision: 0 },
      });
      expect(back.status).toBe(422);
      expect(back.body).toMatchObject({ code: 'successor-closed', field: 'supersededBy' });
      expect((await api.request('GET', `/assessments/${successor.assessmentId}`)).body.status).toBe('draft');
    });

    it('supersedes a published assessment only by a published one (readers see no drafts)', async () => {
      const published = await draft();
      await api.request('POST', `/assessments/${published.assessmentId}/publish`, { actor: 'bob', body: { rationale: 'Reviewed.', expectedRevision: 0 } });
      const successor = await draft({ statement: 'Escalation remains unlikely through 2025.' });
      const early = await api.request('POST', `/assessments/${published.assessmentId}/supersede`, {
        body: { supersededBy: successor.assessmentId, rationale: 'New edition.', expectedRevision: 1 },
      });
      expect(early.status).toBe(422);
      expect(early.body).toMatchObject({ code: 'successor-unpublished', field: 'supersededBy' });
      expect((await api.request('GET', `/assessments/${published.assessmentId}`)).body).toMatchObject({ status: 'published', revision: 1 });
      await api.request('POST', `/assessments/${successor.assessmentId}/publish`, { actor: 'bob', body: { rationale: 'Reviewed.', expectedRevision: 0 } });
      const ok = await api.request('POST', `/assessments/${published.assessmentId}/supersede`, {
        body: { supersededBy: successor.assessmentId, rationale: 'New edition.', expectedRevision: 1 },
      });
      expect(ok.status).toBe(200);
    });

    it('a successor beyond the caller\'s clearance is as unknown as a missing one', async () => {
      const secret = await draft({ statement: 'A secret successor.', classification: 'SECRET' });
      const low = tokenFor('low-analyst', { roles: ['analyst'], clearance: 'UNCLASSIFIED' });
      const old = (await api.request('POST', '/assessments', { token: low, body: draftBody() })).body;
      const missing = await api.request('POST', `/assessments/${old.assessmentId}/supersede`, {
        token: low,
        body: { supersededBy: '00000000-0000-4000-8000-000000000000', rationale: 'New edition.', expectedRevision: 0 },
      });
      const hidden = await api.request('POST', `/assessments/${old.assessmentId}/supersede`, {
        token: low,
        body: { supersededBy: secret.assessmentId, rationale: 'New edition.', expectedRevision: 0 },
      });
      expect(hidden.status).toBe(422);
      expect(hidden.body.code).toBe(missing.body.code);
      expect(hidden.body.message.replace(secret.assessmentId, '<id>')).toBe(missing.body.message.replace('00000000-0000-4000-8000-000000000000', '<id>'));
      expect((await api.request('GET', `/assessments/${old.assessmentId}/history`, { token: low })).body.events).toHaveLength(1);
    });
  });

  describe('text the hash chain must still cover', () => {
    it('a lone UTF-16 surrogate in a statement is stored, hashed and verified like any text (it once failed the hash with a 500)', async () => {
      const raw = JSON.stringify(draftBody({ statement: 'Escalation is unlikely ' })).replace('unlikely ', 'unlikely \\ud800');
      const created = await api.request('POST', '/assessments', { raw, headers: { 'content-type': 'application/json' } });
      expect(created.status).toBe(201);
      const id = created.body.assessmentId;
      expect((await api.request('GET', `/assessments/${id}`)).body.statement).toBe('Escalation is unlikely \ud800');
      const reworded = await api.request('POST', `/assessments/${id}/statement`, { body: { statement: 'Escalation is unlikely.', rationale: 'r', expectedRevision: 0 } });
      expect(reworded.status).toBe(200);
      expect((await api.request('GET', `/assessments/${id}/integrity`)).body).toMatchObject({ valid: true, events: 2 });
    });
  });

  describe('concurrency', () => {
    it('of two changes made against the same revision, exactly one succeeds and the other gets 409 with the current revision', async () => {
      const { assessmentId: id } = await draft();
      const [a, b] = await Promise.all([
        api.request('POST', `/assessments/${id}/confidence`, { body: { confidence: 'high', basis: 'new-information', rationale: 'A', expectedRevision: 0 } }),
        api.request('POST', `/assessments/${id}/likelihood`, {
          actor: 'bob',
          body: { likelihood: { probability: 0.1 }, basis: 'new-information', rationale: 'B', expectedRevision: 0 },
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const conflict = a.status === 409 ? a : b;
      expect(conflict.body).toMatchObject({ code: 'wrong-expected-revision', expectedRevision: 0, currentRevision: 1 });
      expect((await api.request('GET', `/assessments/${id}`)).body.revision).toBe(1);
    });

    it('with 20 racing changes at one revision, one wins and the stream has two events', async () => {
      const { assessmentId: id } = await draft();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.request('POST', `/assessments/${id}/statement`, { body: { statement: `Wording ${i}.`, rationale: 'race', expectedRevision: 0 } }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(19);
      expect((await api.request('GET', `/assessments/${id}/history`)).body.events).toHaveLength(2);
    });
  });
});
