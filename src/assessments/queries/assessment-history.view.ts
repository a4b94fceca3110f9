import type { StoredAssessmentEvent } from '../application/assessment-stream.js';

export interface HistoryEntryView {
  readonly revision: number;
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  readonly actor: string;
  readonly recordedAt: string;
  readonly effectiveAt: string;
  readonly rationale: string | null;
  readonly basis: string | null;
  readonly correlationId: string;
  readonly causationId: string;
  readonly schemaVersion: number;
  /** The earlier event of this assessment named as cause (e.g. the observation that moved a likelihood). */
  readonly causedBy: { readonly eventId: string; readonly revision: number; readonly type: string } | null;
  readonly data: unknown;
}

export interface AssessmentHistoryView {
  readonly assessmentId: string;
  readonly revision: number;
  readonly events: HistoryEntryView[];
}

/** Every event of one stream, each linked to the event of the same stream that caused it, if any. */
export function toHistory(events: readonly StoredAssessmentEvent[]): HistoryEntryView[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  return events.map((event) => {
    const cause = byId.get(event.metadata.causationId);
    return toHistoryEntry(event, cause && cause !== event ? { eventId: cause.id, revision: cause.revision, type: cause.type } : null);
  });
}

export function toHistoryEntry(event: StoredAssessmentEvent, causedBy: HistoryEntryView['causedBy'] = null): HistoryEntryView {
  const data = (event.data ?? {}) as { rationale?: unknown; basis?: unknown };
  const m = event.metadata;
  return {
    revision: event.revision,
    position: event.position.toString(),
    eventId: event.id,
    type: event.type,
    actor: m.actor,
    recordedAt: m.recordedAt,
    effectiveAt: m.effectiveAt,
    rationale: typeof data.rationale === 'string' ? data.rationale : null,
    basis: typeof data.basis === 'string' ? data.basis : null,
    correlationId: m.correlationId,
    causationId: m.causationId,
    schemaVersion: m.schemaVersion,
    causedBy,
    data: event.data,
  };
}
