import { arrayElementLines } from '../../../scripts/lib/json-array-lines.js';

describe('arrayElementLines', () => {
  it('finds the line each top-level element starts on, whatever the strings hold', () => {
    const text = ['[', '  { "statement": "a [bracket], a \\"quote\\" and a }" ,', '    "n": [1, 2] },', '', '  42, "x",', '  {}', ']'].join('\n');
    expect(JSON.parse(text)).toHaveLength(4);
    expect(arrayElementLines(text)).toEqual([2, 5, 5, 6]);
  });

  it('finds none in an empty list', () => {
    expect(arrayElementLines('[ ]')).toEqual([]);
  });
});
