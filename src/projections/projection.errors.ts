/** The read models have not reached the position a caller asked to wait for. */
export class ReadModelNotReadyError extends Error {
  constructor(
    readonly requested: bigint,
    readonly reached: bigint,
  ) {
    super(`read models are at position ${reached}, not yet at ${requested}; retry shortly`);
  }
}

export class RebuildInProgressError extends Error {
  constructor() {
    super('a rebuild of the read models is already running');
  }
}
