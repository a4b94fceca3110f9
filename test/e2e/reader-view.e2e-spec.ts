import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp, tokenFor } from '../support/test-app.js';

/**
 * Readers see published work only: once an assessment is published, a change
 * of substance (wording, likelihood, confidence, horizon, subject) stays
 * hidden from them until a reviewer publishes it, on every read: one
 * assessment, lists, search, lists as of a time, the timeline.
 */
describe('Readers see the assessment as last published (e2e)', () => {
  let api: TestApp;
  const reader = tokenFor('reader-1', { roles: ['reader'], clearance: 'SECRET' });
  const published = 'Escalation around Transnistria is unlikely in the short term.';
  const unreviewed = 'Escalation around Transnistria is highly likely once the zeppelin arrives.';
  let id = '';
  let position = '0';

  const change = async (path: string, body: Record<string, unknown>, actor = 'alice') => {
    const res = await api.request('POST', `/assessments/${id}/${path}`, { actor, body });
    expect(res.status).toBeLessThan(300);
    position = res.body.position;
    return res.body;
  };
  // One assessment is folded from its stream, always current; lists and timelines wait for the read models.
  const caughtUp = (path: string) => (/^\/assessments\/[^/?]+(\?|$)/.test(path) ? path : `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`);
  const asReader = (path: string) => api.request('GET', caughtUp(path), { token: reader });
  const asAnalyst = (path: string) => api.request('GET', caughtUp(path));
  const ids = (res: { body: { items: { assessmentId: string }[] } }) => res.body.items.map((item) => item.assessmentId);

  beforeAll(async () => {
    api = await startTestApp(undefined, { readModelWaitMs: 2000 });
    const drafted = await api.request('POST', '/assessments', { body: draftBody({ statement: published, effectiveAt: undefined }) });
    id = drafted.body.assessmentId;
    await change('publish', { rationale: 'Reviewed.', expectedRevision: 0 }, 'bob');
    await change('statement', { statement: unreviewed, rationale: 'Wording from the quokka report.', expectedRevision: 1 });
    await change('likelihood', { likelihood: { scale: 'nta', term: 'highly-likely' }, basis: 'new-information', rationale: 'The quokka report.', expectedRevision: 2 });
  });
  afterAll(() => api.destroy());

  it('one assessment: the published wording and likelihood, at the published revision (ETag too)', async () => {
    const seen = await asReader(`/assessments/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ statement: published, likelihood: { term: 'unlikely' }, revision: 1, updatedBy: 'bob', hasUnpublishedChanges: false });
    // A reader's tag is not an analyst's for the same revision, and no cache shares either answer.
    expect(seen.headers.get('etag')).toBe('"1-published"');
    expect(seen.headers.get('cache-control')).toBe('private, no-cache');
    expect(seen.headers.get('vary')).toMatch(/Authorization/i);
    const notModified = await api.request('GET', `/assessments/${id}`, { token: reader, headers: { 'if-none-match': 'W/"1-published"' } });
    expect(notModified.status).toBe(304);
    // Past the last change readers may see there is nothing for them, as past the stream's head: the
    // changes awaiting publication cannot be counted by asking for revisions one by one.
    expect((await asReader(`/assessments/${id}?revision=1`)).body).toMatchObject({ statement: published, revision: 1 });
    for (const revision of [2, 3, 4]) {
      const probe = await asReader(`/assessments/${id}?revision=${revision}`);
      expect({ revision, status: probe.status, message: probe.body.message }).toEqual({ revision, status: 404, message: expect.stringContaining(`has no revision ${revision}`) });
    }
    const analyst = await asAnalyst(`/assessments/${id}`);
    expect(analyst.body).toMatchObject({ statement: unreviewed, likelihood: { term: 'highly-likely' }, revision: 3, hasUnpublishedChanges: true });
    expect(analyst.headers.get('etag')).toBe('"3"');
  });

  it('lists, now and as of a time, show the published substance and filter on it', async () => {
    const listed = await asReader('/assessments');
    expect(listed.body.items).toEqual([expect.objectContaining({ assessmentId: id, statement: published, revision: 1, likelihood: expect.objectContaining({ term: 'unlikely' }) })]);
    const asOf = await asReader(`/assessments?asOf=${encodeURIComponent(new Date().toISOString())}`);
    expect(asOf.body.items).toEqual([expect.objectContaining({ statement: published, revision: 1 })]);
    // The unpublished likelihood (highly likely, above 0.75) is no match for a reader; the published one is.
    expect(ids(await asReader('/assessments?minProbability=0.75'))).toEqual([]);
    expect(ids(await asReader('/assessments?maxProbability=0.25'))).toEqual([id]);
    expect(ids(await asAnalyst('/assessments?minProbability=0.75'))).toEqual([id]);
  });

  it('search finds neither the unpublished wording nor the rationale of an unpublished change', async () => {
    expect(ids(await asReader('/assessments?q=zeppelin'))).toEqual([]);
    expect(ids(await asReader('/assessments?q=quokka'))).toEqual([]);
    expect(ids(await asAnalyst('/assessments?q=zeppelin'))).toEqual([id]);
    expect(ids(await asAnalyst('/assessments?q=quokka'))).toEqual([id]);
    expect(ids(await asReader('/assessments?q=unlikely'))).toEqual([id]);
  });

  it('the timeline has only the points readers saw', async () => {
    const timeline = await asReader(`/assessments/${id}/timeline`);
    expect(timeline.body.points.map((p: { revision: number }) => p.revision)).toEqual([1]);
    expect((await asAnalyst(`/assessments/${id}/timeline`)).body.points.map((p: { revision: number }) => p.revision)).toEqual([0, 1, 2, 3]);
  });

  it('a reviewer finds it in the queue of assessments awaiting publication, beside drafts', async () => {
    const draft = await api.request('POST', '/assessments', { body: draftBody({ statement: 'A draft nobody reviewed yet.', effectiveAt: undefined }) });
    position = draft.body.position;
    expect(ids(await asAnalyst('/assessments?awaitingPublication=true')).sort()).toEqual([id, draft.body.assessmentId].sort());
    expect(ids(await asAnalyst('/assessments?awaitingPublication=false'))).toEqual([]);
    expect((await asAnalyst('/assessments?awaitingPublication=yes')).status).toBe(400);
    // Readers see nothing awaiting publication: what they see was published.
    expect(ids(await asReader('/assessments?awaitingPublication=true'))).toEqual([]);
    await api.request('POST', `/assessments/${draft.body.assessmentId}/withdraw`, { body: { rationale: 'Not needed.', expectedRevision: 0 } }).then((res) => (position = res.body.position));
    // Withdrawn, it takes no publication, so it leaves the queue.
    expect(ids(await asAnalyst('/assessments?awaitingPublication=true'))).toEqual([id]);
  });

  it('supporting material shows at once; the changes of substance once a reviewer publishes them', async () => {
    await change('evidence', { title: 'Satellite imagery', source: 'imint', reliability: 'B', credibility: 2, bearing: 'supports', rationale: 'New imagery.', expectedRevision: 3 });
    const withEvidence = await asReader(`/assessments/${id}`);
    expect(withEvidence.body).toMatchObject({ revision: 4, statement: published, evidence: { summary: { total: 1 } } });
    // The newest change is one readers see, so both views stand at revision 4: a browser that cached the
    // analyst's copy ("4") and then signs in as a reader must get the reader's view, not a 304.
    const analystTag = (await asAnalyst(`/assessments/${id}`)).headers.get('etag')!;
    expect(analystTag).toBe('"4"');
    const revalidated = await api.request('GET', `/assessments/${id}`, { token: reader, headers: { 'if-none-match': analystTag } });
    expect(revalidated.status).toBe(200);
    expect(revalidated.body.statement).toBe(published);
    // A revision before the last one readers saw shows what stood for readers then.
    expect((await asReader(`/assessments/${id}?revision=3`)).body).toMatchObject({ statement: published, revision: 1 });

    await change('publish', { rationale: 'Reviewed the new wording.', expectedRevision: 4 }, 'carol');
    const seen = await asReader(`/assessments/${id}`);
    expect(seen.body).toMatchObject({ revision: 5, statement: unreviewed, likelihood: { term: 'highly-likely' }, updatedBy: 'carol' });
    expect(ids(await asAnalyst('/assessments?awaitingPublication=true'))).toEqual([]);
    expect(ids(await asReader('/assessments?q=zeppelin'))).toEqual([id]);
    expect(ids(await asReader('/assessments?q=quokka'))).toEqual([id]);
    expect(ids(await asReader('/assessments?minProbability=0.75'))).toEqual([id]);
    expect((await asReader(`/assessments/${id}/timeline`)).body.points.map((p: { revision: number }) => p.revision)).toEqual([1, 4, 5]);
  });

  it('a resolved assessment scores, for readers, the line as published: no unpublished likelihood or confidence shows in its score', async () => {
    const drafted = await api.request('POST', '/assessments', { body: draftBody({ statement: 'Resolved while a change awaited review.', effectiveAt: undefined }) });
    const resolved = drafted.body.assessmentId;
    const on = (path: string, body: Record<string, unknown>, actor = 'alice') =>
      api.request('POST', `/assessments/${resolved}/${path}`, { actor, body: { rationale: 'r', ...body } }).then((res) => expect(res.status).toBeLessThan(300));
    await on('publish', { expectedRevision: 0 }, 'bob');
    await on('likelihood', { likelihood: { scale: 'nta', term: 'highly-likely' }, basis: 'new-information', expectedRevision: 1 });
    await on('confidence', { confidence: 'high', basis: 'new-reasoning', expectedRevision: 2 });
    await on('outcome', { outcome: 'occurred', knownAt: new Date().toISOString(), expectedRevision: 3 });
    // Published: NTA unlikely 0–25% (midpoint 0.125), moderate; stated since and never published: highly likely (0.875), high.
    const seen = (await asReader(`/assessments/${resolved}`)).body;
    expect(seen).toMatchObject({ status: 'resolved', likelihood: { term: 'unlikely' }, confidence: 'moderate' });
    expect(seen.score).toMatchObject({ scored: true, probability: 0.125, confidence: 'moderate', scale: 'nta', brier: 0.765625 });
    const recorded = (await asAnalyst(`/assessments/${resolved}`)).body;
    expect(recorded.score).toMatchObject({ scored: true, probability: 0.875, confidence: 'high' });
  });

  it('withdrawn while a change awaits review: readers see it withdrawn, as it was published', async () => {
    await change('confidence', { confidence: 'low', basis: 'new-reasoning', rationale: 'Doubts.', expectedRevision: 5 });
    await change('withdraw', { rationale: 'Overtaken by events.', expectedRevision: 6 });
    const seen = await asReader(`/assessments/${id}`);
    expect(seen.body).toMatchObject({ status: 'withdrawn', confidence: 'moderate', revision: 7 });
    expect((await asReader('/assessments?status=withdrawn')).body.items).toEqual([expect.objectContaining({ assessmentId: id, confidence: 'moderate', revision: 7 })]);
  });
});
