import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '../../event-store/event-store.port.js';
import type { EventStore, EventToAppend, ExpectedRevision } from '../../event-store/event-store.port.js';
import type { AssessmentState } from '../domain/assessment-state.js';
import { evolve } from '../domain/evolve.js';
import { assessmentStream, StoredAssessmentEvent, toDomainEvent } from './assessment-stream.js';

/** Where folding a stream should stop. */
export type FoldLimit =
  | { readonly kind: 'head' }
  | { readonly kind: 'revision'; readonly revision: number }
  | { readonly kind: 'effective'; readonly at: number }
  | { readonly kind: 'recorded'; readonly at: number };

/** Loads assessments by folding their streams and appends their new events. */
@Injectable()
export class AssessmentRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async readEvents(assessmentId: string, toRevision?: number): Promise<StoredAssessmentEvent[]> {
    return (await this.store.readStream(assessmentStream(assessmentId), { toRevision })) as StoredAssessmentEvent[];
  }

  /**
   * Folds the stream up to a limit. Effective and recorded times only grow
   * along a stream, so each as-of view is a prefix of it.
   */
  async load(assessmentId: string, limit: FoldLimit = { kind: 'head' }): Promise<AssessmentState | null> {
    const events = await this.readEvents(assessmentId, limit.kind === 'revision' ? limit.revision : undefined);
    let state: AssessmentState | null = null;
    for (const event of events) {
      if (limit.kind === 'effective' && Date.parse(event.metadata.effectiveAt) > limit.at) break;
      if (limit.kind === 'recorded' && Date.parse(event.metadata.recordedAt) > limit.at) break;
      state = evolve(state, toDomainEvent(event));
    }
    return state;
  }

  append(assessmentId: string, events: readonly EventToAppend[], expectedRevision: ExpectedRevision) {
    return this.store.appendToStream(assessmentStream(assessmentId), events, { expectedRevision });
  }
}
