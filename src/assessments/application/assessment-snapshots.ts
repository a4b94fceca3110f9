import type { AssessmentState } from '../domain/assessment-state.js';
import type { FoldLimit } from './fold-limit.js';

/**
 * A state folded up to `revision`, kept so that a load far from any state in
 * memory (after a restart, or of an assessment not read lately) folds only
 * the events after it. `eventId` is the id of the event at that revision:
 * the loader reads that event back and uses the snapshot only if it matches,
 * so a snapshot can never stand in for a history it was not folded from.
 */
export interface AssessmentSnapshot {
  readonly revision: number;
  readonly eventId: string;
  readonly state: AssessmentState;
}

/** Where snapshots are read from (the read models keep them: they are derived from the log too). */
export interface AssessmentSnapshots {
  /** The newest snapshot within `limit` (revision, effective or recorded time), or null. */
  latestWithin(assessmentId: string, limit: FoldLimit): AssessmentSnapshot | null;
}

export const ASSESSMENT_SNAPSHOTS = Symbol('ASSESSMENT_SNAPSHOTS');

/** A snapshot is kept at revisions SNAPSHOT_EVERY − 1, 2 × SNAPSHOT_EVERY − 1, …: a load folds fewer events than this. */
export const SNAPSHOT_EVERY = 64;

/**
 * The shape of AssessmentState that stored snapshots hold. Bump it whenever
 * that shape or evolve's meaning changes: snapshots of another format are
 * ignored (and rebuilt with the read models), never misread.
 */
export const SNAPSHOT_FORMAT = 2;
