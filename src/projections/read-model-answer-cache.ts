import { LRUCache } from 'lru-cache';
import { shareAnswer } from '../common/http/shared-answer-json.js';

/**
 * Answers computed from the read models, kept until the read models change.
 * They change only when the projection checkpoint moves or a rebuilt file is
 * swapped in, so an answer stored at (position, generation) is exact for as
 * long as both stay put: readers polling the same list between two writes
 * are served from memory, and the first write empties the cache.
 */
export class ReadModelAnswerCache<T extends {}> {
  private readonly answers: LRUCache<string, T>;
  private readonly enabled: boolean;
  private position = -1n;
  private generation = -1;

  constructor(
    maxEntries: number,
    /** Told of every lookup while the cache is on (for metrics). */
    private readonly onLookup?: (hit: boolean) => void,
  ) {
    this.answers = new LRUCache<string, T>({ max: Math.max(1, maxEntries) });
    this.enabled = maxEntries > 0;
  }

  /** The cached answer for `key` at this state of the read models, or the one `compute` makes (and keeps). */
  getOrCompute(key: string, state: { readonly position: bigint; readonly generation: number }, compute: () => T): T {
    if (!this.enabled) return compute();
    if (state.position !== this.position || state.generation !== this.generation) {
      this.answers.clear();
      this.position = state.position;
      this.generation = state.generation;
    }
    const known = this.answers.get(key);
    this.onLookup?.(known !== undefined);
    if (known !== undefined) return known;
    // Kept answers go to many requests: never changed, so their JSON is kept too.
    const answer = shareAnswer(compute());
    this.answers.set(key, answer);
    return answer;
  }
}
