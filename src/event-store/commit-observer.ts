/** One group commit of the embedded store: how many appends it carried, and how many events they held. */
export interface CommittedBatch {
  readonly appends: number;
  readonly events: number;
}

/**
 * Something outside the store that wants to hear about each commit (the
 * metrics). Optional: without one the store runs exactly as before.
 */
export interface CommitObserver {
  onCommit(batch: CommittedBatch): void;
}

/** Nest injection token for an optional CommitObserver. */
export const COMMIT_OBSERVER = Symbol('COMMIT_OBSERVER');
