import type Database from 'better-sqlite3';
import type { EventStore, RecordedEvent } from '../../event-store/event-store.port.js';
import type { Projector } from '../../projections/projector.js';
import type { ReadModelDatabase } from '../../projections/read-model-database.js';
import { assessmentIdOf, assessmentStream, AssessmentEventMetadata, toDomainEvent } from '../application/assessment-stream.js';
import { ASSESSMENT_EVENT_TYPES } from '../domain/assessment-events.js';
import type { AssessmentState } from '../domain/assessment-state.js';
import { evolve, foldJudged } from '../domain/evolve.js';
import { readerView } from '../domain/reader-view.js';
import { NO_JUDGMENTS, recordJudgments } from '../domain/judgment-lines.js';
import type { JudgmentLines } from '../domain/judgment-lines.js';
import { scoreAssessment, scoreDissent, scorePublishedLine } from '../domain/scoring.js';
import { SNAPSHOT_EVERY, SNAPSHOT_FORMAT } from '../application/assessment-snapshots.js';
import { ASSESSMENT_READ_MODEL_SCHEMA, OPEN_END } from './assessment-read-model.schema.js';

/** What the projector remembers of an assessment between events. */
interface Tracked {
  readonly seq: number;
  readonly state: AssessmentState;
  readonly judgments: JudgmentLines;
  readonly versionId: number;
  readonly statementId: number;
  readonly subjectId: number;
  readonly times: StateTimes;
  /** What readers see: their current version, the published wording and subject, and its times (null before the first publication). */
  readonly public: TrackedPublic | null;
}

interface TrackedPublic {
  readonly versionId: number;
  readonly statementId: number;
  readonly subjectId: number;
  readonly times: StateTimes;
}

/**
 * Where an assessment's current rows are. Kept when its folded state is
 * dropped during a bulk load: that file has no indexes to find its current
 * version by until the load ends, so each lookup would scan every version
 * written so far. Otherwise looked up when a state is folded again.
 */
interface Parked {
  readonly seq: number;
  readonly revision: number;
  readonly versionId: number;
  readonly statementId: number;
  readonly subjectId: number;
  readonly public: Omit<TrackedPublic, 'times'> | null;
}

/** The state's instants as epoch ms, parsed once and reused while they do not change. */
interface StateTimes {
  readonly horizon: AssessmentState['horizon'];
  readonly horizonStart: number;
  readonly horizonEnd: number;
  readonly publishedAt: number | null;
  readonly publishedAtIso: string | null;
}

function timesOf(state: AssessmentState, previous: StateTimes | undefined): StateTimes {
  const sameHorizon = previous?.horizon === state.horizon;
  const samePublication = previous !== undefined && previous.publishedAtIso === state.publishedAt;
  return {
    horizon: state.horizon,
    horizonStart: sameHorizon ? previous!.horizonStart : Date.parse(state.horizon.start),
    horizonEnd: sameHorizon ? previous!.horizonEnd : Date.parse(state.horizon.end),
    publishedAt: samePublication ? previous!.publishedAt : state.publishedAt === null ? null : Date.parse(state.publishedAt),
    publishedAtIso: state.publishedAt,
  };
}

const insertVersionInto = (table: string) => `INSERT INTO ${table} (
      seq, revision, position, status, statement_id, subject_id, scale, term, p_low, p_high, p_mid, confidence,
      horizon_term, horizon_start, horizon_end, classification, updated_by, published_revision, published_at,
      published_by, unpublished_changes, superseded_by, linchpin_invalid, standing_dissents, event_type, event_id,
      rationale, basis, detail, correlation_id, causation_id, eff_from, eff_to, rec_from, rec_to, is_current)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
            ?, ${OPEN_END}, ?, ${OPEN_END}, 1)`;

const SQL = {
  insertKey: `INSERT INTO assessment_keys (assessment_id, created_at, created_by, first_effective_at, classification,
      source_document, source_section) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  reclassifyKey: 'UPDATE assessment_keys SET classification = ? WHERE seq = ?',
  insertStatement: 'INSERT INTO assessment_statements (seq, revision, text) VALUES (?, ?, ?)',
  indexStatement: 'INSERT INTO statement_search (rowid, text) VALUES (?, ?)',
  insertSubject: 'INSERT INTO assessment_subjects (seq, revision, actors, regions, topics) VALUES (?, ?, ?, ?, ?)',
  insertSubjectTerm: 'INSERT OR IGNORE INTO assessment_subject_terms (kind, value, subject_id) VALUES (?, ?, ?)',
  closeVersion: 'UPDATE assessment_versions SET eff_to = ?, rec_to = ?, is_current = 0 WHERE id = ?',
  closePublicVersion: 'UPDATE assessment_public_versions SET eff_to = ?, rec_to = ?, is_current = 0 WHERE id = ?',
  insertVersion: insertVersionInto('assessment_versions'),
  insertPublicVersion: insertVersionInto('assessment_public_versions'),
  upsertScore: `INSERT OR REPLACE INTO assessment_scores (seq, line, line_kind, author, outcome, observed, probability, brier,
      time_weighted_brier, known_at, confidence, scale, subject_id, classification)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  deleteScore: 'DELETE FROM assessment_scores WHERE seq = ?',
  indexRationale: 'INSERT INTO rationale_search (rowid, text) VALUES (?, ?)',
  keyOf: 'SELECT seq FROM assessment_keys WHERE assessment_id = ?',
  currentVersionOf: 'SELECT id, revision, statement_id, subject_id FROM assessment_versions WHERE seq = ? AND is_current = 1',
  currentPublicVersionOf: 'SELECT id, statement_id, subject_id FROM assessment_public_versions WHERE seq = ? AND is_current = 1',
  insertSnapshot: `INSERT OR REPLACE INTO assessment_snapshots (seq, revision, event_id, eff_at, rec_at, format, state)
    VALUES (?, ?, ?, ?, ?, ${SNAPSHOT_FORMAT}, ?)`,
} as const;

const KNOWN_TYPES: ReadonlySet<string> = new Set(ASSESSMENT_EVENT_TYPES);
const SUPPORTING_EVENTS: ReadonlySet<string> = new Set([
  'EvidenceLinked',
  'EvidenceUnlinked',
  'AssumptionStated',
  'AssumptionReviewed',
  'IndicatorAdded',
  'IndicatorObserved',
  'OutcomeRecorded',
  'DissentRecorded',
  'DissentRevised',
  'DissentWithdrawn',
]);

/**
 * Projects assessment events into the bitemporal versions (which are also
 * the audit feed) and the full-text indexes. It folds each assessment with the
 * domain's own `evolve`, so the read model can never disagree with a fold of
 * the stream; folded states are kept in memory between events, and one that
 * is not (after a restart) is folded again from the event store.
 */
export class AssessmentReadModelProjector implements Projector {
  readonly name = 'assessments';
  readonly schema = ASSESSMENT_READ_MODEL_SCHEMA;
  private tracked = new Map<string, Tracked>();
  private parked = new Map<string, Parked>();

  constructor(
    private readonly database: ReadModelDatabase,
    private readonly store: EventStore,
    /**
     * Folded states kept between batches, least recently used dropped first.
     * A dropped one is folded again from the store when its stream moves, so
     * this bounds memory (a state carries the whole judgment history) at the
     * price of re-reading streams idle for longer than the last 50,000 others.
     */
    private readonly maxTracked = 50_000,
  ) {}

  handles(eventType: string): boolean {
    return KNOWN_TYPES.has(eventType);
  }

  reset(): void {
    this.tracked.clear();
    this.parked.clear();
  }

  /** Folds, from the store, each assessment this batch continues but memory no longer holds. */
  async prepare(events: readonly RecordedEvent[]): Promise<void> {
    // Map order is insertion order and apply() re-inserts what it touches, so the first keys are the least recently used.
    for (const [id, dropped] of this.tracked) {
      if (this.tracked.size <= this.maxTracked) break;
      if (this.database.bulkLoad) this.parked.set(id, parkedOf(dropped));
      this.tracked.delete(id);
    }
    const missing = new Map<string, number>();
    for (const event of events) {
      if (event.type === 'AssessmentDrafted' || !this.handles(event.type)) continue;
      const id = assessmentIdOf(event.streamName);
      if (!this.tracked.has(id) && !missing.has(id)) missing.set(id, event.revision);
    }
    for (const [id, revision] of missing) {
      const rows = this.parked.get(id) ?? this.rowsOf(id);
      if (!rows) continue;
      this.tracked.set(id, await this.refold(id, rows, revision));
      this.parked.delete(id);
    }
  }

  /** Where the read model holds an assessment's current rows, looked up by its indexes (after a restart). */
  private rowsOf(id: string): Parked | null {
    const key = this.database.prepare<[string], { seq: number }>(SQL.keyOf).get(id);
    if (!key) return null;
    const version = this.database
      .prepare<[number], { id: number; revision: number; statement_id: number; subject_id: number }>(SQL.currentVersionOf)
      .get(key.seq);
    if (!version) return null;
    const shown = this.database
      .prepare<[number], { id: number; statement_id: number; subject_id: number }>(SQL.currentPublicVersionOf)
      .get(key.seq);
    return {
      seq: key.seq,
      revision: version.revision,
      versionId: version.id,
      statementId: version.statement_id,
      subjectId: version.subject_id,
      public: shown ? { versionId: shown.id, statementId: shown.statement_id, subjectId: shown.subject_id } : null,
    };
  }

  /** The state folded again from the store, up to what the read model already holds (even past this batch's first event), with its rows. */
  private async refold(id: string, rows: Parked, revision: number): Promise<Tracked> {
    const history = await this.store.readStream(assessmentStream(id), { toRevision: Math.max(rows.revision, revision - 1) });
    const folded = foldJudged(history.map(toDomainEvent));
    if (!folded) throw new Error(`the store holds no history of assessment ${id}, which the read model has`);
    const { state, judgments } = folded;
    if (state.publicView !== null && !rows.public) {
      // As in apply: missing readers' versions are not patched up from a guess.
      throw new Error(`read model has no readers' version of published assessment ${id}; rebuild the read models`);
    }
    const seen = readerView(state);
    return {
      seq: rows.seq,
      state: { ...state, revision: history[history.length - 1].revision },
      judgments,
      versionId: rows.versionId,
      statementId: rows.statementId,
      subjectId: rows.subjectId,
      times: timesOf(state, undefined),
      public: seen && rows.public ? { ...rows.public, times: timesOf(seen, undefined) } : null,
    };
  }

  apply(event: RecordedEvent, _db: Database.Database): void {
    const id = assessmentIdOf(event.streamName);
    const before = this.tracked.get(id);
    if (before && event.revision <= before.state.revision) return; // already folded
    if (!before && event.type !== 'AssessmentDrafted') {
      throw new Error(`read model has no state for assessment ${id} before revision ${event.revision}`);
    }
    const domainEvent = toDomainEvent(event);
    // The stream's revision is authoritative: events this version does not know (and so never
    // sees here) still count. Copied only when they made the fold's own count differ.
    const evolved = evolve(before?.state ?? null, domainEvent);
    const state: AssessmentState = evolved.revision === event.revision ? evolved : { ...evolved, revision: event.revision };
    const judgments = recordJudgments(before?.judgments ?? NO_JUDGMENTS, state, domainEvent);
    const meta = event.metadata as AssessmentEventMetadata;
    const recordedAt = Date.parse(meta.recordedAt);
    const effectiveAt = Date.parse(meta.effectiveAt);
    const db = this.database;

    let seq = before?.seq ?? 0;
    let statementId = before?.statementId ?? 0;
    let subjectId = before?.subjectId ?? 0;
    const type = domainEvent.type;
    if (type === 'AssessmentDrafted') {
      seq = Number(
        db
          .prepare(SQL.insertKey)
          .run(id, recordedAt, meta.actor, effectiveAt, state.classification, state.source?.document ?? null, state.source?.section ?? null)
          .lastInsertRowid,
      );
    }
    // The current marking decides who may see any version, so it lives with the assessment too.
    if (type === 'ClassificationChanged') db.prepare(SQL.reclassifyKey).run(state.classification, seq);
    if (type === 'AssessmentDrafted' || type === 'StatementReworded') {
      statementId = Number(db.prepare(SQL.insertStatement).run(seq, event.revision, state.statement).lastInsertRowid);
      if (!db.bulkLoad) db.prepare(SQL.indexStatement).run(statementId, state.statement);
    }
    if (type === 'AssessmentDrafted' || type === 'SubjectChanged') {
      const { actors, regions, topics } = state.subject;
      subjectId = Number(
        db
          .prepare(SQL.insertSubject)
          .run(seq, event.revision, JSON.stringify(actors), JSON.stringify(regions), JSON.stringify(topics)).lastInsertRowid,
      );
      const term = db.prepare(SQL.insertSubjectTerm);
      for (const value of actors) term.run('actor', value, subjectId);
      for (const value of regions) term.run('region', value, subjectId);
      for (const value of topics) term.run('topic', value, subjectId);
    }

    if (before) db.prepare(SQL.closeVersion).run(effectiveAt, recordedAt, before.versionId);
    const times = timesOf(state, before?.times);
    const { rationale, basis, ...payload } = domainEvent.data as { rationale?: string; basis?: string };
    // Supporting material is not part of the version's columns, so the audit feed keeps what was linked or seen.
    const detail = SUPPORTING_EVENTS.has(type) ? JSON.stringify(payload) : null;
    const audit: VersionAudit = { event, meta, rationale: rationale ?? null, basis: basis ?? null, detail, effectiveAt, recordedAt };
    const versionId = Number(db.prepare(SQL.insertVersion).run(...versionValues(seq, state, statementId, subjectId, times, audit)).lastInsertRowid);

    // Readers' versions: a new one for each change they may see, none for a change of substance awaiting publication.
    let shown = before?.public ?? null;
    if (state.publicView !== null && state.publicView !== before?.state.publicView) {
      const seen = readerView(state)!;
      const published = type === 'AssessmentPublished';
      if (!published && shown === null) {
        // Readers' versions of a published assessment are missing (a file an older version projected
        // into): the wording on hand may be unpublished, so nothing is guessed; a rebuild remakes them.
        throw new Error(`read model has no readers' version of published assessment ${id}; rebuild the read models`);
      }
      const statementShown = published ? statementId : shown!.statementId;
      const subjectShown = published ? subjectId : shown!.subjectId;
      const shownTimes = timesOf(seen, shown?.times);
      if (shown) db.prepare(SQL.closePublicVersion).run(effectiveAt, recordedAt, shown.versionId);
      const shownId = db.prepare(SQL.insertPublicVersion).run(...versionValues(seq, seen, statementShown, subjectShown, shownTimes, audit)).lastInsertRowid;
      shown = { versionId: Number(shownId), statementId: statementShown, subjectId: subjectShown, times: shownTimes };
    }
    if (rationale && !db.bulkLoad) db.prepare(SQL.indexRationale).run(versionId, rationale);

    if (type === 'OutcomeRecorded') {
      // The main line and every dissent standing when the outcome came in are scored alike.
      const lines = [
        { line: 'main', kind: 'main', author: state.createdBy, score: scoreAssessment(state, judgments) },
        // The main line as readers were shown it, for calibration of what was published (?line=published).
        { line: 'published', kind: 'published', author: state.createdBy, score: scorePublishedLine(state, judgments) },
        ...state.dissents
          .filter((d) => !d.withdrawn)
          .map((d) => ({ line: d.dissentId, kind: 'dissent', author: d.author, score: scoreDissent(state, d, judgments) })),
      ];
      for (const { line, kind, author, score } of lines) {
        if (!score.scored) continue;
        db.prepare(SQL.upsertScore).run(
          seq,
          line,
          kind,
          author,
          score.outcome,
          score.observed,
          score.probability,
          score.brier,
          score.timeWeightedBrier,
          Date.parse(score.knownAt),
          score.confidence,
          score.scale,
          subjectId,
          state.classification,
        );
      }
    } else if (type === 'OutcomeRetracted') {
      db.prepare(SQL.deleteScore).run(seq);
    }

    // Only long streams get snapshots: a load of a short one reads it whole in less time than a snapshot saves.
    if ((event.revision + 1) % SNAPSHOT_EVERY === 0) {
      db.prepare(SQL.insertSnapshot).run(seq, event.revision, event.id, effectiveAt, recordedAt, JSON.stringify(state));
    }

    if (before) this.tracked.delete(id);
    this.tracked.set(id, { seq, state, judgments, versionId, statementId, subjectId, times, public: shown });
  }
}

function parkedOf(tracked: Tracked): Parked {
  const { seq, state, versionId, statementId, subjectId } = tracked;
  const shown = tracked.public;
  return {
    seq,
    revision: state.revision,
    versionId,
    statementId,
    subjectId,
    public: shown && { versionId: shown.versionId, statementId: shown.statementId, subjectId: shown.subjectId },
  };
}

/** The event a version records, as the audit feed shows it. */
interface VersionAudit {
  readonly event: RecordedEvent;
  readonly meta: AssessmentEventMetadata;
  readonly rationale: string | null;
  readonly basis: string | null;
  readonly detail: string | null;
  readonly effectiveAt: number;
  readonly recordedAt: number;
}

/** The values of insertVersionInto, for a version showing `state` after `audit.event`. */
function versionValues(seq: number, state: AssessmentState, statementId: number, subjectId: number, times: StateTimes, audit: VersionAudit) {
  const { likelihood } = state;
  const { event, meta } = audit;
  return [
    seq,
    event.revision,
    event.position,
    state.status,
    statementId,
    subjectId,
    likelihood.scale,
    likelihood.term,
    likelihood.probability.low,
    likelihood.probability.high,
    (likelihood.probability.low + likelihood.probability.high) / 2,
    state.confidence,
    state.horizon.term,
    times.horizonStart,
    times.horizonEnd,
    state.classification,
    meta.actor,
    state.publishedRevision,
    times.publishedAt,
    state.publishedBy,
    state.hasUnpublishedChanges ? 1 : 0,
    state.supersededBy,
    state.assumptions.some((a) => a.linchpin && a.review?.verdict === 'invalid') ? 1 : 0,
    state.dissents.reduce((n, d) => (d.withdrawn ? n : n + 1), 0),
    event.type,
    event.id,
    audit.rationale,
    audit.basis,
    audit.detail,
    meta.correlationId ?? null,
    meta.causationId ?? null,
    audit.effectiveAt,
    audit.recordedAt,
  ] as const;
}
