import type { AssessmentDetail } from '../api-types.js';
import { h } from '../dom.js';
import { formatDate, formatDateTime, formatNumber, humanize, percent } from '../format.js';
import { likelihoodText } from './likelihood-text.js';

const item = (term: string, ...description: (Node | string | null)[]) => [h('dt', null, term), h('dd', null, ...description)];

/** The judgment itself: likelihood, confidence, horizon, subject, source and who did what. */
export function assessmentFacts(view: AssessmentDetail): HTMLElement {
  const subject = view.subject;
  return h(
    'dl',
    { class: 'facts' },
    item('Likelihood', likelihoodText(view.likelihood)),
    item('Confidence', view.confidence),
    item('Horizon', `${humanize(view.horizon.term ?? 'custom')}: ${formatDate(view.horizon.start)} to ${formatDate(view.horizon.end)}`),
    item('Actors', subject.actors.join(', ') || '—'),
    item('Regions', subject.regions.join(', ') || '—'),
    item('Topics', subject.topics.join(', ') || '—'),
    item('Source', view.source ? [view.source.document, view.source.section].filter(Boolean).join(', ') : '—'),
    item('Marking', view.classification),
    item('Drafted', `${formatDateTime(view.createdAt)} by ${view.createdBy} (judged ${formatDate(view.effectiveAt)})`),
    item('Last change', `${formatDateTime(view.updatedAt)} by ${view.updatedBy}`),
    item('Published', view.published ? `revision ${view.published.revision}, ${formatDateTime(view.published.at)} by ${view.published.by}` : 'not yet'),
    view.supersededBy ? item('Superseded by', h('a', { href: `#/assessments/${encodeURIComponent(view.supersededBy)}` }, view.supersededBy)) : [],
  );
}

/** The outcome and, when it could be scored, the Brier scores. */
export function outcomePanel(view: AssessmentDetail): HTMLElement | null {
  if (!view.outcome) return null;
  const score = view.score as { scored: boolean; reason?: string; probability?: number; brier?: number; timeWeightedBrier?: number } | null;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'outcome-heading' },
    h('h2', { id: 'outcome-heading' }, 'Outcome'),
    h('p', null, `${humanize(view.outcome.outcome)}, known ${formatDate(view.outcome.knownAt)} (recorded by ${view.outcome.recordedBy}).`),
    score?.scored
      ? h(
          'p',
          null,
          `Stated probability then: ${percent(score.probability, 1)}. Brier score ${formatNumber(score.brier)}; time-weighted ${formatNumber(score.timeWeightedBrier)} (0 is perfect, 1 the worst).`,
        )
      : h('p', { class: 'muted' }, `Not scored: ${humanize(score?.reason ?? 'unknown')}.`),
  );
}
