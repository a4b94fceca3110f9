import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { AssessmentCommandExecutor } from '../../../src/assessments/application/assessment-command.executor.js';
import { AssessmentRepository } from '../../../src/assessments/application/assessment.repository.js';
import type { FoldLimit } from '../../../src/assessments/application/fold-limit.js';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store.js';

describe('AssessmentRepository with its fold cache', () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  const cached = new AssessmentRepository(store);
  const executor = new AssessmentCommandExecutor(cached);
  const id = randomUUID();
  const effectiveTimes: number[] = [];
  const recordedTimes: number[] = [];

  beforeAll(async () => {
    // 700 changes: more than five snapshot intervals, with backdated effective times.
    const start = Date.parse('2023-02-05T00:00:00Z');
    const meta = (i: number) => ({ actor: i % 2 ? 'alice' : 'bob', correlationId: randomUUID(), effectiveAt: new Date(start + i * 3_600_000).toISOString() });
    await executor.execute(
      id,
      {
        type: 'DraftAssessment',
        data: {
          assessmentId: id,
          statement: 'Escalation is unlikely.',
          likelihood: { probability: 0 },
          confidence: 'moderate',
          horizon: { term: 'short-term' },
          subject: { actors: [], regions: [], topics: [] },
          rationale: 'r',
        },
      },
      meta(0),
      'no_stream',
    );
    for (let i = 1; i <= 700; i++) {
      await executor.execute(
        id,
        { type: 'ChangeLikelihood', data: { likelihood: { probability: (i % 100) / 100 + (i % 100 === 0 ? 0.005 : 0) }, basis: 'new-information', rationale: `step ${i}` } },
        meta(i),
        i - 1,
      );
    }
    for (const event of await cached.readEvents(id)) {
      effectiveTimes.push(Date.parse(event.metadata.effectiveAt));
      recordedTimes.push(Date.parse(event.metadata.recordedAt));
    }
  });
  afterAll(() => store.close());

  const limitArb: fc.Arbitrary<FoldLimit> = fc.oneof(
    fc.constant({ kind: 'head' } as const),
    fc.integer({ min: 0, max: 720 }).map((revision) => ({ kind: 'revision', revision }) as const),
    fc.integer({ min: 0, max: 700 }).chain((i) =>
      fc.integer({ min: -1, max: 1 }).map((delta) => ({ kind: 'effective', at: (effectiveTimes[i] ?? 0) + delta }) as const),
    ),
    fc.integer({ min: 0, max: 700 }).map((i) => ({ kind: 'recorded', at: recordedTimes[i] ?? 0 }) as const),
  );

  it('answers every limit exactly as a fold from the first event does, in any order of reads', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(limitArb, { minLength: 1, maxLength: 8 }), async (limits) => {
        for (const limit of limits) {
          const fromScratch = await new AssessmentRepository(store).load(id, limit);
          expect(await cached.load(id, limit)).toEqual(fromScratch);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('reads only the events after the cached head on the next command', async () => {
    await cached.load(id);
    const reads: unknown[] = [];
    const original = store.readStream.bind(store);
    store.readStream = async (stream, options) => {
      reads.push(options);
      return original(stream, options);
    };
    await cached.load(id);
    store.readStream = original;
    expect(reads).toEqual([{ fromRevision: 701, toRevision: undefined, maxCount: undefined }]);
  });
});
