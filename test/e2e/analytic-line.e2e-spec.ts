import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp } from '../support/test-app.js';

/**
 * Two editions of the report, 5 February 2023 and 5 February 2024, and a
 * backdated history that puts a judgment in every class.
 */
describe('Dissents and the analytic line (e2e)', () => {
  let api: TestApp;
  let last = '0';
  const ids: Record<string, string> = {};
  const revisions: Record<string, number> = {};

  const draft = async (name: string, effectiveAt: string, patch: Record<string, unknown> = {}) => {
    const res = await api.request('POST', '/assessments', { body: draftBody({ statement: `Statement ${name}: Russia will not escalate the conflict.`, effectiveAt, ...patch }) });
    expect(res.status).toBe(201);
    ids[name] = res.body.assessmentId;
    revisions[name] = 0;
    last = res.body.position;
  };
  const change = async (name: string, path: string, effectiveAt: string, body: Record<string, unknown>, actor = 'alice') => {
    const res = await api.request('POST', `/assessments/${ids[name]}/${path}`, { actor, body: { expectedRevision: revisions[name], effectiveAt, rationale: `Why ${name} ${path} ${effectiveAt.slice(0, 7)}.`, ...body } });
    expect({ name, path, status: res.status, body: res.body }).toMatchObject({ status: expect.any(Number) });
    expect(res.status).toBeLessThan(300);
    revisions[name] = res.body.revision;
    last = res.body.position;
    return res.body;
  };

  beforeAll(async () => {
    api = await startTestApp();
    const edition = '2023-02-05T00:00:00Z';
    await draft('A', edition);
    await change('A', 'likelihood', '2023-06-01T00:00:00Z', { likelihood: { scale: 'nta', term: 'possible' }, basis: 'new-information' });
    await draft('B', edition);
    await change('B', 'statement', '2023-05-01T00:00:00Z', { statement: 'Statement B: Russia will not escalate the frozen conflicts this year.' });
    await change('B', 'confidence', '2023-07-01T00:00:00Z', { confidence: 'low', basis: 'new-reasoning' });
    await draft('C', edition);
    await draft('D', edition);
    await change('D', 'likelihood', '2023-04-01T00:00:00Z', { likelihood: { scale: 'nta', term: 'likely' }, basis: 'new-information' });
    await change('D', 'likelihood', '2023-08-01T00:00:00Z', { likelihood: { scale: 'nta', term: 'unlikely' }, basis: 'correction' });
    await draft('E', edition);
    await change('E', 'withdraw', '2023-09-01T00:00:00Z', {});
    await draft('G', '2023-10-01T00:00:00Z');
    await draft('F', edition);
    await change('F', 'supersede', '2023-10-01T00:00:00Z', { supersededBy: ids.G });
    await draft('H', edition);
    await change('H', 'publish', '2023-02-06T00:00:00Z', {}, 'bob');
    await change('H', 'outcome', '2023-12-01T00:00:00Z', { outcome: 'did-not-occur', knownAt: '2023-12-01T00:00:00Z' });
    await draft('I', '2023-03-01T00:00:00Z');
    await change('I', 'withdraw', '2023-04-01T00:00:00Z', {});
    await draft('J', '2022-06-01T00:00:00Z');
    await change('J', 'withdraw', '2022-12-01T00:00:00Z', {});
    await draft('K', '2024-03-01T00:00:00Z');
  });
  afterAll(() => api.destroy());

  const report = (query: string, accept?: string) =>
    api.request('GET', `/reports/analytic-line?from=2023-02-05T12:00:00Z&to=2024-02-05T12:00:00Z&minPosition=${last}${query}`, accept ? { headers: { accept } } : {});

  it('classes every judgment between two editions, with counts', async () => {
    const res = await report('');
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ new: 1, changed: 2, consistent: 2, withdrawn: 2, superseded: 1, resolved: 1 });
    const byId = Object.fromEntries(res.body.items.map((item: any) => [item.assessmentId, item]));
    const cls = (name: string) => byId[ids[name]]?.class;
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map(cls)).toEqual([
      'changed', 'changed', 'consistent', 'consistent', 'withdrawn', 'superseded', 'new', 'resolved', 'withdrawn',
    ]);
    expect(byId[ids.J]).toBeUndefined();
    expect(byId[ids.K]).toBeUndefined();

    expect(byId[ids.A].changes.likelihood).toMatchObject({ direction: 'up', from: { term: 'unlikely' }, to: { term: 'possible' } });
    expect(byId[ids.A].interim).toEqual([expect.objectContaining({ type: 'LikelihoodChanged', basis: 'new-information', rationale: 'Why A likelihood 2023-06.' })]);
    expect(byId[ids.B].changes).toMatchObject({ confidence: { from: 'moderate', to: 'low', direction: 'down' }, reworded: { to: expect.stringContaining('frozen conflicts') } });
    // Changed and changed back: consistent, with the interim changes and their reasons listed.
    expect(byId[ids.D].changes).toEqual({});
    expect(byId[ids.D].interim.map((i: any) => [i.basis, i.rationale])).toEqual([
      ['new-information', 'Why D likelihood 2023-04.'],
      ['correction', 'Why D likelihood 2023-08.'],
    ]);
    expect(byId[ids.I]).toMatchObject({ class: 'withdrawn', createdInWindow: true, atFrom: null });
    expect(byId[ids.G]).toMatchObject({ class: 'new', createdInWindow: true });
  });

  it('applies the list filters, and refuses a window that ends before it starts', async () => {
    const changedOnly = await report(`&q=frozen`);
    expect(changedOnly.body.items.map((i: any) => i.assessmentId)).toEqual([ids.B]);
    const bad = await api.request('GET', '/reports/analytic-line?from=2024-01-01&to=2023-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('to');
    expect((await api.request('GET', '/reports/analytic-line?to=2024-01-01')).body.errors[0].field).toBe('from');
  });

  it('renders Markdown for an edition annex, with a word-level diff of rewordings', async () => {
    const res = await report('', 'text/markdown');
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = res.body as string;
    expect(text).toMatch(/^# Changes in judgments, 2023-02-05 to 2024-02-05/);
    expect(text).toMatch(/## Changed judgments \(2\)/);
    expect(text).toMatch(/Reworded: Statement B: Russia will not escalate the ~~conflict~~ \*\*frozen conflicts this year\*\*\./);
    expect(text).toMatch(/Likelihood up: unlikely \(nta, 0–25%\) → possible \(nta, 25–50%\)/);
    expect(text).toMatch(/## Consistent judgments \(2\)/);
  });

  it('renders CSV, one row per judgment', async () => {
    const res = await report('', 'text/csv');
    const lines = (res.body as string).trim().split('\n');
    expect(lines[0]).toMatch(/^class,assessment_id,created_in_window,statement/);
    expect(lines).toHaveLength(10);
  });

  describe('dissents', () => {
    it('another analyst records, revises and withdraws a dissent; the author may not dissent', async () => {
      const own = await api.request('POST', `/assessments/${ids.C}/dissents`, { body: { confidence: 'low', rationale: 'r', expectedRevision: revisions.C } });
      expect(own.status).toBe(422);
      expect(own.body.code).toBe('author-cannot-dissent');

      const recorded = await change('C', 'dissents', new Date().toISOString(), { likelihood: { scale: 'icd203', term: 'likely' }, confidence: 'low' }, 'bob');
      expect(recorded.dissentId).toMatch(/^[0-9a-f-]{36}$/);
      const view = (await api.request('GET', `/assessments/${ids.C}`)).body;
      expect(view.dissentCount).toBe(1);
      expect(view.dissents[0]).toMatchObject({ author: 'bob', confidence: 'low', confidenceDiffers: true, likelihood: { term: 'likely' } });
      // Main: NTA unlikely 0–25% (midpoint 0.125); dissent ICD 203 likely 55–80% (0.675): 0.55 higher, 30 points of gap.
      expect(view.dissents[0].spread.midpoint).toBeCloseTo(0.55, 12);
      expect(view.dissents[0].spread.gap).toBeCloseTo(0.3, 12);

      const withDissent = (await api.request('GET', `/assessments?hasDissent=true&minPosition=${last}`)).body;
      expect(withDissent.items.map((i: any) => i.assessmentId)).toEqual([ids.C]);

      const notHis = await api.request('POST', `/assessments/${ids.C}/dissents/${recorded.dissentId}/withdraw`, {
        actor: 'carol',
        body: { rationale: 'r', expectedRevision: revisions.C },
      });
      expect(notHis.status).toBe(422);
      await change('C', `dissents/${recorded.dissentId}/revise`, new Date().toISOString(), { likelihood: { probability: 0.9 } }, 'bob');
      expect((await api.request('GET', `/assessments/${ids.C}`)).body.dissents[0].likelihood.probability).toEqual({ low: 0.9, high: 0.9 });
      // null, as JSON clients send for "none", is a dissent on confidence alone, as a left-out likelihood is.
      await change('C', `dissents/${recorded.dissentId}/revise`, new Date().toISOString(), { likelihood: null, confidence: 'moderate' }, 'bob');
      expect((await api.request('GET', `/assessments/${ids.C}`)).body.dissents[0]).toMatchObject({ likelihood: null, confidence: 'moderate' });
      await change('C', `dissents/${recorded.dissentId}/withdraw`, new Date().toISOString(), {}, 'bob');
      expect((await api.request('GET', `/assessments/${ids.C}`)).body.dissents).toEqual([]);
    });

    it('a dissent standing at the outcome is scored, and calibration compares main line and dissent', async () => {
      await change('A', 'publish', new Date().toISOString(), {}, 'bob');
      await change('A', 'dissents', new Date().toISOString(), { likelihood: { scale: 'nta', term: 'highly-likely' } }, 'carol');
      await change('A', 'outcome', new Date().toISOString(), { outcome: 'occurred', knownAt: new Date().toISOString() });
      const view = (await api.request('GET', `/assessments/${ids.A}`)).body;
      // Dissent: NTA highly likely 75–100%, midpoint 0.875 → (0.875 − 1)² = 0.015625; main line NTA possible (0.375) → 0.390625.
      expect(view.score).toMatchObject({ scored: true, brier: 0.390625 });
      expect(view.dissents[0].score).toMatchObject({ scored: true, brier: 0.015625 });
      const byLine = (await api.request('GET', `/calibration?groupBy=line&minPosition=${last}`)).body;
      expect(byLine.groups.map((g: any) => [g.key, g.count, g.meanBrier])).toEqual([
        ['dissent', 1, 0.015625],
        ['main', 1, 0.390625],
      ]);
      expect(byLine.count).toBe(1);
      const byActor = (await api.request('GET', '/calibration?groupBy=actor')).body;
      expect(byActor.groups.map((g: any) => g.key)).toEqual(['alice']);
    });
  });

  it('calibration scores every stated judgment by default, and with line=published the main line as readers were shown it', async () => {
    // Published at NTA unlikely (midpoint 0.125), raised to highly likely (0.875) without a new publication, then it occurred.
    // Outcomes count only judgments recorded before they were known, so this one is known now, after them.
    await draft('L', '2023-02-05T00:00:00Z');
    await change('L', 'publish', '2023-02-10T00:00:00Z', {}, 'bob');
    await change('L', 'likelihood', '2023-03-01T00:00:00Z', { likelihood: { scale: 'nta', term: 'highly-likely' }, basis: 'new-information' });
    const knownAt = new Date().toISOString();
    await change('L', 'outcome', knownAt, { outcome: 'occurred', knownAt });
    const calibration = (line: string) => api.request('GET', `/calibration?from=${knownAt}&minPosition=${last}${line}`);

    const working = (await calibration('')).body;
    expect(working).toMatchObject({ line: 'working', count: 1, meanBrier: 0.015625 });
    const published = (await calibration('&line=published')).body;
    expect(published).toMatchObject({ line: 'published', count: 1, meanBrier: 0.765625 });
    const byLine = (await calibration('&line=published&groupBy=line')).body;
    expect(byLine.groups.map((g: any) => [g.key, g.count, g.meanBrier])).toEqual([['main', 1, 0.765625]]);
    expect((await calibration('&line=both')).status).toBe(400);
  });
});

describe('An analytic-line report wider than REPORT_MAX_JUDGMENTS (e2e)', () => {
  let api: TestApp;
  let last = '0';

  beforeAll(async () => {
    api = await startTestApp(undefined, { reportMaxJudgments: 2 });
    for (const region of ['Armenia', 'Moldova', 'Moldova']) {
      const res = await api.request('POST', '/assessments', { body: draftBody({ subject: { actors: ['Russia'], regions: [region], topics: [] } }) });
      last = res.body.position;
    }
  });
  afterAll(() => api.destroy());

  const report = (query: string) =>
    api.request('GET', `/reports/analytic-line?from=2023-01-01T00:00:00Z&to=2024-01-01T00:00:00Z&minPosition=${last}${query}`);

  it('is refused with 422 and what to do, and a narrowed one is answered', async () => {
    const wide = await report('');
    expect(wide.status).toBe(422);
    expect(wide.body).toMatchObject({ code: 'report-too-large', limit: 2, message: expect.stringContaining('narrow the report') });
    const narrowed = await report('&region=Moldova');
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.items).toHaveLength(2);
  });
});

describe('The analytic line as published (e2e)', () => {
  let api: TestApp;
  let last = '0';
  const ids: Record<string, string> = {};
  const revisions: Record<string, number> = {};

  const draft = async (name: string, effectiveAt: string) => {
    const res = await api.request('POST', '/assessments', { body: draftBody({ statement: `Statement ${name}: Russia will not escalate the conflict.`, effectiveAt }) });
    ids[name] = res.body.assessmentId;
    revisions[name] = 0;
    last = res.body.position;
  };
  const change = async (name: string, path: string, effectiveAt: string, body: Record<string, unknown> = {}, actor = 'alice') => {
    const res = await api.request('POST', `/assessments/${ids[name]}/${path}`, { actor, body: { expectedRevision: revisions[name], effectiveAt, rationale: `Why ${name} ${path} ${effectiveAt.slice(0, 7)}.`, ...body } });
    expect(res.status).toBeLessThan(300);
    revisions[name] = res.body.revision;
    last = res.body.position;
  };

  beforeAll(async () => {
    api = await startTestApp();
    // Never published: on the working line only.
    await draft('draft', '2023-01-01T00:00:00Z');
    // Published before the first edition, then changed, the change never published.
    await draft('pending', '2023-01-01T00:00:00Z');
    await change('pending', 'publish', '2023-01-02T00:00:00Z', {}, 'bob');
    await change('pending', 'likelihood', '2023-06-01T00:00:00Z', { likelihood: { scale: 'nta', term: 'likely' }, basis: 'new-information' });
    // Published, reworded, and the new wording published within the window.
    await draft('republished', '2023-01-01T00:00:00Z');
    await change('republished', 'publish', '2023-01-02T00:00:00Z', {}, 'bob');
    await change('republished', 'statement', '2023-05-01T00:00:00Z', { statement: 'Statement republished: Russia will not escalate the frozen conflicts.' });
    await change('republished', 'publish', '2023-07-01T00:00:00Z', {}, 'bob');
    // Changed before the first edition, the change published only within the window: readers first saw it then.
    await draft('late', '2023-01-01T00:00:00Z');
    await change('late', 'publish', '2023-01-02T00:00:00Z', {}, 'bob');
    await change('late', 'likelihood', '2023-01-20T00:00:00Z', { likelihood: { scale: 'nta', term: 'possible' }, basis: 'new-information' });
    await change('late', 'publish', '2023-03-01T00:00:00Z', {}, 'bob');
  });
  afterAll(() => api.destroy());

  const report = (line: string) =>
    api.request('GET', `/reports/analytic-line?from=2023-02-05T00:00:00Z&to=2024-02-05T00:00:00Z&minPosition=${last}${line}`);

  it('leaves out what was never published and changes readers never saw; lists the reasons of those they did', async () => {
    const published = await report('&line=published');
    expect(published.status).toBe(200);
    expect(published.body.line).toBe('published');
    const byId = Object.fromEntries(published.body.items.map((item: any) => [item.assessmentId, item]));
    expect(byId[ids.draft]).toBeUndefined();
    expect(byId[ids.pending]).toMatchObject({ class: 'consistent', changes: {}, interim: [] });
    expect(byId[ids.republished]).toMatchObject({ class: 'changed', changes: { reworded: { to: expect.stringContaining('frozen conflicts') } } });
    expect(byId[ids.republished].interim.map((i: any) => [i.type, i.rationale])).toEqual([
      ['StatementReworded', 'Why republished statement 2023-05.'],
      ['AssessmentPublished', 'Why republished publish 2023-07.'],
    ]);
    expect(byId[ids.late]).toMatchObject({ class: 'changed', changes: { likelihood: { direction: 'up' } } });
    expect(byId[ids.late].interim.map((i: any) => [i.type, i.rationale])).toEqual([
      ['LikelihoodChanged', 'Why late likelihood 2023-01.'],
      ['AssessmentPublished', 'Why late publish 2023-03.'],
    ]);
    expect(published.body.counts).toMatchObject({ new: 0, changed: 2, consistent: 1 });

    // The working line (the default) has the draft and the unpublished change.
    const working = await report('');
    expect(working.body.line).toBe('working');
    const workingById = Object.fromEntries(working.body.items.map((item: any) => [item.assessmentId, item]));
    expect(workingById[ids.draft]).toMatchObject({ class: 'consistent' });
    expect(workingById[ids.pending]).toMatchObject({ class: 'changed', changes: { likelihood: { direction: 'up' } } });
    expect((await report('&line=both')).status).toBe(400);
    // Readers' line has no changes awaiting publication: asking it for them is refused, not answered empty.
    const contradiction = await report('&line=published&awaitingPublication=true');
    expect(contradiction.status).toBe(400);
    expect(contradiction.body.errors).toEqual([expect.objectContaining({ field: 'awaitingPublication' })]);
    expect((await report('&line=working&awaitingPublication=true')).status).toBe(200);
    const annex = await api.request('GET', `/reports/analytic-line?from=2023-02-05T00:00:00Z&to=2024-02-05T00:00:00Z&line=published`, { headers: { accept: 'text/markdown' } });
    expect(annex.body).toMatch(/^# Changes in judgments, 2023-02-05 to 2024-02-05 \(as published\)/);
  });
});
