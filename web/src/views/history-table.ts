import type { History } from '../api-types.js';
import { h } from '../dom.js';
import { eventLabel, formatDateTime, humanize } from '../format.js';
import { describeChange } from './change-summary.js';

/** Every event of the assessment, newest first: who, both times, why and what. */
export function historySection(history: History | null): HTMLElement | null {
  if (!history) return null;
  const events = [...history.events].reverse();
  return h(
    'section',
    { 'aria-labelledby': 'history-heading' },
    h('h2', { id: 'history-heading' }, 'History'),
    h(
      'table',
      { class: 'history responsive-table' },
      h('thead', null, h('tr', null, ['Rev.', 'Change', 'By', 'Recorded', 'Effective', 'Rationale'].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        null,
        events.map((e) =>
          h(
            'tr',
            null,
            h('td', { 'data-label': 'Revision' }, String(e.revision)),
            h('td', { 'data-label': 'Change' }, h('strong', null, eventLabel(e.type)), h('div', { class: 'small' }, describeChange(e))),
            h('td', { 'data-label': 'By' }, e.actor),
            h('td', { 'data-label': 'Recorded' }, formatDateTime(e.recordedAt)),
            h('td', { 'data-label': 'Effective' }, formatDateTime(e.effectiveAt)),
            h('td', { 'data-label': 'Rationale' }, e.rationale ?? '—', e.basis ? h('div', { class: 'muted small' }, `basis: ${humanize(e.basis)}`) : null),
          ),
        ),
      ),
    ),
  );
}
