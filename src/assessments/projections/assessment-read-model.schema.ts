import type { ReadModelSchema } from '../../projections/projector.js';

/** Open end of a validity interval (the largest time a JS Date can hold, in ms). */
export const OPEN_END = 8_640_000_000_000_000;

/**
 * Read models of assessments. Times are epoch milliseconds.
 *
 * assessment_versions is bitemporal: every event opens a version and closes
 * the previous one on both time axes (effective: when the judgment held;
 * recorded: when the ledger held it), so "the list as it stood at t" is one
 * indexed query instead of a replay. The current version of each assessment
 * carries is_current = 1, and the partial indexes cover only those rows.
 * Statements and subjects are stored once per wording / subject, not per version.
 */
export const ASSESSMENT_READ_MODEL_SCHEMA: ReadModelSchema = {
  tables: `
CREATE TABLE IF NOT EXISTS assessment_keys (
  seq            INTEGER PRIMARY KEY,
  assessment_id  TEXT    NOT NULL UNIQUE
) STRICT;

CREATE TABLE IF NOT EXISTS assessment_statements (
  id        INTEGER PRIMARY KEY,
  seq       INTEGER NOT NULL,
  revision  INTEGER NOT NULL,
  text      TEXT    NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS assessment_subjects (
  id        INTEGER PRIMARY KEY,
  seq       INTEGER NOT NULL,
  revision  INTEGER NOT NULL,
  actors    TEXT    NOT NULL,
  regions   TEXT    NOT NULL,
  topics    TEXT    NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS assessment_subject_terms (
  kind        TEXT    NOT NULL,
  value       TEXT    NOT NULL COLLATE NOCASE,
  subject_id  INTEGER NOT NULL,
  PRIMARY KEY (kind, value, subject_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS assessment_versions (
  id                   INTEGER PRIMARY KEY,
  seq                  INTEGER NOT NULL,
  revision             INTEGER NOT NULL,
  position             INTEGER NOT NULL,
  status               TEXT    NOT NULL,
  statement_id         INTEGER NOT NULL,
  subject_id           INTEGER NOT NULL,
  scale                TEXT,
  term                 TEXT,
  p_low                REAL    NOT NULL,
  p_high               REAL    NOT NULL,
  p_mid                REAL    NOT NULL,
  confidence           TEXT    NOT NULL,
  horizon_term         TEXT,
  horizon_start        INTEGER NOT NULL,
  horizon_end          INTEGER NOT NULL,
  classification       TEXT    NOT NULL,
  created_at           INTEGER NOT NULL,
  created_by           TEXT    NOT NULL,
  first_effective_at   INTEGER NOT NULL,
  updated_by           TEXT    NOT NULL,
  published_revision   INTEGER,
  published_at         INTEGER,
  published_by         TEXT,
  unpublished_changes  INTEGER NOT NULL,
  source_document      TEXT,
  source_section       TEXT,
  superseded_by        TEXT,
  eff_from             INTEGER NOT NULL,
  eff_to               INTEGER NOT NULL,
  rec_from             INTEGER NOT NULL,
  rec_to               INTEGER NOT NULL,
  is_current           INTEGER NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS audit_entries (
  position        INTEGER PRIMARY KEY,
  seq             INTEGER NOT NULL,
  assessment_id   TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  actor           TEXT    NOT NULL,
  recorded_at     INTEGER NOT NULL,
  effective_at    INTEGER NOT NULL,
  rationale       TEXT,
  basis           TEXT,
  changes         TEXT    NOT NULL,
  event_id        TEXT    NOT NULL,
  correlation_id  TEXT,
  causation_id    TEXT
) STRICT;

CREATE VIRTUAL TABLE IF NOT EXISTS statement_search USING fts5(
  text, content = '', tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE IF NOT EXISTS rationale_search USING fts5(
  text, content = '', tokenize = 'unicode61 remove_diacritics 2'
);
`,
  indexes: `
CREATE INDEX IF NOT EXISTS av_current_updated    ON assessment_versions (rec_from, id)                WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_current_created    ON assessment_versions (created_at, id)              WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_current_effective  ON assessment_versions (eff_from, id)                WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_current_horizon    ON assessment_versions (horizon_end, id)             WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_current_likelihood ON assessment_versions (p_mid, id)                   WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_current_status     ON assessment_versions (status, horizon_end, id)     WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_current_confidence ON assessment_versions (confidence, rec_from, id)    WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_current_creator    ON assessment_versions (created_by, rec_from, id)    WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_current_subject    ON assessment_versions (subject_id)                  WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_current_statement  ON assessment_versions (statement_id)                WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_effective          ON assessment_versions (eff_to, eff_from);
CREATE INDEX IF NOT EXISTS av_recorded           ON assessment_versions (rec_to, rec_from);
CREATE INDEX IF NOT EXISTS av_by_assessment      ON assessment_versions (seq, revision);
CREATE INDEX IF NOT EXISTS ae_by_actor           ON audit_entries (actor, position);
CREATE INDEX IF NOT EXISTS ae_by_type            ON audit_entries (type, position);
CREATE INDEX IF NOT EXISTS ae_by_assessment      ON audit_entries (seq, position);
CREATE INDEX IF NOT EXISTS ae_by_recorded        ON audit_entries (recorded_at, position);
CREATE INDEX IF NOT EXISTS ae_by_effective       ON audit_entries (effective_at, position);
`,
};
