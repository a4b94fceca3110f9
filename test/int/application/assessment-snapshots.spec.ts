import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { AssessmentCommandExecutor } from '../../../src/assessments/application/assessment-command.executor.js';
import { SNAPSHOT_EVERY, SNAPSHOT_FORMAT } from '../../../src/assessments/application/assessment-snapshots.js';
import { AssessmentRepository } from '../../../src/assessments/application/assessment.repository.js';
import type { FoldLimit } from '../../../src/assessments/application/fold-limit.js';
import type { AssessmentCommand } from '../../../src/assessments/domain/assessment-commands.js';
import { scoreAssessment, scoreDissent } from '../../../src/assessments/domain/scoring.js';
import { ReadModelAssessmentSnapshots } from '../../../src/assessments/projections/read-model-assessment-snapshots.js';
import type { ReadStreamOptions } from '../../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store.js';
import { projectionStack } from '../../support/projection-stack.js';

const DISSENT_ID = '0b7c2d4e-6f80-4a1b-9c3d-5e7f9a1b3c5d';
const CHANGES = 300;

/** The i-th command of the history: likelihood and confidence changes, a dissent and its revision, a publication. */
function commandAt(i: number): { command: AssessmentCommand; actor: string } {
  if (i === 50) return { actor: 'carol', command: { type: 'RecordDissent', data: { dissentId: DISSENT_ID, likelihood: { probability: 0.7 }, rationale: 'Reserves are being rebuilt.' } } };
  if (i === 150) return { actor: 'carol', command: { type: 'ReviseDissent', data: { dissentId: DISSENT_ID, likelihood: { probability: 0.8 }, rationale: 'More so now.' } } };
  if (i === 200) return { actor: 'dave', command: { type: 'PublishAssessment', data: { rationale: 'Reviewed.' } } };
  if (i % 7 === 0) {
    return { actor: 'bob', command: { type: 'ChangeConfidence', data: { confidence: i % 2 ? 'high' : 'low', basis: 'new-reasoning', rationale: `step ${i}` } } };
  }
  const probability = (i % 100) / 100 + (i % 100 === 0 ? 0.005 : 0);
  return { actor: i % 2 ? 'alice' : 'bob', command: { type: 'ChangeLikelihood', data: { likelihood: { probability }, basis: 'new-information', rationale: `step ${i}` } } };
}

describe('AssessmentRepository starting from stored snapshots', () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  const { db, runner } = projectionStack(store);
  const snapshots = new ReadModelAssessmentSnapshots(db);
  const id = randomUUID();
  const effectiveTimes: number[] = [];
  const recordedTimes: number[] = [];
  let head = 0;

  beforeAll(async () => {
    const executor = new AssessmentCommandExecutor(new AssessmentRepository(store));
    const start = Date.parse('2023-02-05T00:00:00Z');
    const meta = (i: number, actor: string) => ({ actor, correlationId: randomUUID(), effectiveAt: new Date(start + i * 3_600_000).toISOString() });
    const draft: AssessmentCommand = {
      type: 'DraftAssessment',
      data: {
        assessmentId: id,
        statement: 'Escalation is unlikely.',
        likelihood: { probability: 0.2 },
        confidence: 'moderate',
        horizon: { term: 'short-term' },
        subject: { actors: [], regions: [], topics: [] },
        rationale: 'r',
      },
    };
    await executor.execute(id, draft, meta(0, 'alice'), 'no_stream');
    for (let i = 1; i <= CHANGES; i++) {
      const { command, actor } = commandAt(i);
      await executor.execute(id, command, meta(i, actor), i - 1);
    }
    // Judgments count only if recorded before the outcome was known, and these were recorded just now.
    const knownAt = new Date().toISOString();
    await executor.execute(id, { type: 'RecordOutcome', data: { outcome: 'occurred', knownAt, rationale: 'It happened.' } }, meta(CHANGES + 1, 'dave'), CHANGES);
    head = CHANGES + 1;
    for (const event of await store.readStream(`assessment-${id}`)) {
      effectiveTimes.push(Date.parse(String(event.metadata.effectiveAt)));
      recordedTimes.push(Date.parse(String(event.metadata.recordedAt)));
    }
    await runner.catchUp();
  });
  afterAll(async () => {
    db.close();
    await store.close();
  });

  /** Counts the events the repository reads from the store while `run` runs. */
  async function eventsRead(run: () => Promise<unknown>): Promise<number> {
    const original = store.readStream.bind(store);
    let count = 0;
    store.readStream = async (stream: string, options?: ReadStreamOptions) => {
      const events = await original(stream, options);
      count += events.length;
      return events;
    };
    try {
      await run();
    } finally {
      store.readStream = original;
    }
    return count;
  }

  it('the projector stores one every SNAPSHOT_EVERY revisions', () => {
    const revisions = db.db.prepare('SELECT revision FROM assessment_snapshots ORDER BY revision').pluck().all();
    const expected = [];
    for (let r = SNAPSHOT_EVERY - 1; r <= head; r += SNAPSHOT_EVERY) expected.push(r);
    expect(revisions).toEqual(expected);
  });

  const limitArb: fc.Arbitrary<FoldLimit> = fc.oneof(
    fc.constant({ kind: 'head' } as const),
    fc.integer({ min: 0, max: CHANGES + 20 }).map((revision) => ({ kind: 'revision', revision }) as const),
    fc.integer({ min: 0, max: CHANGES + 1 }).chain((i) =>
      fc.integer({ min: -1, max: 1 }).map((delta) => ({ kind: 'effective', at: (effectiveTimes[i] ?? 0) + delta }) as const),
    ),
    fc.integer({ min: 0, max: CHANGES + 1 }).map((i) => ({ kind: 'recorded', at: recordedTimes[i] ?? 0 }) as const),
  );

  it('answers every limit exactly as a fold from the first event does, judgments included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(limitArb, { minLength: 1, maxLength: 6 }), async (limits) => {
        const fromSnapshots = new AssessmentRepository(store, snapshots);
        for (const limit of limits) {
          const fromScratch = new AssessmentRepository(store);
          expect(await fromSnapshots.load(id, limit)).toEqual(await fromScratch.load(id, limit));
          expect(await fromSnapshots.loadJudged(id, limit)).toEqual(await fromScratch.loadJudged(id, limit));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a first load reads the snapshot’s own event and those after it, not the whole stream', async () => {
    const newest = Math.floor((head + 1) / SNAPSHOT_EVERY) * SNAPSHOT_EVERY - 1;
    expect(await eventsRead(() => new AssessmentRepository(store, snapshots).load(id))).toBe(head - newest + 1);
    expect(await eventsRead(() => new AssessmentRepository(store, snapshots).load(id, { kind: 'revision', revision: 100 }))).toBe(100 - (SNAPSHOT_EVERY - 1) + 1);
    expect(await eventsRead(() => new AssessmentRepository(store).load(id))).toBe(head + 1);
  });

  it('scores a resolved assessment loaded from a snapshot as a fold from the first event does', async () => {
    const repository = new AssessmentRepository(store, snapshots);
    await repository.load(id); // from the snapshot, so without judgment lines
    const judged = (await repository.loadJudged(id))!;
    const expected = (await new AssessmentRepository(store).loadJudged(id))!;
    expect(judged).toEqual(expected);
    const main = scoreAssessment(judged.state, judged.judgments);
    expect(main).toMatchObject({ scored: true, observed: 1 });
    expect(main).toEqual(scoreAssessment(expected.state, expected.judgments));
    expect(scoreDissent(judged.state, judged.state.dissents[0], judged.judgments)).toMatchObject({ scored: true, probability: 0.8 });
    // Now the lines are remembered: the next judged load reads nothing but the (empty) tail.
    expect(await eventsRead(() => repository.loadJudged(id))).toBe(0);
  });

  it.each([
    ['was folded from another history (its event id differs)', 'UPDATE assessment_snapshots SET event_id = event_id || \'-other\''],
    ['has another format', `UPDATE assessment_snapshots SET format = ${SNAPSHOT_FORMAT + 1}`],
  ])('ignores a snapshot that %s', async (_name, tamper) => {
    const saved = db.db.prepare('SELECT * FROM assessment_snapshots').all();
    db.db.exec(tamper);
    try {
      const fromScratch = await new AssessmentRepository(store).load(id);
      const repository = new AssessmentRepository(store, snapshots);
      let loaded: unknown;
      // Verifying the snapshot costs the one event it names (when the format matches); then the whole stream is folded.
      const read = await eventsRead(async () => (loaded = await repository.load(id)));
      expect(read).toBeGreaterThanOrEqual(head + 1);
      expect(loaded).toEqual(fromScratch);
    } finally {
      db.db.exec('DELETE FROM assessment_snapshots');
      const insert = db.db.prepare('INSERT INTO assessment_snapshots (seq, revision, event_id, eff_at, rec_at, format, state) VALUES (@seq, @revision, @event_id, @eff_at, @rec_at, @format, @state)');
      for (const row of saved) insert.run(row);
    }
  });
});
