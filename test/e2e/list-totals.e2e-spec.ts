import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp } from '../support/test-app.js';

/**
 * Listings count their matches exactly up to LIST_COUNT_LIMIT and past it say
 * "at least": here the limit is 3, against six assessments (two in Armenia),
 * each published by a second reviewer.
 */
describe('Bounded totals of the listings (e2e)', () => {
  let api: TestApp;
  let last = '0';

  beforeAll(async () => {
    api = await startTestApp(undefined, { listCountLimit: 3, listCacheEntries: 0 });
    for (let i = 0; i < 6; i++) {
      const region = i < 2 ? 'Armenia' : 'Moldova';
      const drafted = await api.request('POST', '/assessments', {
        body: draftBody({ statement: `Statement ${i} on ${region}.`, subject: { actors: ['Russia'], regions: [region], topics: ['elections'] } }),
      });
      expect(drafted.status).toBe(201);
      const published = await api.request('POST', `/assessments/${drafted.body.assessmentId}/publish`, {
        actor: 'bob',
        body: { rationale: 'Reviewed.', expectedRevision: 0, effectiveAt: '2023-02-06T00:00:00Z' },
      });
      expect(published.status).toBe(200);
      last = published.body.position;
    }
  });
  afterAll(() => api.destroy());

  /** Every item of a listing, following its cursors. */
  async function allPages(path: string): Promise<{ ids: string[]; firstPage: any }> {
    const ids: string[] = [];
    let firstPage: any;
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const res: { status: number; body: any } = await api.request('GET', `${path}${separator}limit=2&minPosition=${last}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      firstPage ??= res.body;
      ids.push(...res.body.items.map((item: any) => item.assessmentId));
      cursor = res.body.nextCursor;
    } while (cursor);
    return { ids, firstPage };
  }

  it('a list with more matches than the limit says "at least the limit", and its pages still hold them all', async () => {
    const { ids, firstPage } = await allPages('/assessments');
    expect(firstPage).toMatchObject({ total: 3, totalIsLowerBound: true });
    expect(new Set(ids).size).toBe(6);
  });

  it('a list with fewer matches than the limit counts them exactly, current or as of a time', async () => {
    const armenia = await allPages('/assessments?region=Armenia');
    expect(armenia.firstPage).toMatchObject({ total: 2, totalIsLowerBound: false });
    expect(armenia.ids).toHaveLength(2);
    // As they stood on 5 February, before any was published: still all six, as drafts.
    const drafts = await allPages('/assessments?asOf=2023-02-05T12:00:00Z&status=draft');
    expect(drafts.firstPage).toMatchObject({ total: 3, totalIsLowerBound: true });
    expect(new Set(drafts.ids).size).toBe(6);
    const before = await allPages('/assessments?asOf=2023-02-04T00:00:00Z');
    expect(before.firstPage).toMatchObject({ total: 0, totalIsLowerBound: false, items: [] });
  });

  it('the audit feed and review-due bound their totals the same way', async () => {
    const audit = (await api.request('GET', `/audit?limit=2&minPosition=${last}`)).body;
    expect(audit).toMatchObject({ total: 3, totalIsLowerBound: true });
    const oneAssessment = (await api.request('GET', `/audit?assessmentId=${audit.items[0].assessmentId}&minPosition=${last}`)).body;
    expect(oneAssessment).toMatchObject({ total: 2, totalIsLowerBound: false });
    // Horizons "short-term" from 5 Feb 2023 have long ended: all six are due.
    const due = (await api.request('GET', `/review-due?limit=2&minPosition=${last}`)).body;
    expect(due).toMatchObject({ total: 3, totalIsLowerBound: true });
    expect(due.items[0].reasons).toContain('horizon-ended');
  });
});
