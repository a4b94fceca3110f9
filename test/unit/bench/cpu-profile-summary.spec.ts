import { hottestFunctions, inclusiveTimes } from '../../../bench/lib/cpu-profile-summary.js';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

/** root → handler → guard → hash, and handler → view; samples of 1 ms each. */
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2] },
    { id: 2, callFrame: frame('handler', 'file:///app/dist/src/handler.js', 9), children: [3, 5] },
    { id: 3, callFrame: frame('guard', 'file:///app/dist/src/guard.js', 4), children: [4] },
    { id: 4, callFrame: frame('hash', 'node:internal/crypto/hash', 1) },
    { id: 5, callFrame: frame('view', 'file:///app/dist/src/view.js', 2) },
  ],
  samples: [4, 4, 3, 5, 2],
  timeDeltas: [1000, 1000, 1000, 1000, 1000],
};

describe('cpu-profile-summary', () => {
  it('counts self time where a sample landed', () => {
    expect(hottestFunctions(profile, 2)).toEqual([
      { name: 'hash', where: 'node:internal/crypto/hash:2', selfMs: 2, selfShare: 40 },
      expect.objectContaining({ selfMs: 1 }),
    ]);
  });

  it('counts inclusive time for a function and everything it calls, for the functions matching the filter', () => {
    expect(inclusiveTimes(profile, /dist\/src/)).toEqual([
      { name: 'handler', where: 'dist/src/handler.js:10', selfMs: 5, selfShare: 100 },
      { name: 'guard', where: 'dist/src/guard.js:5', selfMs: 3, selfShare: 60 },
      { name: 'view', where: 'dist/src/view.js:3', selfMs: 1, selfShare: 20 },
    ]);
  });
});
