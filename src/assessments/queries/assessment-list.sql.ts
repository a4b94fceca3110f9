import type { Visibility } from '../../auth/principal.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { VERSION_SELECT } from './assessment-version.row.js';
import type { AssessmentListFilter, ListSortKey, ListTimePoint } from './list-assessments.query.js';

export const SORT_COLUMNS: Record<ListSortKey, string> = {
  updatedAt: 'v.rec_from',
  // Assessments are numbered in the order they were drafted.
  createdAt: 'v.seq',
  effectiveAt: 'v.eff_from',
  horizonEnd: 'v.horizon_end',
  probability: 'v.p_mid',
};

export type SqlParams = Record<string, string | number>;

/**
 * What a caller may not see is filtered out in SQL, so it is never listed,
 * counted, searched or scored for them: the marking a version had and the
 * assessment's current marking must both be within their clearance, and a
 * reader sees only versions that had been published.
 */
export function visibilityClauses(visibility: Visibility | undefined, params: SqlParams, rows: 'any' | 'current' = 'any'): string[] {
  if (!visibility) return [];
  const names = visibility.levels.map((level, i) => ((params[`vis${i}`] = level), `@vis${i}`)).join(', ') || 'NULL';
  // A current version carries the assessment's current marking (the projector writes both in one
  // transaction), so current rows need no join to assessment_keys (alias k) for it.
  const clauses = rows === 'current' ? [`v.classification IN (${names})`] : [`v.classification IN (${names})`, `k.classification IN (${names})`];
  if (visibility.publishedOnly) clauses.push('v.published_revision IS NOT NULL');
  return clauses;
}

/**
 * The version each assessment had at a time point. Effective and recorded
 * times only grow along a stream, so the version standing at (e, r) is the
 * last one that began at or before both: its successor began after e or r.
 */
export function versionAt(at: ListTimePoint, params: SqlParams): string {
  if (at.effective === undefined && at.recorded === undefined) return 'v.is_current = 1';
  if (at.recorded === undefined) {
    params.eff = at.effective!;
    return 'v.eff_to > @eff AND v.eff_from <= @eff';
  }
  if (at.effective === undefined) {
    params.rec = at.recorded;
    return 'v.rec_to > @rec AND v.rec_from <= @rec';
  }
  params.eff = at.effective;
  params.rec = at.recorded;
  return 'v.eff_from <= @eff AND v.rec_from <= @rec AND (v.eff_to > @eff OR v.rec_to > @rec)';
}

function inList(column: string, values: readonly string[], name: string, params: SqlParams): string {
  const names = values.map((value, i) => {
    params[`${name}${i}`] = value;
    return `@${name}${i}`;
  });
  return `${column} IN (${names.join(', ')})`;
}

/** WHERE clauses for the filters; every one narrows through an index or an indexed sub-select. */
export function filterClauses(filter: AssessmentListFilter, params: SqlParams): string[] {
  const clauses: string[] = [];
  if (filter.statuses?.length) clauses.push(inList('v.status', filter.statuses, 'status', params));
  if (filter.confidences?.length) clauses.push(inList('v.confidence', filter.confidences, 'confidence', params));
  if (filter.classifications?.length) clauses.push(inList('v.classification', filter.classifications, 'cls', params));
  for (const kind of ['actor', 'region', 'topic'] as const) {
    const value = filter[kind];
    if (value === undefined) continue;
    params[kind] = value;
    clauses.push(
      `v.subject_id IN (SELECT subject_id FROM assessment_subject_terms WHERE kind = '${kind}' AND value = @${kind})`,
    );
  }
  if (filter.createdBy !== undefined) {
    params.createdBy = filter.createdBy;
    clauses.push('v.seq IN (SELECT seq FROM assessment_keys WHERE created_by = @createdBy)');
  }
  if (filter.probability) {
    params.pmin = filter.probability.min;
    params.pmax = filter.probability.max;
    clauses.push(`v.p_mid >= @pmin AND v.p_mid ${filter.probability.maxExclusive ? '<' : '<='} @pmax`);
  }
  if (filter.horizonEndsBefore !== undefined) {
    params.hBefore = filter.horizonEndsBefore;
    clauses.push('v.horizon_end < @hBefore');
  }
  if (filter.horizonEndsAfter !== undefined) {
    params.hAfter = filter.horizonEndsAfter;
    clauses.push('v.horizon_end > @hAfter');
  }
  if (filter.hasDissent !== undefined) clauses.push(filter.hasDissent ? 'v.standing_dissents > 0' : 'v.standing_dissents = 0');
  if (filter.text !== undefined) {
    params.text = filter.text;
    // Matches the wording this version had, or any rationale given up to it.
    clauses.push(`(v.statement_id IN (SELECT rowid FROM statement_search WHERE statement_search MATCH @text)
      OR EXISTS (SELECT 1 FROM assessment_versions r
                 WHERE r.seq = v.seq AND r.revision <= v.revision
                   AND r.id IN (SELECT rowid FROM rationale_search WHERE rationale_search MATCH @text)))`);
  }
  return clauses;
}

export interface AssessmentListSql {
  readonly countSql: string;
  /** The page's version ids and sort values, in order, one more than the page to tell whether another follows. */
  readonly pageSql: string;
  readonly params: SqlParams;
  /** The sort as it is written in cursors, e.g. `-updatedAt`. */
  readonly sortKey: string;
}

/**
 * The full rows of a page, by version id (a JSON array). The page itself is
 * found on narrow rows first: sorting every match with its wording,
 * rationale and subject joined in cost twice as much as sorting ids and then
 * reading the 20-odd rows kept.
 */
export const VERSION_ROWS_BY_ID_SQL = `${VERSION_SELECT}
WHERE v.id IN (SELECT value FROM json_each(?))`;

/** Count and page statements for a listing; `text` must already be an FTS5 query. */
export function assessmentListSql(
  filter: AssessmentListFilter,
  at: ListTimePoint,
  sort: { readonly key: ListSortKey; readonly descending: boolean },
  page: { readonly limit: number; readonly cursor?: string },
  visibility?: Visibility,
): AssessmentListSql {
  const params: SqlParams = {};
  const current = at.effective === undefined && at.recorded === undefined;
  const where = [versionAt(at, params), ...filterClauses(filter, params), ...visibilityClauses(visibility, params, current ? 'current' : 'any')];
  const from = `FROM assessment_versions v ${visibility && !current ? 'CROSS JOIN assessment_keys k ON k.seq = v.seq' : ''}`;
  const countSql = `SELECT count(*) AS n ${from}
    WHERE ${where.join(' AND ')}`;

  const sortKey = `${sort.descending ? '-' : ''}${sort.key}`;
  const column = SORT_COLUMNS[sort.key];
  const direction = sort.descending ? 'DESC' : 'ASC';
  const cursor = decodeCursor(page.cursor, sortKey);
  if (cursor) {
    params.cv = cursor.value;
    params.cid = cursor.id;
    where.push(`(${column}, v.id) ${sort.descending ? '<' : '>'} (@cv, @cid)`);
  }
  params.limit = page.limit + 1;
  const pageSql = `SELECT v.id, ${column} AS sort_value ${from}
    WHERE ${where.join(' AND ')}
    ORDER BY ${column} ${direction}, v.id ${direction}
    LIMIT @limit`;
  return { countSql, pageSql, params, sortKey };
}
