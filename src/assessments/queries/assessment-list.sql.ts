import type { Visibility } from '../../auth/principal.js';
import { boundedCountSql, DEFAULT_COUNT_LIMIT } from '../../common/pagination/bounded-total.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { SUBSTANCE_EVENTS } from '../domain/reader-view.js';
import { versionSelect } from './assessment-version.row.js';
import type { AssessmentListFilter, ListSortKey, ListTimePoint } from './list-assessments.query.js';

export const SORT_COLUMNS: Record<ListSortKey, string> = {
  updatedAt: 'v.rec_from',
  // Assessments are numbered in the order they were drafted.
  createdAt: 'v.seq',
  effectiveAt: 'v.eff_from',
  horizonEnd: 'v.horizon_end',
  probability: 'v.p_mid',
};

/**
 * Where a list finds its versions: every version (the audit feed's), or only
 * those readers may see, which show the substance as last published
 * (assessment_public_versions). Both tables have the same columns and the
 * same list indexes, named with `prefix`.
 */
export interface VersionSource {
  readonly table: string;
  readonly prefix: string;
  /** Only published work: a rationale counts for search only where readers may see its change. */
  readonly publishedOnly: boolean;
}

export const ALL_VERSIONS: VersionSource = { table: 'assessment_versions', prefix: 'av', publishedOnly: false };
export const PUBLIC_VERSIONS: VersionSource = { table: 'assessment_public_versions', prefix: 'apv', publishedOnly: true };

/** A caller who may see only published work is listed what readers may see. */
export const versionSourceFor = (visibility: Visibility | undefined): VersionSource =>
  visibility?.publishedOnly ? PUBLIC_VERSIONS : ALL_VERSIONS;

/**
 * The index of current versions in each sort's order. With many matches a
 * current list walks it and stops after the page; the planner, left alone,
 * would rather narrow by a filter's index and sort every match (all 100,000
 * drafts for `status=draft`; bench/README.md section 8 has the figures).
 */
const CURRENT_SORT_INDEXES: Record<ListSortKey, string> = {
  updatedAt: 'current_by_updated',
  createdAt: 'current_created',
  effectiveAt: 'current_by_effective',
  horizonEnd: 'current_by_horizon',
  probability: 'current_by_likelihood',
};

/**
 * A page as of a time, newest first, may walk the versions by their start on
 * the axis asked about: every version standing at t began at or before t, so
 * the walk starts at t and meets standing versions at once (index names
 * here and above lack the source's prefix). Other orders as
 * of a time walk no index (matches as of an early time lie behind every later
 * version), but for the default one (see `assessmentListSql`). `standing` is
 * the index by (end, start) through which counts and narrowed pages find the
 * versions standing at t.
 */
const AS_OF_WALKS = {
  effective: { sort: 'effectiveAt', index: 'by_effective', start: 'v.eff_from <= @eff', standing: 'effective_span' },
  recorded: { sort: 'updatedAt', index: 'by_recorded', start: 'v.rec_from <= @rec', standing: 'recorded_span' },
} as const;

export type SqlParams = Record<string, string | number>;

export const SUBSTANCE_EVENTS_SQL = SUBSTANCE_EVENTS.map((type) => `'${type}'`).join(', ');

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
  // The unary + keeps the planner off the index on the start alone (av_by_effective, av_by_recorded):
  // every version that began before t, most of a long history, each read from the table to check its
  // end. Through av_effective_span / av_recorded_span (end, start) the start is checked in the index, and only
  // versions standing at t are read.
  if (at.recorded === undefined) {
    params.eff = at.effective!;
    return 'v.eff_to > @eff AND +v.eff_from <= @eff';
  }
  if (at.effective === undefined) {
    params.rec = at.recorded;
    return 'v.rec_to > @rec AND +v.rec_from <= @rec';
  }
  params.eff = at.effective;
  params.rec = at.recorded;
  return 'v.eff_from <= @eff AND v.rec_from <= @rec AND (v.eff_to > @eff OR v.rec_to > @rec)';
}

/**
 * The ids of the versions standing at (@eff, @rec), for a list as of both
 * times. versionAt's test, "ended after e, or after r", reaches no index as
 * one OR: the planner read the versions begun before one of the times from
 * the table (1.4 s a list on a million versions, bench/README.md section 8).
 * Its two disjoint halves are each found through the (end, start) index of
 * their own axis.
 */
const standingOnBothAxes = ({ table, prefix }: VersionSource, also = '') => `SELECT id FROM ${table} INDEXED BY ${prefix}_effective_span
    WHERE eff_to > @eff AND eff_from <= @eff AND rec_from <= @rec${also}
  UNION ALL
  SELECT id FROM ${table} INDEXED BY ${prefix}_recorded_span
    WHERE rec_to > @rec AND rec_from <= @rec AND eff_from <= @eff AND eff_to <= @eff${also}`;

function inList(column: string, values: readonly string[], name: string, params: SqlParams): string {
  const names = values.map((value, i) => {
    params[`${name}${i}`] = value;
    return `@${name}${i}`;
  });
  return `${column} IN (${names.join(', ')})`;
}

/**
 * How many full-text hits (statements and rationales together) still make a
 * search "rare": then the matching assessments are found from the hits first,
 * rather than each candidate row being checked against them. That is far
 * quicker for a term in few texts and far slower for a term in nearly all of
 * them; the handler counts the hits as it puts them in the temporary tables.
 */
export const RARE_TEXT_HITS = 5000;

/**
 * A search's hits, put once into temporary tables (the connection's own, in
 * memory) that its count and its page then both read. The lists in an
 * `IN (SELECT rowid … MATCH …)` are built anew by every statement, and a term
 * in most texts decodes most of both indexes each time. Run in order, with
 * `@text`; the handler keeps them while the read models stand still.
 */
export const FILL_TEXT_HITS_SQL = [
  'CREATE TEMP TABLE IF NOT EXISTS statement_hits (id INTEGER PRIMARY KEY)',
  'CREATE TEMP TABLE IF NOT EXISTS rationale_hits (id INTEGER PRIMARY KEY)',
  'DELETE FROM temp.statement_hits',
  'DELETE FROM temp.rationale_hits',
  'INSERT INTO temp.statement_hits SELECT rowid FROM statement_search WHERE statement_search MATCH @text',
  'INSERT INTO temp.rationale_hits SELECT rowid FROM rationale_search WHERE rationale_search MATCH @text',
] as const;

/** How many hits the temporary tables hold. */
export const TEXT_HITS_HELD_SQL = 'SELECT (SELECT count(*) FROM temp.statement_hits) + (SELECT count(*) FROM temp.rationale_hits) AS n';

export interface ListSqlOptions {
  /** Matches counted up to this many. */
  readonly countLimit?: number;
  /** The search's hits are fewer than RARE_TEXT_HITS. */
  readonly rareText?: boolean;
  /** The search's hits are in the temporary tables FILL_TEXT_HITS_SQL fills (else each statement finds them itself). */
  readonly hitsInTempTables?: boolean;
}

/** WHERE clauses for the filters; every one narrows through an index or an indexed sub-select. */
export function filterClauses(
  filter: AssessmentListFilter,
  params: SqlParams,
  options: ListSqlOptions = {},
  source: VersionSource = ALL_VERSIONS,
): string[] {
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
  if (filter.awaitingPublication !== undefined) {
    // What a reviewer could publish now: a closed assessment keeps its unpublished changes, but takes no
    // publication. (Readers' versions never await one; the list handler answers them without a query.)
    const awaiting = "v.unpublished_changes = 1 AND v.status IN ('draft', 'published')";
    clauses.push(filter.awaitingPublication ? awaiting : `NOT (${awaiting})`);
  }
  if (filter.text !== undefined) {
    params.text = filter.text;
    const hits = options.hitsInTempTables
      ? { statements: 'SELECT id FROM temp.statement_hits', rationales: 'SELECT id FROM temp.rationale_hits' }
      : {
          statements: 'SELECT rowid FROM statement_search WHERE statement_search MATCH @text',
          rationales: 'SELECT rowid FROM rationale_search WHERE rationale_search MATCH @text',
        };
    if (options.rareText) {
      // Only the assessments the hits belong to (through the index on seq), then the exact test below.
      clauses.push(`v.seq IN (SELECT seq FROM assessment_statements WHERE id IN (${hits.statements})
        UNION SELECT seq FROM assessment_versions WHERE id IN (${hits.rationales}))`);
    }
    // Matches the wording this version had, or any rationale given up to it; for readers, not that
    // of a change of substance still awaiting publication (they do not see that change).
    const seen = source.publishedOnly ? `
                   AND (r.revision <= v.published_revision OR r.event_type NOT IN (${SUBSTANCE_EVENTS_SQL}))` : '';
    clauses.push(`(v.statement_id IN (${hits.statements})
      OR EXISTS (SELECT 1 FROM assessment_versions r
                 WHERE r.seq = v.seq AND r.revision <= v.revision${seen}
                   AND r.id IN (${hits.rationales})))`);
  }
  return clauses;
}

export interface AssessmentListSql {
  /** Counts the matches, stopping at the count limit (see bounded-total.ts). */
  readonly countSql: string;
  /**
   * The page's version ids and sort values, in order, one more than the page
   * to tell whether another follows, for when the count reached its limit: it
   * walks the sort's index and stops after the page where one fits (current
   * lists; as of a time, see AS_OF_WALKS and the default order), and is
   * otherwise the same statement as `fewMatchesPageSql`.
   */
  readonly pageSql: string;
  /**
   * The same page found through the filters' index and then sorted, for when
   * the count came in under its limit: walking the sort's index in search of
   * a few matches can read most of the table (an as-of list early in a long
   * history lies behind every later version).
   */
  readonly fewMatchesPageSql: string;
  readonly params: SqlParams;
  /** The sort as it is written in cursors, e.g. `-updatedAt~seq` (what breaks ties follows the ~). */
  readonly sortKey: string;
}

/**
 * The full rows of a page, by version id (a JSON array). The page itself is
 * found on narrow rows first: sorting every match with its wording,
 * rationale and subject joined in cost twice as much as sorting ids and then
 * reading the 20-odd rows kept.
 */
const rowsById = (source: VersionSource) => `${versionSelect(source.table)}
WHERE v.id IN (SELECT value FROM json_each(?))`;

export const VERSION_ROWS_BY_ID_SQL = rowsById(ALL_VERSIONS);
const PUBLIC_VERSION_ROWS_BY_ID_SQL = rowsById(PUBLIC_VERSIONS);

/** Built once per source: a page's rows are read on every list answer not in the cache. */
export const versionRowsByIdSql = (source: VersionSource) => (source.publishedOnly ? PUBLIC_VERSION_ROWS_BY_ID_SQL : VERSION_ROWS_BY_ID_SQL);

/** Count and page statements for a listing; `text` must already be an FTS5 query. */
export function assessmentListSql(
  filter: AssessmentListFilter,
  at: ListTimePoint,
  sort: { readonly key: ListSortKey; readonly descending: boolean },
  page: { readonly limit: number; readonly cursor?: string },
  visibility?: Visibility,
  options: ListSqlOptions = {},
): AssessmentListSql {
  const params: SqlParams = {};
  const source = versionSourceFor(visibility);
  const current = at.effective === undefined && at.recorded === undefined;
  const where = [versionAt(at, params), ...filterClauses(filter, params, options, source), ...visibilityClauses(visibility, params, current ? 'current' : 'any')];
  const join = visibility && !current ? ' CROSS JOIN assessment_keys k ON k.seq = v.seq' : '';
  const rows = (index: string | undefined) => `FROM ${source.table} v${index ? ` INDEXED BY ${source.prefix}_${index}` : ''}${join}`;
  // Which index a statement walks is fixed where the planner's choice rests on statistics it cannot
  // have right (an interval's selectivity depends on t; a status's share of rows changes): as of one
  // time axis, the versions standing at t through (end, start) (`standing`), unless a rare search
  // starts from its hits. As of both axes at once, the rows come from standingOnBothAxes (below).
  const axis = current ? undefined : at.recorded === undefined ? 'effective' : at.effective === undefined ? 'recorded' : undefined;
  const narrowing = axis && !options.rareText ? AS_OF_WALKS[axis].standing : undefined;
  // As of both times, the standing versions' ids: the count takes them as the index gives them and
  // stops at its limit; the page, which must see them all to sort them, takes them as a list, in id
  // order, so the table is read in its own order rather than the index's. versionAt's test stays in
  // both, a check that costs little. A rare search starts from its hits instead, as on one axis.
  const bothAxes = at.effective !== undefined && at.recorded !== undefined && !options.rareText;
  const countFrom = bothAxes ? `FROM (${standingOnBothAxes(source)}) standing CROSS JOIN ${source.table} v ON v.id = standing.id${join}` : rows(narrowing);
  const countSql = boundedCountSql(`${countFrom} WHERE ${where.join(' AND ')}`, options.countLimit ?? DEFAULT_COUNT_LIMIT);

  // Ties are broken by the assessment (seq) in a current list: a change gives an assessment a new
  // current version, and a tie broken by the version's id would move it between two pages (missed,
  // or met twice). As of a time, versions are the rows listed and their id breaks ties. The cursor
  // says which (a cursor from before seq broke ties is refused, not misread).
  const tie = current ? 'v.seq' : 'v.id';
  const sortKey = `${sort.descending ? '-' : ''}${sort.key}${current ? '~seq' : ''}`;
  const column = SORT_COLUMNS[sort.key];
  const direction = sort.descending ? 'DESC' : 'ASC';
  const cursor = decodeCursor(page.cursor, sortKey);
  if (cursor) {
    params.cv = cursor.value;
    params.cid = cursor.id;
    // Sorted by seq itself (createdAt, current) the sort value is the tie-break already.
    where.push(column === tie ? `${column} ${sort.descending ? '<' : '>'} @cv` : `(${column}, ${tie}) ${sort.descending ? '<' : '>'} (@cv, @cid)`);
  }
  params.limit = page.limit + 1;
  const pageOrderedBy = (sortColumn: string, from: string, leading?: string) => `SELECT v.id, ${column} AS sort_value, ${tie} AS tie ${from}
    WHERE ${[...(leading ? [leading] : []), ...where].join(' AND ')}
    ORDER BY ${sortColumn} ${direction}${column === tie ? '' : `, ${tie} ${direction}`}
    LIMIT @limit`;
  // +column is no column reference, so no index can give the order: the rows are narrowed, then sorted.
  const fewMatchesPageSql = pageOrderedBy(`+${column}`, rows(narrowing), bothAxes ? `v.id IN (${standingOnBothAxes(source)})` : undefined);
  const walk = axis && sort.descending ? AS_OF_WALKS[axis] : undefined;
  let pageSql = fewMatchesPageSql;
  if (current) {
    pageSql = pageOrderedBy(column, rows(CURRENT_SORT_INDEXES[sort.key]));
  } else if (walk?.sort === sort.key) {
    // The start again, without the + of versionAt: here it is the walk's starting point.
    pageSql = pageOrderedBy(column, rows(walk.index), walk.start);
  } else if (axis === 'effective' && sort.key === 'updatedAt' && sort.descending) {
    // The default order as of an effective time: the versions recorded by then, walked newest
    // first from t, and those recorded after it (backdated), which av_effective_span finds
    // without reading a row that is not one; the page is the newest of both.
    const recordedBy = pageOrderedBy(column, rows('by_recorded'), 'v.rec_from <= @eff');
    const recordedAfter = `SELECT v.id, ${column} AS sort_value, ${tie} AS tie ${rows(AS_OF_WALKS.effective.standing)} WHERE ${['+v.rec_from > @eff', ...where].join(' AND ')}`;
    pageSql = `SELECT id, sort_value, tie FROM (SELECT * FROM (${recordedBy}) UNION ALL ${recordedAfter})
    ORDER BY sort_value DESC, tie DESC
    LIMIT @limit`;
  } else if (bothAxes && sort.key === 'updatedAt' && sort.descending) {
    // The default order as of both times, newest first without sorting every standing version: those
    // recorded by the earlier of the two times, walked newest first from it (a change is never
    // effective after it is recorded: it may be backdated, never dated ahead; so there they stand densely), and, when the effective time is
    // the earlier, those recorded between the two, found in the span indexes; the page is the newest of both.
    params.first = Math.min(at.effective!, at.recorded!);
    const recordedBy = pageOrderedBy(column, rows('by_recorded'), 'v.rec_from <= @first');
    pageSql = recordedBy;
    if (at.effective! < at.recorded!) {
      const recordedBetween = `SELECT v.id, ${column} AS sort_value, ${tie} AS tie
    FROM (${standingOnBothAxes(source, ' AND rec_from > @first')}) standing CROSS JOIN ${source.table} v ON v.id = standing.id${join}
    WHERE ${where.join(' AND ')}`;
      pageSql = `SELECT id, sort_value, tie FROM (SELECT * FROM (${recordedBy}) UNION ALL ${recordedBetween})
    ORDER BY sort_value DESC, tie DESC
    LIMIT @limit`;
    }
  }
  return { countSql, pageSql, fewMatchesPageSql, params, sortKey };
}
