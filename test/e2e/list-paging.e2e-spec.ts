import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp } from '../support/test-app.js';

/**
 * Paging a current list while others change what is listed: an assessment
 * whose sort value did not change keeps its place, so reading page after
 * page meets every assessment once. Ties are the common case (imported
 * judgments share terms, so probabilities and horizon ends).
 */
describe('Current list pages stay put under unrelated changes (e2e)', () => {
  let api: TestApp;
  const ids: string[] = [];
  const revisions = new Map<string, number>();
  let position = '0';

  beforeAll(async () => {
    api = await startTestApp();
    for (let i = 0; i < 12; i++) {
      const res = await api.request('POST', '/assessments', { body: draftBody({ statement: `Tied judgment ${i}.`, subject: { actors: ['Russia'], regions: ['Moldova'], topics: ['paging-ties'] } }) });
      ids.push(res.body.assessmentId);
      revisions.set(res.body.assessmentId, 0);
      position = res.body.position;
    }
  });
  afterAll(() => api.destroy());

  /** A change that leaves every sort value but the update time as it was. */
  const touch = async (id: string) => {
    const revision = revisions.get(id)!;
    const res = await api.request('POST', `/assessments/${id}/confidence`, {
      body: { confidence: revision % 2 === 0 ? 'high' : 'low', basis: 'new-information', rationale: 'Unrelated to the order.', expectedRevision: revision },
    });
    expect(res.status).toBe(200);
    revisions.set(id, res.body.revision);
    position = res.body.position;
  };

  it.each(['probability', '-probability', 'horizonEnd', '-horizonEnd', 'createdAt'])('sort=%s: every assessment once, though two changed between pages', async (sort) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const query: string = `/assessments?topic=paging-ties&sort=${sort}&limit=5&minPosition=${position}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await api.request('GET', query);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((item: { assessmentId: string }) => item.assessmentId));
      cursor = res.body.nextCursor;
      if (page === 0) {
        // One already listed and one not yet listed get a new current version.
        await touch(seen[0]);
        await touch(ids.find((id) => !seen.includes(id))!);
      }
      page += 1;
    } while (cursor && page < 10);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it('a cursor from before ties were broken by the assessment is refused, not misread', async () => {
    const old = Buffer.from(JSON.stringify(['probability', 0.3, 5])).toString('base64url');
    const res = await api.request('GET', `/assessments?sort=probability&cursor=${old}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
  });
});
