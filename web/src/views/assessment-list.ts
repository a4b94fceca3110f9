import { apiGet } from '../api.js';
import type { AssessmentList, AssessmentSummary, ReviewDueList } from '../api-types.js';
import { field, h, replace, selectOptions } from '../dom.js';
import { endOfDayUtc, formatBand, formatDate, humanize } from '../format.js';
import { assessmentHref, DRAFT_HREF, href, navigate } from '../router.js';
import { capabilitiesOf, lastWritePosition } from '../session.js';
import {
  ASSESSMENT_STATUSES,
  CONFIDENCE_LEVELS,
  LIKELIHOOD_SCALES,
  REVIEW_REASON_LABELS,
  SCALE_NAMES,
  SCALE_TERMS,
  SORT_OPTIONS,
} from '../vocabulary.js';
import { likelihoodText } from './likelihood-text.js';
import { asOfInput, scaleSelect } from './view-controls.js';
import type { ViewContext } from './view-context.js';

const PAGE_SIZE = 25;

/** Filters the page keeps in its address; each maps to the API parameter of the same name. */
const FILTER_KEYS = ['q', 'status', 'confidence', 'likelihood', 'actor', 'region', 'topic', 'awaitingPublication', 'sort', 'scale', 'asOf'] as const;

/** Current assessments (or as of a day): filters, search, sort, likelihood in a chosen scale, review-due badges. */
export async function renderAssessmentList({ main, route, session, isCurrent }: ViewContext): Promise<void> {
  const params = route.params;
  const get = (key: string) => params.get(key) ?? '';
  const asOf = get('asOf');
  const can = capabilitiesOf(session.claims);

  const [list, reviewDue] = await Promise.all([
    apiGet<AssessmentList>('/assessments', {
      q: get('q'),
      status: get('status'),
      confidence: get('confidence'),
      likelihood: get('likelihood'),
      actor: get('actor'),
      region: get('region'),
      topic: get('topic'),
      // Offered only to those who see drafts; a reader opening a reviewer's address is not filtered by a control they do not have.
      awaitingPublication: can.seeDrafts ? get('awaitingPublication') : undefined,
      sort: get('sort'),
      scale: get('scale'),
      asOf: asOf ? endOfDayUtc(asOf) : undefined,
      cursor: get('cursor'),
      limit: PAGE_SIZE,
      minPosition: lastWritePosition(),
    }),
    // Review-due is about now; the badges would mislead on a past list.
    can.reviewDue && !asOf ? loadReviewDue() : Promise.resolve(new Map<string, string[]>()),
  ]);
  if (!isCurrent()) return;

  replace(
    main,
    h('h1', { tabindex: -1 }, asOf ? `Assessments as of ${asOf}` : 'Current assessments'),
    asOf
      ? h(
          'p',
          { class: 'panel panel-info', role: 'status' },
          `Showing the list as it stood at the end of ${asOf} (UTC), by effective time. `,
          h('a', { href: href('/assessments', withoutKeys(params, ['asOf', 'cursor'])) }, 'Back to now'),
        )
      : null,
    filterForm(params, can.seeDrafts),
    // Below the filters, so the first stop after the skip link stays the search field.
    can.change ? h('p', { class: 'list-actions' }, h('a', { class: 'button', href: DRAFT_HREF, id: 'draft-link' }, 'Draft an assessment')) : null,
    resultsTable(list.body, reviewDue, params),
    pager(list.body, params),
  );
}

async function loadReviewDue(): Promise<Map<string, string[]>> {
  const reasons = new Map<string, string[]>();
  try {
    const { body } = await apiGet<ReviewDueList>('/review-due', { limit: 500, minPosition: lastWritePosition() });
    for (const item of body.items) reasons.set(item.assessment.assessmentId, item.reasons);
  } catch {
    // The badges are a hint; the list itself must not fail for them.
  }
  return reasons;
}

function withoutKeys(params: URLSearchParams, keys: string[]): URLSearchParams {
  const copy = new URLSearchParams(params);
  for (const key of keys) copy.delete(key);
  return copy;
}

/** `seeDrafts`: whether to offer the draft status and the reviewer's queue, which holds drafts above all. */
function filterForm(params: URLSearchParams, seeDrafts: boolean): HTMLFormElement {
  const get = (key: string) => params.get(key) ?? undefined;
  const text = (id: string, name: string, type = 'text') => h('input', { id, name, type, value: get(name) ?? '', autocomplete: 'off' });
  const select = (id: string, name: string, options: [string, string][]) => h('select', { id, name }, selectOptions(options, get(name) ?? ''));
  const likelihood = h(
    'select',
    { id: 'filter-likelihood', name: 'likelihood' },
    h('option', { value: '' }, 'Any'),
    LIKELIHOOD_SCALES.map((scale) =>
      h(
        'optgroup',
        { label: SCALE_NAMES[scale] },
        SCALE_TERMS[scale].map(({ term, band }) =>
          h('option', { value: `${scale}:${term}`, selected: get('likelihood') === `${scale}:${term}` }, `${humanize(term)} (${formatBand(band)})`),
        ),
      ),
    ),
  );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter assessments' },
    h(
      'div',
      { class: 'filter-grid' },
      field('Search statements and rationales', text('filter-q', 'q', 'search')),
      // A reader sees no drafts, so "draft" would only ever list nothing for them.
      field('Status', select('filter-status', 'status', [['', 'Any'], ...ASSESSMENT_STATUSES.filter((s) => seeDrafts || s !== 'draft').map((s): [string, string] => [s, s])])),
      field('Confidence', select('filter-confidence', 'confidence', [['', 'Any'], ...CONFIDENCE_LEVELS.map((c): [string, string] => [c, c])])),
      field('Likelihood band', likelihood, 'Matches judgments whose band midpoint falls in it, whatever scale they were stated in.'),
      field('Actor', text('filter-actor', 'actor')),
      field('Region', text('filter-region', 'region')),
      field('Topic', text('filter-topic', 'topic')),
      seeDrafts
        ? field(
            'Awaiting publication',
            select('filter-awaitingPublication', 'awaitingPublication', [
              ['', 'Any'],
              ['true', 'Yes: a reviewer\'s queue'],
              ['false', 'No: nothing to publish'],
            ]),
            'Open drafts, and published assessments with changes of substance not yet published.',
          )
        : null,
      field('Sort', select('filter-sort', 'sort', SORT_OPTIONS.map(([value, label]): [string, string] => [value, label]))),
      field('Show likelihood in', scaleSelect('filter-scale', get('scale'))),
      field('As of (end of day, UTC)', asOfInput('filter-asOf', get('asOf')), 'Leave empty for the current list.'),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Apply filters'),
      h('a', { class: 'button secondary', href: '#/assessments' }, 'Clear filters'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const key of FILTER_KEYS) {
      const value = String(data.get(key) ?? '').trim();
      if (value) next[key] = value;
    }
    navigate(href('/assessments', next));
  });
  return form;
}

function resultsTable(list: AssessmentList, reviewDue: Map<string, string[]>, params: URLSearchParams): HTMLElement {
  const count = `${list.total.toLocaleString('en-GB')}${list.totalIsLowerBound ? '+' : ''}`;
  const summary = h('p', { class: 'result-count', role: 'status' }, `${count} ${list.total === 1 && !list.totalIsLowerBound ? 'assessment matches' : 'assessments match'}.`);
  if (list.items.length === 0) {
    return h('section', { 'aria-label': 'Results' }, summary, h('p', { class: 'empty' }, 'No assessments match these filters.'));
  }
  const columns = ['Statement', 'Likelihood', 'Confidence', 'Horizon', 'Status', 'Updated'];
  return h(
    'section',
    { 'aria-label': 'Results' },
    summary,
    h(
      'table',
      { class: 'assessments responsive-table' },
      h('caption', { class: 'visually-hidden' }, 'Assessments'),
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, list.items.map((item) => row(item, reviewDue.get(item.assessmentId), params))),
    ),
  );
}

function row(item: AssessmentSummary, reasons: string[] | undefined, params: URLSearchParams): HTMLTableRowElement {
  const cell = (label: string, ...content: (Node | string | null)[]) => h('td', { 'data-label': label }, ...content);
  return h(
    'tr',
    { 'data-assessment-id': item.assessmentId },
    cell(
      'Statement',
      h('a', { href: assessmentHref(item.assessmentId, { scale: params.get('scale'), asOf: params.get('asOf') }) }, item.statement),
      h('div', { class: 'muted small' }, [...new Set([...item.subject.actors, ...item.subject.regions, ...item.subject.topics])].join(' · ')),
    ),
    cell('Likelihood', likelihoodText(item.likelihood)),
    cell('Confidence', item.confidence),
    cell('Horizon', `${humanize(item.horizon.term ?? 'custom')}, to ${formatDate(item.horizon.end)}`),
    cell('Status', statusBadges(item, reasons)),
    cell('Updated', `${formatDate(item.updatedAt)} by ${item.updatedBy}`),
  );
}

export function statusBadges(item: AssessmentSummary, reviewReasons?: string[]): HTMLElement {
  return h(
    'span',
    { class: 'badges' },
    h('span', { class: `badge status-${item.status}` }, item.status),
    item.hasUnpublishedChanges && item.status === 'published' ? h('span', { class: 'badge badge-warning' }, 'unpublished changes') : null,
    item.classification !== 'UNCLASSIFIED' ? h('span', { class: 'badge badge-clearance' }, item.classification) : null,
    (reviewReasons ?? []).map((reason) => h('span', { class: 'badge badge-review' }, `review due: ${REVIEW_REASON_LABELS[reason] ?? reason}`)),
  );
}

function pager(list: AssessmentList, params: URLSearchParams): HTMLElement | null {
  const onLaterPage = params.has('cursor');
  if (!list.nextCursor && !onLaterPage) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    onLaterPage ? h('a', { class: 'button secondary', href: href('/assessments', withoutKeys(params, ['cursor'])) }, 'First page') : null,
    list.nextCursor
      ? h('a', { class: 'button', rel: 'next', href: href('/assessments', { ...Object.fromEntries(params), cursor: list.nextCursor }) }, 'Next page')
      : null,
  );
}
