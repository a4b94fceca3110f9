/** The read models have not reached the position a caller asked to wait for. */
export class ReadModelNotReadyError extends Error {
  constructor(
    readonly requested: bigint,
    readonly reached: bigint,
  ) {
    super(`read models are at position ${reached}, not yet at ${requested}; retry shortly`);
  }
}

/** A caller asked to wait for a position the log has not reached: no waiting would ever satisfy it. */
export class PositionBeyondLogError extends Error {
  constructor(
    readonly requested: bigint,
    readonly head: bigint,
  ) {
    super(`minPosition ${requested} is past the newest event in the log (position ${head}); use a position a command answered with`);
  }
}

export class RebuildInProgressError extends Error {
  constructor() {
    super('a rebuild of the read models is already running');
  }
}
