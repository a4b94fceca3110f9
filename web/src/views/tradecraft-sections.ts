import type { AssessmentDetail, Dissent, Evidence } from '../api-types.js';
import { h } from '../dom.js';
import { formatDate } from '../format.js';
import { likelihoodText } from './likelihood-text.js';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS } from '../vocabulary.js';

function section(id: string, title: string, ...content: (Node | string | null)[]): HTMLElement {
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

/** A section listing items, one list entry each, or saying there are none. */
function listSection<T>(id: string, title: string, items: readonly T[], none: string, entry: (item: T) => HTMLElement): HTMLElement {
  if (items.length === 0) return section(id, title, h('p', { class: 'empty' }, none));
  return section(id, title, h('ul', { class: 'plain-list' }, items.map(entry)));
}

/** Only web links become links: a `javascript:` URL in stored evidence must stay text. */
function safeLink(url: string | null, text: string): Node {
  if (url && /^https?:\/\//i.test(url)) return h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, text);
  return document.createTextNode(text);
}

function grade(evidence: Evidence): HTMLElement {
  const reliability = RELIABILITY_LABELS[evidence.reliability] ?? '';
  const credibility = CREDIBILITY_LABELS[String(evidence.credibility)] ?? '';
  return h(
    'span',
    { class: 'grade' },
    h('abbr', { title: `source ${reliability}; information ${credibility}` }, `${evidence.reliability}${evidence.credibility}`),
    h('span', { class: 'muted small' }, ` ${reliability}, ${credibility}`),
  );
}

export function evidenceSection(view: AssessmentDetail): HTMLElement {
  const { items, summary } = view.evidence;
  if (items.length === 0) return section('evidence-heading', 'Evidence', h('p', { class: 'empty' }, 'No evidence linked.'));
  const bearings = Object.entries(summary.byBearing)
    .filter(([, count]) => count > 0)
    .map(([bearing, count]) => `${count} ${bearing}`)
    .join(', ');
  return section(
    'evidence-heading',
    'Evidence',
    h('p', null, `${summary.total} linked: ${bearings}.`),
    h(
      'table',
      { class: 'responsive-table' },
      h('thead', null, h('tr', null, ['Title', 'Source', 'Grade', 'Bearing', 'Linked'].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        null,
        items.map((e) =>
          h(
            'tr',
            null,
            h('td', { 'data-label': 'Title' }, safeLink(e.url, e.title), e.excerpt ? h('blockquote', { class: 'excerpt' }, e.excerpt) : null),
            h('td', { 'data-label': 'Source' }, e.source),
            h('td', { 'data-label': 'Grade' }, grade(e)),
            h('td', { 'data-label': 'Bearing' }, h('span', { class: `badge bearing-${e.bearing}` }, e.bearing)),
            h('td', { 'data-label': 'Linked' }, `${formatDate(e.linkedAt)} by ${e.linkedBy}`),
          ),
        ),
      ),
    ),
  );
}

export function assumptionsSection(view: AssessmentDetail): HTMLElement {
  return listSection('assumptions-heading', 'Key assumptions', view.assumptions, 'No assumptions stated.', (a) =>
    h(
      'li',
      null,
      a.linchpin ? h('span', { class: 'badge badge-warning' }, 'linchpin') : null,
      ' ',
      a.text,
      ' ',
      a.review
        ? h('span', { class: `badge verdict-${a.review.verdict}` }, `${a.review.verdict} (${formatDate(a.review.reviewedAt)}, ${a.review.reviewedBy})`)
        : h('span', { class: 'badge' }, 'not yet reviewed'),
    ),
  );
}

export function indicatorsSection(view: AssessmentDetail): HTMLElement {
  return listSection('indicators-heading', 'Indicators', view.indicators, 'No indicators.', (i) =>
    h(
      'li',
      null,
      h('span', { class: 'badge' }, i.direction === 'raises' ? 'raises likelihood' : 'lowers likelihood'),
      ' ',
      i.text,
      i.observations.length
        ? h(
            'ul',
            null,
            i.observations.map((o) => h('li', null, `${formatDate(o.observedAt)}: ${o.observation} (${o.recordedBy})`)),
          )
        : h('div', { class: 'muted small' }, 'Not observed yet.'),
    ),
  );
}

/** How far a dissent lies from the main line, in percentage points of probability. */
function spreadText(dissent: Dissent): string | null {
  if (dissent.spread === null) return null;
  const points = Math.round(dissent.spread.midpoint * 100);
  if (points === 0) return 'same midpoint as the main line';
  return `${Math.abs(points)} points ${points > 0 ? 'above' : 'below'} the main line${dissent.spread.gap === 0 ? ' (the bands overlap)' : ''}`;
}

/** Standing dissents, read-only here: the forms to record, revise or withdraw one are with the other changes. */
export function dissentsSection(view: AssessmentDetail): HTMLElement {
  return listSection('dissents-heading', 'Dissents', view.dissents, 'No standing dissent.', (d) => {
    const spread = spreadText(d);
    return h(
      'li',
      { 'data-dissent': d.dissentId },
      h('strong', null, d.author),
      ' holds ',
      d.likelihood ? likelihoodText(d.likelihood) : null,
      d.likelihood && d.confidence ? ', ' : null,
      d.confidence ? h('span', { class: d.confidenceDiffers ? 'badge badge-warning' : 'badge' }, `${d.confidence} confidence`) : null,
      spread ? h('span', { class: 'muted small' }, ` (${spread})`) : null,
      h('blockquote', { class: 'excerpt' }, d.rationale),
      h('span', { class: 'muted small' }, `Recorded ${formatDate(d.recordedAt)}${d.revisedAt ? `, revised ${formatDate(d.revisedAt)}` : ''}`),
    );
  });
}
