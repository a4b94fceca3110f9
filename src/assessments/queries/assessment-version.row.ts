import { expressIn } from '../domain/likelihood.js';
import type { LikelihoodScale } from '../domain/likelihood-scales.js';
import type { Likelihood } from '../domain/likelihood.js';
import type { AssessmentSummaryView } from './assessment.view.js';

/** One row of assessment_versions (or assessment_public_versions) joined with its id, wording and subject. */
export interface AssessmentVersionRow {
  id: number;
  assessment_id: string;
  revision: number;
  status: string;
  statement: string;
  scale: string | null;
  term: string | null;
  p_low: number;
  p_high: number;
  confidence: string;
  horizon_term: string | null;
  horizon_start: number;
  horizon_end: number;
  actors: string;
  regions: string;
  topics: string;
  classification: string;
  source_document: string | null;
  source_section: string | null;
  created_at: number;
  created_by: string;
  first_effective_at: number;
  rec_from: number;
  updated_by: string;
  eff_from: number;
  published_revision: number | null;
  published_at: number | null;
  published_by: string | null;
  unpublished_changes: number;
  superseded_by: string | null;
  seq: number;
  position: string;
  event_type: string;
  event_id: string;
  rationale: string | null;
  basis: string | null;
  detail: string | null;
  linchpin_invalid: number;
  standing_dissents: number;
  correlation_id: string | null;
  causation_id: string | null;
}

/**
 * FROM clause and columns shared by every query that lists versions (alias
 * `v`). CROSS JOIN tells SQLite to drive the query from the versions (through
 * whichever index the filters choose) and only look up id, wording and
 * subject by primary key, never the other way round.
 */
export const versionSelect = (table: string) => `
SELECT v.id, k.assessment_id, v.revision, v.status, st.text AS statement, v.scale, v.term, v.p_low, v.p_high,
       v.confidence, v.horizon_term, v.horizon_start, v.horizon_end, sj.actors, sj.regions, sj.topics,
       v.classification, k.source_document, k.source_section, k.created_at, k.created_by, k.first_effective_at,
       v.rec_from, v.updated_by, v.eff_from, v.published_revision, v.published_at, v.published_by,
       v.unpublished_changes, v.superseded_by, v.seq, CAST(v.position AS TEXT) AS position, v.event_type, v.event_id,
       v.rationale, v.basis, v.detail, v.linchpin_invalid, v.standing_dissents, v.correlation_id, v.causation_id
FROM ${table} v
CROSS JOIN assessment_keys k ON k.seq = v.seq
CROSS JOIN assessment_statements st ON st.id = v.statement_id
CROSS JOIN assessment_subjects sj ON sj.id = v.subject_id`;

/** VERSION_SELECT of every version (the audit feed's rows). */
export const VERSION_SELECT = versionSelect('assessment_versions');

const iso = (ms: number) => new Date(ms).toISOString();

/** The same shape as GET /assessments/:id, built from a read-model row. */
export function versionRowToView(row: AssessmentVersionRow, scale?: LikelihoodScale): AssessmentSummaryView {
  const likelihood: Likelihood = {
    scale: row.scale as Likelihood['scale'],
    term: row.term,
    probability: { low: row.p_low, high: row.p_high },
  };
  return {
    assessmentId: row.assessment_id,
    revision: row.revision,
    status: row.status as AssessmentSummaryView['status'],
    statement: row.statement,
    likelihood: scale ? expressIn(likelihood, scale) : likelihood,
    confidence: row.confidence as AssessmentSummaryView['confidence'],
    horizon: { term: row.horizon_term as AssessmentSummaryView['horizon']['term'], start: iso(row.horizon_start), end: iso(row.horizon_end) },
    subject: { actors: JSON.parse(row.actors), regions: JSON.parse(row.regions), topics: JSON.parse(row.topics) },
    classification: row.classification,
    source: row.source_document === null ? null : { document: row.source_document, section: row.source_section },
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    updatedAt: iso(row.rec_from),
    updatedBy: row.updated_by,
    effectiveAt: iso(row.first_effective_at),
    lastEffectiveAt: iso(row.eff_from),
    published:
      row.published_revision === null
        ? null
        : { revision: row.published_revision, at: iso(row.published_at!), by: row.published_by },
    hasUnpublishedChanges: row.unpublished_changes === 1,
    supersededBy: row.superseded_by,
    dissentCount: row.standing_dissents,
  };
}
