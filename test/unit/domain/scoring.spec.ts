import fc from 'fast-check';
import type { AssessmentEvent, RecordedAssessmentEvent } from '../../../src/assessments/domain/assessment-events.js';
import { calibrate } from '../../../src/assessments/domain/calibration.js';
import { foldJudged } from '../../../src/assessments/domain/evolve.js';
import { scoreAssessment, scorePublishedLine } from '../../../src/assessments/domain/scoring.js';
import { recorded } from '../../support/decider-spec.js';
import { drafted } from '../../support/fixtures.js';

const at = (iso: string) => ({ recordedAt: iso, effectiveAt: iso });
/** Folds a history and scores its main line. */
const scoreOf = (events: readonly RecordedAssessmentEvent[]) => {
  const { state, judgments } = foldJudged(events)!;
  return scoreAssessment(state, judgments);
};
const published = (iso: string): RecordedAssessmentEvent =>
  recorded({ type: 'AssessmentPublished', data: { reviewer: 'bob', rationale: 'ok' } }, { actor: 'bob', ...at(iso) });
const likelihood = (iso: string, low: number, high: number): RecordedAssessmentEvent =>
  recorded(
    {
      type: 'LikelihoodChanged',
      data: {
        from: drafted().data.likelihood,
        to: { scale: null, term: null, probability: { low, high } },
        basis: 'new-information',
        rationale: 'r',
      },
    },
    at(iso),
  );
const outcome = (outcomeValue: 'occurred' | 'did-not-occur' | 'indeterminate', knownAt: string, recordedAtIso = knownAt) =>
  recorded({ type: 'OutcomeRecorded', data: { outcome: outcomeValue, knownAt, rationale: 'r' } }, at(recordedAtIso));

describe('scoring', () => {
  /*
   * Worked by hand. Drafted 1 Jan 2023 as NTA "unlikely" (band 0–25%, midpoint
   * 0.125); published 11 Jan; raised on 21 Jan to 55–80% (midpoint 0.675); the
   * event occurred, known 31 Jan.
   *   Binary Brier: (0.675 − 1)² = 0.105625.
   *   Published life 11–31 Jan = 20 days: 10 days at 0.125 → (0.125 − 1)² = 0.765625,
   *   10 days at 0.675 → 0.105625. Time-weighted: (0.765625 + 0.105625) / 2 = 0.435625.
   */
  const worked = [
    recorded(drafted(), at('2023-01-01T00:00:00.000Z')),
    published('2023-01-11T00:00:00.000Z'),
    likelihood('2023-01-21T00:00:00.000Z', 0.55, 0.8),
  ];

  it('matches the example worked by hand', () => {
    const score = scoreOf([...worked, outcome('occurred', '2023-01-31T00:00:00.000Z')]);
    expect(score).toMatchObject({ scored: true, observed: 1, probability: 0.675 });
    if (!score.scored) throw new Error('unscored');
    expect(score.brier).toBeCloseTo(0.105625, 12);
    expect(score.timeWeightedBrier).toBeCloseTo(0.435625, 12);
  });

  it('scores the line as published from the publications alone: a change never published stands nowhere in it', () => {
    const { state, judgments } = foldJudged([...worked, outcome('occurred', '2023-01-31T00:00:00.000Z')])!;
    // Only the 11 Jan publication (0.125) stood for readers: (0.125 − 1)² over the whole published life.
    expect(scorePublishedLine(state, judgments)).toMatchObject({ scored: true, probability: 0.125, brier: 0.765625, timeWeightedBrier: 0.765625, confidence: 'moderate' });
    // Published again on 25 Jan: 14 days at 0.125, then 6 at 0.675 → (14 × 0.765625 + 6 × 0.105625) / 20.
    const republished = foldJudged([...worked, published('2023-01-25T00:00:00.000Z'), outcome('occurred', '2023-01-31T00:00:00.000Z')])!;
    const score = scorePublishedLine(republished.state, republished.judgments);
    expect(score).toMatchObject({ scored: true, probability: 0.675 });
    if (!score.scored) throw new Error('unscored');
    expect(score.timeWeightedBrier).toBeCloseTo((14 * 0.765625 + 6 * 0.105625) / 20, 12);
    // The ledger's own score keeps every stated judgment.
    expect(scoreAssessment(state, judgments)).toMatchObject({ probability: 0.675 });
  });

  // Published reference (Wikipedia, "Brier score"): a 70% forecast of rain scores
  // 0.09 if it rains, a 30% forecast 0.49; a 50% forecast scores 0.25 either way.
  it.each([
    [0.7, 'occurred', 0.09],
    [0.3, 'occurred', 0.49],
    [0.5, 'occurred', 0.25],
    [0.5, 'did-not-occur', 0.25],
    [1, 'occurred', 0],
  ] as const)('a %d judgment that %s scores %d', (p, happened, expected) => {
    const score = scoreOf([
      recorded(drafted({ likelihood: { scale: null, term: null, probability: { low: p, high: p } } }), at('2023-01-01T00:00:00.000Z')),
      published('2023-01-02T00:00:00.000Z'),
      outcome(happened, '2023-02-01T00:00:00.000Z'),
    ]);
    expect(score.scored && score.brier).toBeCloseTo(expected, 12);
    expect(score.scored && score.timeWeightedBrier).toBeCloseTo(expected, 12);
  });

  it('ignores a change recorded after the outcome became known', () => {
    // The 21 Jan change is backdated: recorded on 5 Feb, after the outcome was known on 31 Jan.
    const backdated = recorded(likelihood('2023-01-21T00:00:00.000Z', 0.9, 0.9), { recordedAt: '2023-02-05T00:00:00.000Z' });
    const score = scoreOf([...worked.slice(0, 2), backdated, outcome('occurred', '2023-01-31T00:00:00.000Z', '2023-02-06T00:00:00.000Z')]);
    expect(score).toMatchObject({ scored: true, probability: 0.125, brier: 0.765625, timeWeightedBrier: 0.765625 });
  });

  it.each([
    ['indeterminate outcomes', [...worked, outcome('indeterminate', '2023-01-31T00:00:00.000Z')], 'indeterminate'],
    ['assessments never published', [worked[0], outcome('occurred', '2023-01-31T00:00:00.000Z')], 'never-published'],
    ['assessments published after the outcome was known', [worked[0], published('2023-02-10T00:00:00.000Z'), outcome('occurred', '2023-01-31T00:00:00.000Z', '2023-02-11T00:00:00.000Z')], 'published-after-outcome'],
    ['unresolved assessments', worked, 'no-outcome'],
  ])('does not score %s', (_name, events, reason) => {
    expect(scoreOf(events as RecordedAssessmentEvent[])).toEqual({ scored: false, reason });
  });

  it('property: Brier scores lie in [0, 1] and calibration counts add up to the scored assessments', () => {
    const history = fc.array(
      fc.record({ low: fc.double({ min: 0, max: 1, noNaN: true }), width: fc.double({ min: 0, max: 1, noNaN: true }), days: fc.integer({ min: 0, max: 400 }) }),
      { maxLength: 12 },
    );
    const assessment = fc.record({
      changes: history,
      publishAfterDays: fc.integer({ min: 0, max: 30 }),
      knownAfterDays: fc.integer({ min: 0, max: 900 }),
      outcome: fc.constantFrom('occurred', 'did-not-occur', 'indeterminate') as fc.Arbitrary<'occurred' | 'did-not-occur' | 'indeterminate'>,
    });
    fc.assert(
      fc.property(fc.array(assessment, { maxLength: 40 }), fc.integer({ min: 2, max: 20 }), (assessments, bins) => {
        const scores = assessments.map((a) => {
          const start = Date.parse('2023-01-01T00:00:00.000Z');
          const iso = (days: number) => new Date(start + days * 86_400_000).toISOString();
          const events: RecordedAssessmentEvent[] = [recorded(drafted(), at(iso(0))), published(iso(a.publishAfterDays))];
          let day = a.publishAfterDays;
          for (const c of a.changes) {
            day += c.days;
            const low = c.low;
            const high = Math.min(1, low + c.width);
            events.push(likelihood(iso(day), low, high));
          }
          events.push(outcome(a.outcome, iso(day + a.knownAfterDays)));
          return scoreOf(events as AssessmentEvent[] as RecordedAssessmentEvent[]);
        });
        const scored = scores.filter((s) => s.scored);
        for (const s of scored) {
          expect(s.brier).toBeGreaterThanOrEqual(0);
          expect(s.brier).toBeLessThanOrEqual(1);
          expect(s.timeWeightedBrier).toBeGreaterThanOrEqual(0);
          expect(s.timeWeightedBrier).toBeLessThanOrEqual(1);
        }
        const calibration = calibrate(scored, bins);
        expect(calibration.count).toBe(scored.length);
        expect(calibration.bins.reduce((n, b) => n + b.count, 0)).toBe(scored.length);
        expect(scored.length).toBe(assessments.filter((a) => a.outcome !== 'indeterminate').length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('calibration', () => {
  it('bins by stated probability and compares with how often the event occurred', () => {
    const judgment = (probability: number, observed: 0 | 1) => ({ probability, observed, brier: (probability - observed) ** 2, timeWeightedBrier: (probability - observed) ** 2 });
    const c = calibrate([judgment(0.72, 1), judgment(0.75, 1), judgment(0.7, 0), judgment(0.1, 0), judgment(1, 1)], 10);
    expect(c.count).toBe(5);
    expect(c.bins[7]).toMatchObject({ from: 0.7, to: 0.8, count: 3, observedFrequency: 2 / 3 });
    expect(c.bins[7].meanProbability).toBeCloseTo((0.72 + 0.75 + 0.7) / 3, 12);
    expect(c.bins[1]).toMatchObject({ count: 1, observedFrequency: 0 });
    expect(c.bins[9]).toMatchObject({ count: 1, observedFrequency: 1 });
    expect(c.bins[5]).toMatchObject({ count: 0, meanProbability: null, observedFrequency: null });
    expect(c.meanBrier).toBeCloseTo((0.0784 + 0.0625 + 0.49 + 0.01 + 0) / 5, 12);
  });
});
