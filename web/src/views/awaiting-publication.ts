import type { AssessmentDetail, History, HistoryEntry } from '../api-types.js';
import { h } from '../dom.js';
import { eventLabel, formatDateTime, humanize } from '../format.js';
import { describeChange } from './change-summary.js';
import { likelihoodText } from './likelihood-text.js';
import { wordDiff } from './statement-diff.js';
import { SUBSTANCE_EVENTS } from '../vocabulary.js';

/** The service's changes of substance: only these need a new publication. */
const SUBSTANCE: ReadonlySet<string> = new Set(SUBSTANCE_EVENTS);

/**
 * The published revision to compare the assessment with, or null when nothing
 * published awaits a new publication. Asked before the panel is built, so the
 * page fetches that revision only when the panel will show it.
 */
export function publishedRevisionAwaiting(view: AssessmentDetail): number | null {
  return view.status === 'published' && view.hasUnpublishedChanges && view.published ? view.published.revision : null;
}

/**
 * What a reviewer would publish: the changes of substance since the published
 * revision, and the judgment as published beside it as it stands now. Built
 * only from the history, so only for those who may read it; a reader's view
 * never holds unpublished changes anyway.
 */
export function awaitingPublicationPanel(view: AssessmentDetail, history: History | null, published: AssessmentDetail | null): HTMLElement | null {
  if (!history) return null;
  const heading = h('h2', { id: 'awaiting-heading' }, 'Awaiting publication');
  if (view.status === 'draft' && !view.published) {
    return h(
      'section',
      { class: 'panel panel-info', 'aria-labelledby': 'awaiting-heading', id: 'awaiting-publication' },
      heading,
      h('p', null, 'This draft was never published: all of it awaits a reviewer, and readers do not see it until then.'),
    );
  }
  const since = publishedRevisionAwaiting(view);
  if (since === null || !view.published) return null;
  const changes = history.events.filter((e) => e.revision > since && SUBSTANCE.has(e.type));
  // The four-eyes rule turns on the author of the last such change, so a reviewer learns up front whether it is theirs to publish.
  const lastAuthor = changes.at(-1)?.actor;
  return h(
    'section',
    { class: 'panel panel-warning', 'aria-labelledby': 'awaiting-heading', id: 'awaiting-publication' },
    heading,
    h(
      'p',
      null,
      `Published as revision ${view.published.revision} (${formatDateTime(view.published.at)} by ${view.published.by}). `,
      `Readers still see that; ${changes.length === 1 ? 'this change' : `these ${changes.length} changes`} of substance await publication.`,
      lastAuthor ? ` ${lastAuthor} made the last one, so someone else must publish.` : null,
    ),
    published ? comparison(published, view) : h('p', { class: 'muted' }, 'The published revision could not be read for comparison.'),
    h('ol', { class: 'plain-list awaiting-changes' }, changes.map(changeEntry)),
  );
}

function comparison(published: AssessmentDetail, now: AssessmentDetail): HTMLElement {
  const row = (term: string, then: Node | string, current: Node | string) => [h('dt', null, term), h('dd', null, then, ' → ', current)];
  return h(
    'div',
    null,
    published.statement !== now.statement ? [h('h3', null, 'Wording since published'), wordDiff(published.statement, now.statement)] : null,
    h(
      'dl',
      { class: 'facts' },
      row('Likelihood (published → now)', likelihoodText(published.likelihood), likelihoodText(now.likelihood)),
      row('Confidence (published → now)', published.confidence, now.confidence),
    ),
  );
}

function changeEntry(entry: HistoryEntry): HTMLElement {
  const effectiveDiffers = entry.effectiveAt !== entry.recordedAt;
  return h(
    'li',
    { 'data-revision': entry.revision },
    h('strong', null, `Revision ${entry.revision}: ${eventLabel(entry.type)}`),
    ` by ${entry.actor}, ${formatDateTime(entry.recordedAt)}`,
    effectiveDiffers ? ` (effective ${formatDateTime(entry.effectiveAt)})` : null,
    h('div', { class: 'small' }, describeChange(entry)),
    h('div', null, `Rationale: ${entry.rationale ?? '—'}`, entry.basis ? h('span', { class: 'muted small' }, ` (basis: ${humanize(entry.basis)})`) : null),
  );
}
