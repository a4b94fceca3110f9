import { wordDiff } from '../../../src/assessments/http/analytic-line.renderers.js';

describe('wordDiff (Markdown)', () => {
  it.each([
    ['escalation is unlikely', 'escalation is very unlikely', 'escalation is **very** unlikely'],
    ['escalation is unlikely.', 'escalation is possible.', 'escalation is ~~unlikely~~ **possible**.'],
    ['pressure on Moldova', 'pressure on Georgia', 'pressure on ~~Moldova~~ **Georgia**'],
    ['same words', 'same words', 'same words'],
    ['a *bold* [link](x)', 'a *bold* [link](y)', 'a \\*bold\\* \\[link\\](~~x~~ **y**)'],
  ])('%s → %s', (from, to, expected) => {
    expect(wordDiff(from, to)).toBe(expected);
  });
});
