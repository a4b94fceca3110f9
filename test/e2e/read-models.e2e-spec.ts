import { draftBody } from '../support/fixtures.js';
import { startTestApp, TestApp } from '../support/test-app.js';

/**
 * Three statements imported with their past history (backdated), then read
 * through the read models: lists, search, as-of lists, audit, review-due.
 */
describe('Read models over HTTP (e2e)', () => {
  let api: TestApp;
  let escalation: string; // A: drafted 5 Feb 2023, raised to "possible" 1 Jun 2023, published
  let economicTies: string; // B: drafted 5 Feb 2023, published
  let later: string; // C: drafted 5 Feb 2024, withdrawn
  let lastPosition = '0';
  let draftedA = '';

  const ok = (res: { status: number; body: any }) => {
    expect(res.status).toBeLessThan(300);
    lastPosition = res.body.position;
    return res.body;
  };
  const list = async (query: string) => {
    const res = await api.request('GET', `/assessments?minPosition=${lastPosition}&${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: any[]; total: number; nextCursor: string | null; position: string };
  };
  const statements = (body: { items: { assessmentId: string }[] }) => body.items.map((i) => i.assessmentId).sort();

  beforeAll(async () => {
    api = await startTestApp();
    escalation = ok(
      await api.request('POST', '/assessments', {
        body: draftBody({ rationale: 'Russian units in Transnistria are tied down by the war.' }),
      }),
    ).assessmentId;
    draftedA = new Date().toISOString();
    // The next change must be recorded in a later millisecond than draftedA, or "as of draftedA" would hold it too.
    while (Date.now() <= Date.parse(draftedA)) await new Promise((r) => setTimeout(r, 1));
    ok(
      await api.request('POST', `/assessments/${escalation}/likelihood`, {
        body: {
          likelihood: { scale: 'nta', term: 'possible' },
          basis: 'new-information',
          rationale: 'Mobilisation reports from Abkhazia.',
          expectedRevision: 0,
          effectiveAt: '2023-06-01T00:00:00Z',
        },
      }),
    );
    ok(
      await api.request('POST', `/assessments/${escalation}/publish`, {
        actor: 'bob',
        body: { rationale: 'Reviewed.', expectedRevision: 1, effectiveAt: '2023-06-02T00:00:00Z' },
      }),
    );
    economicTies = ok(
      await api.request('POST', '/assessments', {
        body: draftBody({
          statement: 'Russia expects closer economic ties with the CIS countries in the short term.',
          likelihood: { scale: 'nta', term: 'likely' },
          confidence: 'high',
          subject: { actors: ['Russia'], regions: ['Kazakhstan', 'Armenia'], topics: ['economic integration'] },
          rationale: 'Trade is being redirected through Central Asia.',
        }),
      }),
    ).assessmentId;
    ok(
      await api.request('POST', `/assessments/${economicTies}/publish`, {
        actor: 'bob',
        body: { rationale: 'Reviewed.', expectedRevision: 0, effectiveAt: '2023-02-06T00:00:00Z' },
      }),
    );
    later = ok(
      await api.request('POST', '/assessments', {
        actor: 'carol',
        body: draftBody({
          statement: 'Belarus will host more Russian forces in the near term.',
          likelihood: { scale: 'nta', term: 'highly-likely' },
          horizon: { term: 'near-term' },
          subject: { actors: ['Russia', 'Belarus'], regions: ['Belarus'], topics: ['military presence'] },
          effectiveAt: '2024-02-05T00:00:00Z',
          rationale: 'Joint exercises planned.',
        }),
      }),
    ).assessmentId;
    ok(
      await api.request('POST', `/assessments/${later}/withdraw`, {
        actor: 'carol',
        body: { rationale: 'Duplicate of another judgment.', expectedRevision: 0, effectiveAt: '2024-03-01T00:00:00Z' },
      }),
    );
  });
  afterAll(() => api.destroy());

  describe('GET /assessments', () => {
    it('lists current assessments with the total', async () => {
      const all = await list('');
      expect(all.total).toBe(3);
      expect(statements(all)).toEqual([escalation, economicTies, later].sort());
      const a = all.items.find((i) => i.assessmentId === escalation);
      expect(a).toMatchObject({ revision: 2, status: 'published', likelihood: { scale: 'nta', term: 'possible' } });
      // The same fields as GET /assessments/:id, which adds the supporting material.
      const { evidence, assumptions, indicators, outcome, score, dissents, ...summary } = (
        await api.request('GET', `/assessments/${escalation}`)
      ).body;
      expect(a).toEqual(summary);
      expect({ evidence, assumptions, indicators, outcome, score, dissents }).toMatchObject({ assumptions: [], outcome: null, score: null, dissents: [] });
    });

    it.each([
      ['status=published', () => [escalation, economicTies]],
      ['status=draft,withdrawn', () => [later]],
      ['region=moldova', () => [escalation]],
      ['actor=Belarus', () => [later]],
      ['topic=economic%20integration', () => [economicTies]],
      ['confidence=high', () => [economicTies]],
      ['likelihood=nta:possible', () => [escalation]],
      ['likelihood=icd203:likely', () => [economicTies]],
      ['minProbability=0.7', () => [later]],
      ['horizonEndsBefore=2024-01-01', () => [escalation, economicTies]],
      ['horizonEndsAfter=2024-01-01', () => [later]],
      ['createdBy=carol', () => [later]],
      ['q=economic', () => [economicTies]],
      ['q=transnistria', () => [escalation]],
      ['q=abkhaz', () => [escalation]],
      ['q=%22%29%28*', () => []],
      ['status=published&region=Armenia', () => [economicTies]],
    ])('filters by %s', async (query, expected) => {
      const body = await list(query);
      expect(statements(body)).toEqual(expected().sort());
      expect(body.total).toBe(expected().length);
    });

    it('pages with a cursor, without repeats, in the asked order', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const body: { items: any[]; total: number; nextCursor: string | null } = await list(
          `sort=effectiveAt&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(body.total).toBe(3);
        seen.push(...body.items.map((i) => i.assessmentId));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual([economicTies, escalation, later]);
    });

    it('shows likelihoods in the asked scale', async () => {
      const body = await list('scale=icd203&region=Moldova');
      expect(body.items[0].likelihood).toMatchObject({ scale: 'icd203', stated: { scale: 'nta', term: 'possible' } });
    });
  });

  describe('as-of lists', () => {
    it('as of an effective time: the judgments that stood then, as they stood', async () => {
      const feb = await list('asOf=2023-03-01T00:00:00Z');
      expect(statements(feb)).toEqual([escalation, economicTies].sort());
      expect(feb.items.find((i) => i.assessmentId === escalation)).toMatchObject({
        revision: 0,
        status: 'draft',
        likelihood: { term: 'unlikely' },
      });
      const july = await list('asOf=2023-07-01T00:00:00Z&status=published');
      expect(july.items.find((i) => i.assessmentId === escalation)).toMatchObject({ revision: 2, likelihood: { term: 'possible' } });
      const mar2024 = await list('asOf=2024-03-02T00:00:00Z');
      expect(mar2024.items.find((i) => i.assessmentId === later)).toMatchObject({ status: 'withdrawn' });
      expect((await list('asOf=2023-01-01T00:00:00Z')).total).toBe(0);
    });

    it('as of a recorded time: what the ledger held then', async () => {
      expect((await list('recordedAsOf=2020-01-01T00:00:00Z')).total).toBe(0);
      const justAfterFirst = await list(`recordedAsOf=${encodeURIComponent(draftedA)}`);
      expect(statements(justAfterFirst)).toEqual([escalation]);
      expect(justAfterFirst.items[0].revision).toBe(0);
    });
  });

  describe('GET /audit', () => {
    it('tells who changed what, when, why and on what basis', async () => {
      const res = await api.request('GET', `/audit?minPosition=${lastPosition}&type=LikelihoodChanged`);
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({
        assessmentId: escalation,
        revision: 1,
        actor: 'alice',
        effectiveAt: '2023-06-01T00:00:00.000Z',
        rationale: 'Mobilisation reports from Abkhazia.',
        basis: 'new-information',
        changes: { likelihood: { from: { term: 'unlikely' }, to: { term: 'possible' } } },
      });
    });

    it('filters by actor, assessment and time, newest first by default, paginated', async () => {
      const bob = (await api.request('GET', '/audit?actor=bob')).body;
      expect(bob.items.map((e: any) => e.type)).toEqual(['AssessmentPublished', 'AssessmentPublished']);
      const ofA = (await api.request('GET', `/audit?assessmentId=${escalation}&order=asc`)).body;
      expect(ofA.items.map((e: any) => e.revision)).toEqual([0, 1, 2]);
      const effective2024 = (await api.request('GET', '/audit?effectiveFrom=2024-01-01T00:00:00Z')).body;
      expect(effective2024.items.map((e: any) => e.assessmentId)).toEqual([later, later]);
      const future = (await api.request('GET', '/audit?from=2999-01-01T00:00:00Z')).body;
      expect(future.total).toBe(0);

      const first = (await api.request('GET', '/audit?limit=4')).body;
      const second = (await api.request('GET', `/audit?limit=4&cursor=${first.nextCursor}`)).body;
      expect(first.total).toBe(7);
      expect(second.nextCursor).toBeNull();
      const positions = [...first.items, ...second.items].map((e: any) => Number(e.position));
      expect(positions).toEqual([...positions].sort((x, y) => y - x));
      expect(new Set(positions).size).toBe(7);
    });
  });

  describe('GET /review-due', () => {
    it('lists published assessments whose horizon ended or that have gone unrevised', async () => {
      const res = await api.request('GET', `/review-due?minPosition=${lastPosition}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: any) => i.assessment.assessmentId).sort()).toEqual([escalation, economicTies].sort());
      expect(res.body.items[0].reasons).toEqual(['horizon-ended', 'not-revised']);
      expect(res.body.staleAfterDays).toBe(180);
    });
  });

  describe('GET /assessments/:id/timeline', () => {
    it('gives the probability band and confidence at each change', async () => {
      const res = await api.request('GET', `/assessments/${escalation}/timeline?scale=icd203`);
      expect(res.body.points.map((p: any) => [p.revision, p.probability.low, p.probability.high, p.confidence])).toEqual([
        [0, 0, 0.25, 'moderate'],
        [1, 0.25, 0.5, 'moderate'],
        [2, 0.25, 0.5, 'moderate'],
      ]);
      expect(res.body.points[1]).toMatchObject({ type: 'LikelihoodChanged', rationale: 'Mobilisation reports from Abkhazia.', likelihood: { scale: 'icd203' } });
      expect((await api.request('GET', '/assessments/9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f/timeline')).status).toBe(404);
    });
  });

  describe('read-your-writes', () => {
    it('a list with the position a command answered includes that command', async () => {
      const created = (await api.request('POST', '/assessments', { body: draftBody({ statement: 'Fresh statement about Ossetia.' }) })).body;
      const res = await api.request('GET', `/assessments?q=ossetia&minPosition=${created.position}`);
      expect(res.body.items.map((i: any) => i.assessmentId)).toEqual([created.assessmentId]);
      expect(BigInt(res.body.position) >= BigInt(created.position)).toBe(true);
      await api.request('POST', `/assessments/${created.assessmentId}/withdraw`, { body: { rationale: 'test only', expectedRevision: 0 } });
    });

    it('a position the read models do not reach in time gets 503 with Retry-After', async () => {
      // No live runner: the event is in the log, and the read models never get to it.
      const idle = await startTestApp(undefined, { runProjections: false, readModelWaitMs: 50 });
      try {
        const drafted = (await idle.request('POST', '/assessments', { body: draftBody() })).body;
        const res = await idle.request('GET', `/assessments?minPosition=${drafted.position}`);
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('1');
        expect(res.body).toMatchObject({ code: 'read-model-behind', minPosition: drafted.position, position: '0' });
      } finally {
        await idle.destroy();
      }
    });

    it('a position past the newest event in the log is refused at once with 400, since no wait would reach it', async () => {
      const head = (await api.request('GET', '/admin/projections')).body.head as string;
      const beyond = (BigInt(head) + 1n).toString();
      const started = performance.now();
      for (const path of ['/assessments', '/audit', '/review-due', '/calibration', `/assessments/${escalation}/timeline`]) {
        const res = await api.request('GET', `${path}?minPosition=${beyond}`);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.body).toMatchObject({ head, errors: [{ field: 'minPosition', message: expect.stringContaining(`minPosition ${beyond} is past`) }] });
      }
      // Well under one READ_MODEL_WAIT_MS (2 s by default) for all five: nothing waited.
      expect(performance.now() - started).toBeLessThan(2000);
    });
  });

  describe('rebuild', () => {
    it('rebuilds from position 0 behind the scenes and swaps in identical read models', async () => {
      const before = await list('sort=createdAt');
      const auditBefore = (await api.request('GET', '/audit?limit=100')).body.items;
      const started = await api.request('POST', '/admin/projections/rebuild');
      expect(started.status).toBe(202);
      // Queries keep answering while it runs.
      expect((await api.request('GET', '/assessments')).status).toBe(200);
      let status: any;
      for (let i = 0; i < 100; i++) {
        status = (await api.request('GET', '/admin/projections')).body;
        if (status.rebuild === null && status.lastRebuild) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(status.lastRebuild).toMatchObject({ events: Number(status.head), position: status.head });
      const after = await list('sort=createdAt');
      expect(after).toEqual(before);
      expect((await api.request('GET', '/audit?limit=100')).body.items).toEqual(auditBefore);
    });
  });

  it.each([
    ['likelihood=nta:very-likely', 'likelihood'],
    ['likelihood=likely', 'likelihood'],
    ['limit=0', 'limit'],
    ['limit=many', 'limit'],
    ['sort=name', 'sort'],
    ['status=open', 'status'],
    ['asOf=last%20week', 'asOf'],
    ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['minPosition=-1', 'minPosition'],
    ['minProbability=2', 'minProbability'],
    ['region=a&region=b', 'region'],
  ])('GET /assessments?%s → 400 on %s', async (query, field) => {
    const res = await api.request('GET', `/assessments?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.field)).toContain(field);
  });

  it.each([
    ['type=Nonsense', 'type'],
    ['assessmentId=42', 'assessmentId'],
    ['order=up', 'order'],
    ['from=yesterday', 'from'],
  ])('GET /audit?%s → 400 on %s', async (query, field) => {
    const res = await api.request('GET', `/audit?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.field)).toContain(field);
  });
});
