import type { AssessmentState } from '../domain/assessment-state.js';
import type { JudgmentLines } from '../domain/judgment-lines.js';
import type { FoldLimit } from './fold-limit.js';

/** A folded state and the hash of the last event folded into it (the next event's prevHash). */
export interface Folded {
  readonly state: AssessmentState;
  readonly lastHash: string | null;
  /**
   * The judgment lines folded beside the state, or null when the fold began
   * at a stored snapshot (which holds the state only): scoring then needs a
   * fold from the first event.
   */
  readonly judgments: JudgmentLines | null;
}

interface StreamFolds {
  /** Folds at revisions every - 1, 2 × every - 1, …, ascending. */
  readonly snapshots: Folded[];
  /** The newest fold so far. */
  head: Folded;
}

/**
 * Folded states of recently read streams, kept in memory: the newest one and
 * one every `every` revisions. Events are immutable and only ever appended,
 * so a state folded up to revision r stays true forever; a later read folds
 * only the events after the nearest state at or before what it asks for,
 * whether that is the head, a revision, or an effective or recorded time.
 *
 * A stream's folds either all carry judgment lines or none do: a fold without
 * them starts only where nothing is remembered, and a fold with them replaces
 * a stream's folds that lack them.
 */
export class FoldCache {
  private readonly streams = new Map<string, StreamFolds>();

  constructor(
    private readonly maxStreams = 10_000,
    readonly every = 128,
  ) {}

  /** The latest known fold that lies within `limit` (null if none does, or if judgments are needed and none are known). */
  baseFor(stream: string, limit: FoldLimit, needJudgments = false): Folded | null {
    const folds = this.streams.get(stream);
    if (!folds) return null;
    // Least recently used streams are evicted first: re-insert on use.
    this.streams.delete(stream);
    this.streams.set(stream, folds);
    if (needJudgments && folds.head.judgments === null) return null;
    if (within(folds.head, limit)) return folds.head;
    let low = 0;
    let high = folds.snapshots.length - 1;
    let found: Folded | null = null;
    // Revisions, effective and recorded times all grow along the snapshots: binary search.
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (within(folds.snapshots[mid], limit)) {
        found = folds.snapshots[mid];
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /** Records a fold just made: as the new head, and as a snapshot on every `every`-th revision. */
  remember(stream: string, folded: Folded): void {
    let folds = this.streams.get(stream);
    // A fold without judgments, made concurrently with one that brought them, is not worth keeping.
    if (folds && folded.judgments === null && folds.head.judgments !== null) return;
    if (!folds || (folded.judgments !== null && folds.head.judgments === null)) {
      if (!folds && this.streams.size >= this.maxStreams) this.streams.delete(this.streams.keys().next().value!);
      folds = { snapshots: [], head: folded };
      this.streams.set(stream, folds);
    }
    const revision = folded.state.revision;
    if (revision > folds.head.state.revision) folds.head = folded;
    const last = folds.snapshots[folds.snapshots.length - 1];
    if ((revision + 1) % this.every === 0 && (!last || revision > last.state.revision)) folds.snapshots.push(folded);
  }

  clear(): void {
    this.streams.clear();
  }
}

function within({ state }: Folded, limit: FoldLimit): boolean {
  switch (limit.kind) {
    case 'head':
      return true;
    case 'revision':
      return state.revision <= limit.revision;
    case 'effective':
      return Date.parse(state.lastEffectiveAt) <= limit.at;
    case 'recorded':
      return Date.parse(state.updatedAt) <= limit.at;
  }
}
