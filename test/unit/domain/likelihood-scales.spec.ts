import { expressIn, likelihoodFrom } from '../../../src/assessments/domain/likelihood.js';
import { closestTerm, LIKELIHOOD_SCALES, SCALE_TERMS } from '../../../src/assessments/domain/likelihood-scales.js';
import { DomainValidationError } from '../../../src/assessments/domain/domain-errors.js';

describe('likelihood scales', () => {
  describe.each(LIKELIHOOD_SCALES)('%s', (scale) => {
    it.each(SCALE_TERMS[scale].map((t) => t.term))('term %s round-trips through its band', (term) => {
      const likelihood = likelihoodFrom({ scale, term });
      expect(expressIn(likelihood, scale).term).toBe(term);
    });
  });

  it('bands are ordered and within 0..1', () => {
    for (const scale of LIKELIHOOD_SCALES) {
      const terms = SCALE_TERMS[scale];
      for (let i = 0; i < terms.length; i++) {
        expect(terms[i].band.low).toBeGreaterThanOrEqual(0);
        expect(terms[i].band.high).toBeLessThanOrEqual(1);
        expect(terms[i].band.low).toBeLessThan(terms[i].band.high);
        if (i > 0) expect(terms[i].band.low).toBeGreaterThanOrEqual(terms[i - 1].band.low);
      }
    }
  });

  it.each([
    // NTA "unlikely" (<25%) overlaps ICD 203 "very unlikely" (5-20%) most.
    ['nta', 'unlikely', 'icd203', 'very-unlikely'],
    ['nta', 'possible', 'icd203', 'unlikely'],
    ['nta', 'likely', 'icd203', 'likely'],
    ['nta', 'highly-likely', 'icd203', 'very-likely'],
    ['icd203', 'unlikely', 'nta', 'possible'],
    ['icd203', 'roughly-even-chance', 'phia', 'realistic-possibility'],
    ['icd203', 'very-likely', 'phia', 'highly-likely'],
    ['icd203', 'almost-certain', 'nta', 'highly-likely'],
    ['phia', 'remote-chance', 'icd203', 'almost-no-chance'],
    ['phia', 'likely', 'icd203', 'likely'],
    ['phia', 'realistic-possibility', 'nta', 'possible'],
    ['phia', 'highly-unlikely', 'nta', 'unlikely'],
  ] as const)('%s %s reads as %s %s (largest band overlap)', (fromScale, fromTerm, toScale, toTerm) => {
    expect(expressIn(likelihoodFrom({ scale: fromScale, term: fromTerm }), toScale).term).toBe(toTerm);
  });

  it.each([
    [0.07, 'phia', 'remote-chance'], // in the gap between 5% and 10%: the nearer band wins
    [0.09, 'phia', 'highly-unlikely'],
    [0.5, 'icd203', 'roughly-even-chance'],
    [0.3, 'nta', 'possible'],
    [0.2, 'icd203', 'very-unlikely'], // on the boundary: the band whose middle is nearer
    [1, 'phia', 'almost-certain'],
    [0, 'icd203', 'almost-no-chance'],
  ] as const)('probability %d reads as %s %s', (p, scale, term) => {
    expect(closestTerm(scale, { low: p, high: p }).term).toBe(term);
  });

  it('keeps the stated band when expressed in another scale', () => {
    const view = expressIn(likelihoodFrom({ scale: 'nta', term: 'unlikely' }), 'icd203');
    expect(view).toEqual({
      scale: 'icd203',
      term: 'very-unlikely',
      termBand: { low: 0.05, high: 0.2 },
      probability: { low: 0, high: 0.25 },
      stated: { scale: 'nta', term: 'unlikely' },
    });
  });

  it('names the failing field for an unknown term, scale or probability', () => {
    expect(() => likelihoodFrom({ scale: 'phia', term: 'possible' })).toThrow(DomainValidationError);
    expect(() => likelihoodFrom({ scale: 'phia', term: 'possible' })).toThrow(/likelihood.term/);
    expect(() => likelihoodFrom({ scale: 'kent' as never, term: 'likely' })).toThrow(/likelihood.scale/);
    expect(() => likelihoodFrom({ probability: -0.1 })).toThrow(/likelihood.probability/);
    expect(() => likelihoodFrom({ probability: Number.NaN })).toThrow(/likelihood.probability/);
  });
});
