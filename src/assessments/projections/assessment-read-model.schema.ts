import type { ReadModelSchema } from '../../projections/projector.js';

/** Open end of a validity interval (the largest time a JS Date can hold, in ms). */
export const OPEN_END = 8_640_000_000_000_000;

/**
 * Read models of assessments. Times are epoch milliseconds.
 *
 * assessment_versions holds one row per event: the event as the audit feed
 * shows it (who, what, why, basis) and the state it produced. It is
 * bitemporal: every event opens a version and closes the previous one on both
 * time axes (effective: when the judgment held; recorded: when the ledger held
 * it), so "the list as it stood at t" is one indexed query instead of a
 * replay. The current version of each assessment carries is_current = 1, and
 * the partial indexes cover only those rows. av_effective_span and
 * av_recorded_span, a version's span on one axis (end, start), carry the other
 * axis, the subject, status, confidence and standing dissents too, so a list
 * as of one time, or of both, finds the versions standing then, those recorded
 * after that time, or those a filter asks for, without reading any other row.
 * Statements and subjects are stored once per wording / subject, and what
 * never changes (creation, source) once per assessment in assessment_keys,
 * not per version. One slim row per
 * event, rather than a version table plus an audit table, keeps a rebuild's
 * writes small. Versions are inserted in log order, so their id orders them
 * as positions do (and indexes on (x) end in id, so they serve keyset paging).
 * The sort indexes of current versions end in seq instead: a current list's
 * ties are broken by the assessment, which keeps its place between two pages
 * when a change gives it a new current version.
 *
 * assessment_public_versions is the same for readers, who see only published
 * work: a version for each change they may see (the first publication and
 * every later change but one of substance not yet published), holding the
 * substance as last published (domain/reader-view.ts). Its own spans and
 * indexes (apv_*) let their lists, as of any time, run as fast as anyone's.
 * Audit columns there describe the change that made the version.
 */
/** The columns of a version; the versions (the audit feed) and the versions readers see share them. */
const versionTable = (name: string) => `CREATE TABLE IF NOT EXISTS ${name} (
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
  updated_by           TEXT    NOT NULL,
  published_revision   INTEGER,
  published_at         INTEGER,
  published_by         TEXT,
  unpublished_changes  INTEGER NOT NULL,
  superseded_by        TEXT,
  linchpin_invalid     INTEGER NOT NULL,
  standing_dissents    INTEGER NOT NULL,
  event_type           TEXT    NOT NULL,
  event_id             TEXT    NOT NULL,
  rationale            TEXT,
  basis                TEXT,
  detail               TEXT,
  correlation_id       TEXT,
  causation_id         TEXT,
  eff_from             INTEGER NOT NULL,
  eff_to               INTEGER NOT NULL,
  rec_from             INTEGER NOT NULL,
  rec_to               INTEGER NOT NULL,
  is_current           INTEGER NOT NULL
) STRICT;`;

/**
 * The indexes the lists walk, on a table of versions, named with `prefix`.
 * The current versions' sort indexes end in seq, the rest in id (see above).
 */
const listIndexes = (table: string, prefix: string) => `
CREATE INDEX IF NOT EXISTS ${prefix}_current_by_updated    ON ${table} (rec_from, seq)         WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS ${prefix}_current_created       ON ${table} (seq)                   WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS ${prefix}_current_by_effective  ON ${table} (eff_from, seq)         WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS ${prefix}_current_by_horizon    ON ${table} (horizon_end, seq)      WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS ${prefix}_current_by_likelihood ON ${table} (p_mid, seq)            WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS ${prefix}_current_status     ON ${table} (status, horizon_end, id)     WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS ${prefix}_current_confidence ON ${table} (confidence, rec_from, id)    WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS ${prefix}_current_subject    ON ${table} (subject_id)                  WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS ${prefix}_current_statement  ON ${table} (statement_id)                WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS ${prefix}_current_dissent    ON ${table} (standing_dissents, rec_from, id) WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS ${prefix}_effective_span     ON ${table} (eff_to, eff_from, rec_from, subject_id, status, confidence, standing_dissents);
CREATE INDEX IF NOT EXISTS ${prefix}_recorded_span      ON ${table} (rec_to, rec_from, eff_to, eff_from, subject_id, status, confidence, standing_dissents);
CREATE INDEX IF NOT EXISTS ${prefix}_by_assessment      ON ${table} (seq, revision);
CREATE INDEX IF NOT EXISTS ${prefix}_by_recorded        ON ${table} (rec_from);
CREATE INDEX IF NOT EXISTS ${prefix}_by_effective       ON ${table} (eff_from);`;

export const ASSESSMENT_READ_MODEL_SCHEMA: ReadModelSchema = {
  tables: `
CREATE TABLE IF NOT EXISTS assessment_keys (
  seq                 INTEGER PRIMARY KEY,
  assessment_id       TEXT    NOT NULL UNIQUE,
  created_at          INTEGER NOT NULL,
  created_by          TEXT    NOT NULL,
  first_effective_at  INTEGER NOT NULL,
  classification      TEXT    NOT NULL,
  source_document     TEXT,
  source_section      TEXT
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

${versionTable('assessment_versions')}

${versionTable('assessment_public_versions')}

CREATE TABLE IF NOT EXISTS assessment_scores (
  seq                  INTEGER NOT NULL,
  -- 'main' for the assessment's own line, or the dissent's id.
  line                 TEXT    NOT NULL,
  line_kind            TEXT    NOT NULL,
  author               TEXT    NOT NULL,
  outcome              TEXT    NOT NULL,
  observed             INTEGER NOT NULL,
  probability          REAL    NOT NULL,
  brier                REAL    NOT NULL,
  time_weighted_brier  REAL    NOT NULL,
  known_at             INTEGER NOT NULL,
  confidence           TEXT    NOT NULL,
  scale                TEXT,
  subject_id           INTEGER NOT NULL,
  classification       TEXT    NOT NULL,
  PRIMARY KEY (seq, line)
) STRICT;

-- Folded states of long streams every SNAPSHOT_EVERY revisions, which loads start from
-- (src/assessments/application/assessment-snapshots.ts); eff_at / rec_at are the
-- state's last effective and recorded times, for as-of loads.
CREATE TABLE IF NOT EXISTS assessment_snapshots (
  seq       INTEGER NOT NULL,
  revision  INTEGER NOT NULL,
  event_id  TEXT    NOT NULL,
  eff_at    INTEGER NOT NULL,
  rec_at    INTEGER NOT NULL,
  format    INTEGER NOT NULL,
  state     TEXT    NOT NULL,
  PRIMARY KEY (seq, revision)
) STRICT;

CREATE VIRTUAL TABLE IF NOT EXISTS statement_search USING fts5(
  text, content = '', detail = none, columnsize = 0, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE IF NOT EXISTS rationale_search USING fts5(
  text, content = '', detail = none, columnsize = 0, tokenize = 'unicode61 remove_diacritics 2'
);
`,
  indexes: `
${listIndexes('assessment_versions', 'av')}
${listIndexes('assessment_public_versions', 'apv')}
-- A reviewer's queue (awaitingPublication); readers' versions never await publication.
CREATE INDEX IF NOT EXISTS av_current_unpublished ON assessment_versions (unpublished_changes, status, rec_from, seq) WHERE is_current = 1;
CREATE INDEX IF NOT EXISTS av_by_actor           ON assessment_versions (updated_by);
CREATE INDEX IF NOT EXISTS av_by_type            ON assessment_versions (event_type);
CREATE INDEX IF NOT EXISTS as_by_known           ON assessment_scores (known_at);
CREATE INDEX IF NOT EXISTS ak_by_creator         ON assessment_keys (created_by);
`,
  // Same rows, same rowids as the projector writes one by one in live mode.
  afterBulkLoad: `
INSERT INTO statement_search (rowid, text) SELECT id, text FROM assessment_statements ORDER BY id;
INSERT INTO rationale_search (rowid, text) SELECT id, rationale FROM assessment_versions WHERE rationale IS NOT NULL ORDER BY id;
`,
};
