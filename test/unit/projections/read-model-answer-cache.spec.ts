import { ReadModelAnswerCache } from '../../../src/projections/read-model-answer-cache.js';

describe('ReadModelAnswerCache', () => {
  const at = (position: bigint, generation = 0) => ({ position, generation });
  const counting = () => {
    let calls = 0;
    return { compute: () => ({ answer: ++calls }), calls: () => calls };
  };

  it('given unchanged read models, answers a repeated key from memory', () => {
    const cache = new ReadModelAnswerCache<{ answer: number }>(10);
    const source = counting();
    expect(cache.getOrCompute('q', at(5n), source.compute)).toEqual({ answer: 1 });
    expect(cache.getOrCompute('q', at(5n), source.compute)).toEqual({ answer: 1 });
    expect(cache.getOrCompute('other', at(5n), source.compute)).toEqual({ answer: 2 });
    expect(source.calls()).toBe(2);
  });

  it('when the projection position moves, computes again', () => {
    const cache = new ReadModelAnswerCache<{ answer: number }>(10);
    const source = counting();
    cache.getOrCompute('q', at(5n), source.compute);
    expect(cache.getOrCompute('q', at(6n), source.compute)).toEqual({ answer: 2 });
  });

  it('when a rebuilt file is swapped in at the same position, computes again', () => {
    const cache = new ReadModelAnswerCache<{ answer: number }>(10);
    const source = counting();
    cache.getOrCompute('q', at(5n, 0), source.compute);
    expect(cache.getOrCompute('q', at(5n, 1), source.compute)).toEqual({ answer: 2 });
  });

  it('keeps at most its number of entries, and with none keeps nothing', () => {
    const small = new ReadModelAnswerCache<{ answer: number }>(1);
    const source = counting();
    small.getOrCompute('a', at(1n), source.compute);
    small.getOrCompute('b', at(1n), source.compute);
    expect(small.getOrCompute('a', at(1n), source.compute)).toEqual({ answer: 3 });

    const off = new ReadModelAnswerCache<{ answer: number }>(0);
    const again = counting();
    off.getOrCompute('a', at(1n), again.compute);
    off.getOrCompute('a', at(1n), again.compute);
    expect(again.calls()).toBe(2);
  });
});
