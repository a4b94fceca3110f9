import type { RecordedEvent } from '../../event-store/event-store.port.js';
import type { EventContext, RecordedAssessmentEvent } from '../domain/assessment-events.js';

/** Stream naming: one stream per assessment, `assessment-<uuid>`. */
export const ASSESSMENT_STREAM_PREFIX = 'assessment-';

export function assessmentStream(assessmentId: string): string {
  return ASSESSMENT_STREAM_PREFIX + assessmentId;
}

export function assessmentIdOf(streamName: string): string {
  return streamName.slice(ASSESSMENT_STREAM_PREFIX.length);
}

/** Metadata written with every assessment event. */
export interface AssessmentEventMetadata extends EventContext {
  readonly correlationId: string;
  readonly causationId: string;
  readonly commandId: string;
  readonly schemaVersion: number;
  readonly idempotencyKey?: string;
  /** Hash of the previous event of the stream (null for the first): the chain. */
  readonly prevHash?: string | null;
  /** SHA-256 of this event's canonical content, prevHash included. */
  readonly hash?: string;
  readonly [key: string]: unknown;
}

export type StoredAssessmentEvent = RecordedEvent<unknown, AssessmentEventMetadata>;

/**
 * Views a stored event as the domain sees it. A stored event already has the
 * type, data and metadata the domain reads, so no copy is made on the fold path.
 */
export function toDomainEvent(event: RecordedEvent): RecordedAssessmentEvent {
  return event as unknown as RecordedAssessmentEvent;
}
