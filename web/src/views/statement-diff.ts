import { diffWords } from 'diff';
import { apiGet } from '../api.js';
import type { AssessmentDetail, History } from '../api-types.js';
import { field, h, replace, visuallyHidden } from '../dom.js';
import { eventLabel } from '../format.js';

const STATEMENT_EVENTS = new Set(['AssessmentDrafted', 'StatementReworded']);

/**
 * The statement's wording compared between any two revisions, word by word.
 * Both revisions are read from the service (`?revision=N`) and compared here.
 * `revisions` are those the user may read: all of them with the history, only
 * the published ones (the timeline's) for a reader.
 */
export function statementDiffSection(assessmentId: string, revisions: readonly number[], history: History | null): HTMLElement {
  const heading = h('h2', { id: 'diff-heading' }, 'Wording between revisions');
  if (revisions.length < 2) {
    return h('section', { 'aria-labelledby': 'diff-heading' }, heading, h('p', { class: 'empty' }, 'There is only one revision to read so far.'));
  }
  const label = (n: number) => {
    const entry = history?.events.find((e) => e.revision === n);
    return entry ? `Revision ${n}: ${eventLabel(entry.type)} (${entry.actor})` : `Revision ${n}`;
  };
  // By default, the last rewording: the two latest revisions that set the statement.
  const wordings = (history?.events ?? []).filter((e) => STATEMENT_EVENTS.has(e.type)).map((e) => e.revision);
  const defaultTo = wordings.at(-1) ?? revisions[revisions.length - 1];
  const defaultFrom = wordings.at(-2) ?? revisions[0];
  const picker = (id: string, name: string, selected: number) =>
    h('select', { id, name }, revisions.map((n) => h('option', { value: n, selected: n === selected }, label(n))));
  const from = picker('diff-from', 'from', defaultFrom);
  const to = picker('diff-to', 'to', defaultTo);
  const output = h('div', { class: 'diff-output', 'aria-live': 'polite', id: 'diff-output' });

  const compare = async () => {
    replace(output, h('p', { class: 'loading' }, 'Comparing…'));
    try {
      const path = `/assessments/${encodeURIComponent(assessmentId)}`;
      const [older, newer] = await Promise.all([
        apiGet<AssessmentDetail>(path, { revision: from.value }),
        apiGet<AssessmentDetail>(path, { revision: to.value }),
      ]);
      replace(output, wordDiff(older.body.statement, newer.body.statement));
    } catch (error) {
      replace(output, h('p', { class: 'form-message' }, `Could not load both revisions: ${(error as Error).message}`));
    }
  };
  const form = h(
    'form',
    { class: 'diff-form' },
    h('div', { class: 'field-row' }, field('From', from), field('To', to)),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Compare wording')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void compare();
  });
  if (defaultFrom !== defaultTo) void compare();
  return h('section', { 'aria-labelledby': 'diff-heading' }, heading, form, output);
}

export function wordDiff(older: string, newer: string): HTMLElement {
  const parts = diffWords(older, newer);
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  const added = parts.filter((p) => p.added).reduce((n, p) => n + words(p.value), 0);
  const removed = parts.filter((p) => p.removed).reduce((n, p) => n + words(p.value), 0);
  if (added === 0 && removed === 0) return h('p', null, 'The wording is the same in both revisions.');
  return h(
    'div',
    null,
    h('p', { class: 'diff-summary' }, `${added} word${added === 1 ? '' : 's'} added, ${removed} removed.`),
    h(
      'p',
      { class: 'diff' },
      parts.map((part) => {
        if (part.added) return h('ins', null, visuallyHidden('[added: '), part.value, visuallyHidden(']'));
        if (part.removed) return h('del', null, visuallyHidden('[removed: '), part.value, visuallyHidden(']'));
        return part.value;
      }),
    ),
  );
}
