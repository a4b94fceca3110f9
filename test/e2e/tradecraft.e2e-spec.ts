import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp } from '../support/test-app.js';

describe('Tradecraft over HTTP (e2e): evidence, assumptions, indicators, outcomes, calibration', () => {
  let api: TestApp;
  let id: string;
  let revision = 0;
  let lastPosition = '0';

  /** Sends a change against the current revision and keeps track of the next one. */
  const change = async (path: string, body: Record<string, unknown>, actor = 'alice', expected = 200) => {
    const res = await api.request('POST', `/assessments/${id}/${path}`, { actor, body: { expectedRevision: revision, ...body } });
    expect({ path, status: res.status, body: res.body }).toMatchObject({ status: expected });
    if (res.status < 300) {
      revision = res.body.revision;
      lastPosition = res.body.position;
    }
    return res.body;
  };

  beforeAll(async () => {
    api = await startTestApp();
    // A long horizon, so only the linchpin can put it up for review.
    const body = draftBody({ horizon: { start: '2023-02-05', end: '2099-12-31' } });
    id = (await api.request('POST', '/assessments', { body })).body.assessmentId;
  });
  afterAll(() => api.destroy());

  it('links, grades and unlinks evidence, summarised by grade and bearing', async () => {
    const linked = await change(
      'evidence',
      {
        title: 'Battalion redeployed from Transnistria to Ukraine',
        source: 'Commercial satellite imagery',
        reliability: 'B',
        credibility: 2,
        bearing: 'supports',
        url: 'https://example.org/imagery/123',
        excerpt: 'Vehicle park empty since January.',
        rationale: 'Shows forces tied down elsewhere.',
      },
      'alice',
      201,
    );
    expect(linked.evidenceId).toMatch(/^[0-9a-f-]{36}$/);
    const doubtful = await change(
      'evidence',
      { title: 'Rumoured mobilisation in Abkhazia', source: 'Social media', reliability: 'E', credibility: 5, bearing: 'contradicts', rationale: 'Noted, weakly sourced.' },
      'alice',
      201,
    );
    await change(`evidence/${doubtful.evidenceId}/unlink`, { rationale: 'Rumour debunked.' });

    const view = (await api.request('GET', `/assessments/${id}`)).body;
    expect(view.evidence.items).toHaveLength(1);
    expect(view.evidence.items[0]).toMatchObject({ evidenceId: linked.evidenceId, reliability: 'B', credibility: 2, linkedBy: 'alice' });
    expect(view.evidence.summary).toEqual({ total: 1, byGrade: { B2: 1 }, byBearing: { supports: 1, contradicts: 0, context: 0 } });
  });

  it('states a linchpin assumption and reviews it; an invalid linchpin puts the published assessment up for review', async () => {
    const stated = await change('assumptions', { text: 'The war absorbs Russian reserves.', linchpin: true, rationale: 'Key assumption.' }, 'alice', 201);
    await change('assumptions', { text: 'No change of government in Chisinau.', rationale: 'Background.' }, 'alice', 201);
    await change(`assumptions/${stated.assumptionId}/review`, { verdict: 'holds', rationale: 'Checked in March.' });
    await change('publish', { rationale: 'Reviewed.' }, 'bob');
    const before = (await api.request('GET', `/review-due?minPosition=${lastPosition}&staleAfterDays=36500`)).body;
    expect(before.items.map((i: any) => i.assessment.assessmentId)).not.toContain(id);

    await change(`assumptions/${stated.assumptionId}/review`, { verdict: 'invalid', rationale: 'Reserves freed up.' });
    const view = (await api.request('GET', `/assessments/${id}`)).body;
    expect(view.assumptions[0]).toMatchObject({ linchpin: true, review: { verdict: 'invalid', reviewedBy: 'alice' } });
    expect(view.assumptions[1]).toMatchObject({ linchpin: false, review: null });
    const due = (await api.request('GET', `/review-due?minPosition=${lastPosition}&staleAfterDays=36500`)).body;
    const item = due.items.find((i: any) => i.assessment.assessmentId === id);
    expect(item.reasons).toContain('linchpin-invalid');
  });

  it('records an indicator observation that then moves the likelihood, and history shows the cause', async () => {
    const indicator = await change('indicators', { text: 'Russian troops return to Transnistria', direction: 'raises', rationale: 'Signpost of escalation.' }, 'alice', 201);
    const observed = await change(
      `indicators/${indicator.indicatorId}/observations`,
      { observation: 'Two companies seen at Tiraspol.', observedAt: '2023-03-01T00:00:00Z', rationale: 'Imagery of 1 March.' },
      'alice',
      201,
    );
    expect(observed.observationId).toBe(observed.eventIds[0]);
    await change('likelihood', {
      likelihood: { scale: 'nta', term: 'possible' },
      basis: 'new-information',
      rationale: 'Troops returning to Transnistria.',
      causationId: observed.observationId,
    });

    const view = (await api.request('GET', `/assessments/${id}`)).body;
    expect(view.indicators[0]).toMatchObject({ direction: 'raises', observations: [{ observationId: observed.observationId, observedAt: '2023-03-01T00:00:00.000Z' }] });
    const history = (await api.request('GET', `/assessments/${id}/history`)).body.events;
    const moved = history.find((e: any) => e.type === 'LikelihoodChanged');
    expect(moved.causedBy).toEqual({ eventId: observed.observationId, revision: moved.revision - 1, type: 'IndicatorObserved' });
  });

  it('records an outcome, scores it, shows it in calibration (JSON and CSV), and retracts it without erasing it', async () => {
    await change('publish', { rationale: 'Re-reviewed after the change.' }, 'bob');
    const knownAt = new Date().toISOString();
    await change('outcome', { outcome: 'did-not-occur', knownAt, rationale: 'No escalation by the end of the horizon.' });

    const resolved = (await api.request('GET', `/assessments/${id}`)).body;
    expect(resolved.status).toBe('resolved');
    expect(resolved.outcome).toMatchObject({ outcome: 'did-not-occur', knownAt, recordedBy: 'alice' });
    // Standing at knownAt: NTA "possible", 25–50%, midpoint 0.375 → (0.375 − 0)².
    expect(resolved.score).toMatchObject({ scored: true, observed: 0, probability: 0.375, brier: 0.140625 });
    expect(resolved.score.timeWeightedBrier).toBeGreaterThan(0);

    const calibration = (await api.request('GET', `/calibration?minPosition=${lastPosition}&groupBy=actor`)).body;
    expect(calibration).toMatchObject({ count: 1, meanBrier: 0.140625, groupBy: 'actor', groups: [{ key: 'alice', count: 1 }] });
    expect(calibration.bins[3]).toMatchObject({ count: 1, meanProbability: 0.375, observedFrequency: 0 });
    const byRegion = (await api.request('GET', '/calibration?groupBy=region')).body;
    expect(byRegion.groups.map((g: any) => g.key)).toEqual(['Georgia', 'Moldova']);
    expect((await api.request('GET', '/calibration?to=2000-01-01T00:00:00Z')).body.count).toBe(0);

    const csv = await api.request('GET', '/calibration?groupBy=confidence', { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('group,key,bin_from,bin_to,count,mean_probability,observed_frequency,mean_brier,mean_time_weighted_brier');
    expect(lines[1]).toMatch(/^all,,all,all,1,,,0\.140625,/);
    expect(lines.some((l) => l.startsWith('confidence,moderate,0.3,0.4,1,0.375,0,0.140625'))).toBe(true);

    const blocked = await change('confidence', { confidence: 'high', basis: 'new-information', rationale: 'hindsight' }, 'alice', 422);
    expect(blocked.code).toBe('assessment-closed');

    await change('outcome/retract', { rationale: 'Outcome recorded too early.' });
    const reopened = (await api.request('GET', `/assessments/${id}`)).body;
    expect(reopened).toMatchObject({ status: 'published', outcome: null, score: null });
    expect((await api.request('GET', `/calibration?minPosition=${lastPosition}`)).body.count).toBe(0);
    const types = (await api.request('GET', `/assessments/${id}/history`)).body.events.map((e: any) => e.type);
    expect(types.slice(-2)).toEqual(['OutcomeRecorded', 'OutcomeRetracted']);
    const audit = (await api.request('GET', `/audit?assessmentId=${id}&type=OutcomeRecorded&minPosition=${lastPosition}`)).body;
    expect(audit.items[0]).toMatchObject({ details: { outcome: 'did-not-occur', knownAt }, changes: { status: { from: 'published', to: 'resolved' } } });
  });

  it.each([
    ['evidence', 'reliability', { title: 't', source: 's', reliability: 'G', credibility: 2, bearing: 'supports', rationale: 'r' }],
    ['evidence', 'credibility', { title: 't', source: 's', reliability: 'A', credibility: 0, bearing: 'supports', rationale: 'r' }],
    ['evidence', 'bearing', { title: 't', source: 's', reliability: 'A', credibility: 1, bearing: 'maybe', rationale: 'r' }],
    ['evidence', 'url', { title: 't', source: 's', reliability: 'A', credibility: 1, bearing: 'context', url: 'not a url', rationale: 'r' }],
    ['assumptions', 'text', { text: '', rationale: 'r' }],
    ['assumptions', 'linchpin', { text: 't', linchpin: 'yes', rationale: 'r' }],
    ['indicators', 'direction', { text: 't', direction: 'up', rationale: 'r' }],
    ['outcome', 'outcome', { outcome: 'happened', knownAt: '2023-05-01T00:00:00Z', rationale: 'r' }],
    ['outcome', 'knownAt', { outcome: 'occurred', knownAt: '2999-01-01T00:00:00Z', rationale: 'r' }],
    ['evidence/not-a-uuid/unlink', 'evidenceId', { rationale: 'r' }],
  ] as [string, string, Record<string, unknown>][])('POST %s with a bad field → 400 on %s', async (path, field, body) => {
    const res = await api.request('POST', `/assessments/${id}/${path}`, { body: { expectedRevision: revision, ...body } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.field)).toContain(field);
  });

  it.each([
    ['evidence/9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f/unlink', { rationale: 'r' }],
    ['assumptions/9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f/review', { verdict: 'holds', rationale: 'r' }],
    ['indicators/9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f/observations', { observation: 'x', observedAt: '2023-03-01T00:00:00Z', rationale: 'r' }],
  ])('POST %s for something the assessment does not have → 404', async (path, body) => {
    const res = await api.request('POST', `/assessments/${id}/${path}`, { body: { expectedRevision: revision, ...body } });
    expect(res.status).toBe(404);
  });

  it('retracting an outcome that is not there → 422', async () => {
    const res = await api.request('POST', `/assessments/${id}/outcome/retract`, { body: { expectedRevision: revision, rationale: 'r' } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('no-outcome');
  });
});
