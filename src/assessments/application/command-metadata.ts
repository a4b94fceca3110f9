/** Who issues a command and how it relates to the request that carried it. */
export interface CommandMetadata {
  readonly actor: string;
  /** ISO time the judgment was made, when backdated; otherwise the server clock is used. */
  readonly effectiveAt?: string;
  /** Request id: ties together every event caused by one request. */
  readonly correlationId: string;
  /** Event (or message) id that caused this command, e.g. an indicator observation. */
  readonly causationId?: string;
  readonly idempotencyKey?: string;
}

/** What every accepted command answers. */
export interface CommandResult {
  readonly assessmentId: string;
  readonly revision: number;
  /** Global position of the last event written, as a string (bigint-safe). */
  readonly position: string;
}
