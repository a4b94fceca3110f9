import type { Visibility } from '../../auth/principal.js';

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
  /** Set when the caller must know the new events' ids in advance (see `eventIdFor`). */
  readonly commandId?: string;
  /** What the actor may see; an assessment outside it does not exist for them. Tools omit it. */
  readonly visibility?: Visibility;
}

/** What every accepted command answers. */
export interface CommandResult {
  readonly assessmentId: string;
  readonly revision: number;
  /** Global position of the last event written, as a string (bigint-safe). */
  readonly position: string;
  /** Ids of the events written, in order: a later command may name one as its causationId. */
  readonly eventIds: readonly string[];
}
