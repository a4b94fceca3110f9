import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE } from '../../event-store/event-store.port.js';
import type { AppendOptions, AppendResult, EventStore, EventToAppend, ExpectedRevision, RecordedEvent } from '../../event-store/event-store.port.js';
import type { AssessmentState } from '../domain/assessment-state.js';
import { evolve } from '../domain/evolve.js';
import { NO_JUDGMENTS, recordJudgments } from '../domain/judgment-lines.js';
import type { JudgmentLines } from '../domain/judgment-lines.js';
import { ASSESSMENT_SNAPSHOTS } from './assessment-snapshots.js';
import type { AssessmentSnapshots } from './assessment-snapshots.js';
import { assessmentStream, StoredAssessmentEvent, toDomainEvent } from './assessment-stream.js';
import { FoldCache } from './fold-cache.js';
import type { Folded } from './fold-cache.js';
import type { FoldLimit } from './fold-limit.js';

export type { FoldLimit } from './fold-limit.js';

/**
 * Events read per round trip when folding towards a time rather than a
 * revision: few at first (the cached base is usually close), more each time.
 */
const FIRST_CHUNK = 16;
const LARGEST_CHUNK = 1024;

/**
 * Loads assessments by folding their streams, and appends their new events.
 * Folds start from the nearest state the cache holds, or else from the
 * nearest stored snapshot, so a command on a long stream reads only the
 * events since it was last loaded, and a first load only those since the
 * last snapshot.
 */
@Injectable()
export class AssessmentRepository {
  private readonly folds = new FoldCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(ASSESSMENT_SNAPSHOTS) private readonly snapshots: AssessmentSnapshots | null = null,
  ) {}

  async readEvents(assessmentId: string, toRevision?: number, fromRevision?: number): Promise<StoredAssessmentEvent[]> {
    return (await this.store.readStream(assessmentStream(assessmentId), { fromRevision, toRevision })) as StoredAssessmentEvent[];
  }

  /**
   * Folds the stream up to a limit. Effective and recorded times only grow
   * along a stream, so each as-of view is a prefix of it.
   */
  async load(assessmentId: string, limit: FoldLimit = { kind: 'head' }): Promise<AssessmentState | null> {
    return (await this.fold(assessmentId, limit, false))?.state ?? null;
  }

  /** The state with its judgment lines, which scoring reads (folded from the first event if no fold in memory has them). */
  async loadJudged(assessmentId: string, limit: FoldLimit = { kind: 'head' }): Promise<{ state: AssessmentState; judgments: JudgmentLines } | null> {
    const folded = await this.fold(assessmentId, limit, true);
    return folded ? { state: folded.state, judgments: folded.judgments! } : null;
  }

  /** The head state with the last event's hash, which the next event must chain to. */
  loadForChange(assessmentId: string): Promise<Folded | null> {
    return this.fold(assessmentId, { kind: 'head' }, false);
  }

  private async fold(assessmentId: string, limit: FoldLimit, needJudgments: boolean): Promise<Folded | null> {
    const stream = assessmentStream(assessmentId);
    let folded = this.folds.baseFor(stream, limit, needJudgments);
    if (folded === null && !needJudgments) folded = await this.storedSnapshot(assessmentId, stream, limit);
    if (limit.kind === 'revision' && folded?.state.revision === limit.revision) return folded;
    const toRevision = limit.kind === 'revision' ? limit.revision : undefined;
    let from = folded ? folded.state.revision + 1 : 0;
    let chunk = FIRST_CHUNK;
    for (;;) {
      const maxCount = limit.kind === 'head' || limit.kind === 'revision' ? undefined : chunk;
      chunk = Math.min(chunk * 2, LARGEST_CHUNK);
      const events = (await this.store.readStream(stream, { fromRevision: from, toRevision, maxCount })) as StoredAssessmentEvent[];
      for (const event of events) {
        if (limit.kind === 'effective' && Date.parse(event.metadata.effectiveAt) > limit.at) return folded;
        if (limit.kind === 'recorded' && Date.parse(event.metadata.recordedAt) > limit.at) return folded;
        folded = this.foldOne(stream, folded, event);
      }
      if (maxCount === undefined || events.length < maxCount) return folded;
      from = events[events.length - 1].revision + 1;
    }
  }

  /** The nearest stored snapshot within the limit, if the event it was folded up to is the one this stream holds. */
  private async storedSnapshot(assessmentId: string, stream: string, limit: FoldLimit): Promise<Folded | null> {
    const snapshot = this.snapshots?.latestWithin(assessmentId, limit);
    if (!snapshot) return null;
    const [event] = (await this.store.readStream(stream, {
      fromRevision: snapshot.revision,
      toRevision: snapshot.revision,
    })) as StoredAssessmentEvent[];
    if (event?.id !== snapshot.eventId) return null;
    const folded: Folded = { state: snapshot.state, lastHash: event.metadata.hash ?? null, judgments: null };
    this.folds.remember(stream, folded);
    return folded;
  }

  /**
   * Appends the events a command decided on `base` (null for a new stream)
   * and keeps the state they lead to, so the next command on the stream
   * reads nothing back. Kept only when the store says it wrote these very
   * events: a retry it recognised stored the first attempt's metadata (its
   * times), which the events in hand do not carry.
   */
  async appendDecided(
    assessmentId: string,
    base: Folded | null,
    events: readonly EventToAppend[],
    otherStreamAt?: AppendOptions['otherStreamAt'],
  ): Promise<AppendResult> {
    const stream = assessmentStream(assessmentId);
    const expectedRevision: ExpectedRevision = base ? base.state.revision : 'no_stream';
    const result = await this.store.appendToStream(stream, events, otherStreamAt ? { expectedRevision, otherStreamAt } : { expectedRevision });
    if (result.written !== true || result.nextRevision !== (base ? base.state.revision : -1) + events.length) return result;
    let folded = base;
    // The same type, data and metadata the store now holds for each, before their JSON round trip.
    for (const event of events) folded = this.foldOne(stream, folded, event as RecordedEvent as StoredAssessmentEvent);
    return result;
  }

  /** Folds one event onto `folded` and remembers the result. */
  private foldOne(stream: string, folded: Folded | null, event: StoredAssessmentEvent): Folded {
    const domainEvent = toDomainEvent(event);
    const state = evolve(folded?.state ?? null, domainEvent);
    // Judgments are known from the first event on, or not at all after a stored snapshot.
    const before = folded ? folded.judgments : NO_JUDGMENTS;
    const next: Folded = { state, lastHash: event.metadata.hash ?? null, judgments: before && recordJudgments(before, state, domainEvent) };
    this.folds.remember(stream, next);
    return next;
  }
}
