import { horizonFrom } from '../../../src/assessments/domain/horizons.js';

describe('horizons', () => {
  it.each([
    ['short-term', '2023-08-05T00:00:00.000Z'],
    ['near-term', '2025-02-05T00:00:00.000Z'],
    ['medium-term', '2028-02-05T00:00:00.000Z'],
    ['long-term', '2033-02-05T00:00:00.000Z'],
  ] as const)('%s from 5 Feb 2023 ends %s', (term, end) => {
    expect(horizonFrom({ term, start: '2023-02-05' }, '2000-01-01')).toEqual({ term, start: '2023-02-05T00:00:00.000Z', end });
  });

  it('clamps a month-end start rather than rolling into the next month', () => {
    expect(horizonFrom({ term: 'short-term', start: '2023-08-31' }, '').end).toBe('2024-02-29T00:00:00.000Z');
  });

  it('takes an explicit start and end', () => {
    expect(horizonFrom({ start: '2023-02-05', end: '2023-12-31' }, '')).toEqual({
      term: null,
      start: '2023-02-05T00:00:00.000Z',
      end: '2023-12-31T00:00:00.000Z',
    });
  });

  it('rejects an end before the start and unknown terms', () => {
    expect(() => horizonFrom({ start: '2023-02-05', end: '2023-02-05' }, '')).toThrow(/horizon.end/);
    expect(() => horizonFrom({ term: 'mid-term' as never }, '2023-02-05')).toThrow(/horizon.term/);
  });
});
