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
  readonly data: unknown;
}

export interface AssessmentHistoryView {
  readonly assessmentId: string;
  readonly revision: number;
  readonly events: HistoryEntryView[];
}

export function toHistoryEntry(event: StoredAssessmentEvent): HistoryEntryView {
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
    data: event.data,
  };
}
