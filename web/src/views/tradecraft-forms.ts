/** Forms for the judgment's key assumptions and indicators: stating and reviewing, adding and observing. */
import type { AssessmentDetail } from '../api-types.js';
import { field, h } from '../dom.js';
import {
  ASSUMPTION_VERDICT_LABELS,
  ASSUMPTION_VERDICTS,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_DIRECTIONS,
  TRADECRAFT_LIMITS,
} from '../vocabulary.js';
import { commandForm } from './command-form.js';
import type { ChangeTarget } from './command-form.js';
import { checkboxField, pairs, select, valueOf } from './form-controls.js';

/** Long texts cut for an option label; the option's value is the id, so nothing is lost. */
const short = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);

export function stateAssumptionForm(target: ChangeTarget): HTMLElement {
  const text = h('textarea', { id: 'assumption-text', name: 'text', rows: 2, required: true, maxlength: TRADECRAFT_LIMITS.text });
  const linchpin = h('input', { id: 'assumption-linchpin', name: 'linchpin', type: 'checkbox' });
  return commandForm(
    {
      id: 'assumption',
      title: 'State a key assumption',
      path: '/assumptions',
      submitLabel: 'State the assumption',
      fields: [
        field('Assumption', text),
        checkboxField('Linchpin', linchpin, 'If it fails, the judgment fails with it.'),
      ],
      body: (form) => ({ text: valueOf(form, 'text'), linchpin: linchpin.checked }),
    },
    target,
  );
}

/** A Key Assumptions Check of one of the assessment's assumptions; only when it has some. */
export function reviewAssumptionForm(view: AssessmentDetail, target: ChangeTarget): HTMLElement {
  const assumption = select(
    'review-assumption-assumptionId',
    'assumptionId',
    view.assumptions.map((a): [string, string] => [
      a.assumptionId,
      `${a.linchpin ? 'Linchpin: ' : ''}${short(a.text)} (${a.review ? `last reviewed: ${a.review.verdict}` : 'not yet reviewed'})`,
    ]),
  );
  return commandForm(
    {
      id: 'review-assumption',
      title: 'Review a key assumption',
      path: (form) => `/assumptions/${encodeURIComponent(valueOf(form, 'assumptionId'))}/review`,
      submitLabel: 'Record the review',
      fields: [
        field('Assumption', assumption),
        field('Verdict', select('review-assumption-verdict', 'verdict', pairs(ASSUMPTION_VERDICTS, (v) => ASSUMPTION_VERDICT_LABELS[v] ?? v))),
      ],
      body: (form) => ({ verdict: valueOf(form, 'verdict') }),
    },
    target,
  );
}

export function addIndicatorForm(target: ChangeTarget): HTMLElement {
  const text = h('textarea', { id: 'indicator-text', name: 'text', rows: 2, required: true, maxlength: TRADECRAFT_LIMITS.text });
  return commandForm(
    {
      id: 'indicator',
      title: 'Add an indicator',
      path: '/indicators',
      submitLabel: 'Add the indicator',
      fields: [
        field('Indicator', text, 'Something that can be seen, and would move the judgment if it were.'),
        field('Direction', select('indicator-direction', 'direction', pairs(INDICATOR_DIRECTIONS, (d) => INDICATOR_DIRECTION_LABELS[d] ?? d))),
      ],
      body: (form) => ({ text: valueOf(form, 'text'), direction: valueOf(form, 'direction') }),
    },
    target,
  );
}

/** An observation of one of the assessment's indicators; only when it has some. */
export function observeIndicatorForm(view: AssessmentDetail, target: ChangeTarget): HTMLElement {
  const indicator = select(
    'observation-indicatorId',
    'indicatorId',
    view.indicators.map((i): [string, string] => [i.indicatorId, `${short(i.text)} (${i.direction})`]),
  );
  const observation = h('textarea', { id: 'observation-observation', name: 'observation', rows: 2, required: true, maxlength: TRADECRAFT_LIMITS.observation });
  // A wall-clock time read as UTC, the zone every time on the page is shown in.
  const observedAt = h('input', {
    id: 'observation-observedAt',
    name: 'observedAt',
    type: 'datetime-local',
    required: true,
    max: new Date().toISOString().slice(0, 16),
  });
  return commandForm(
    {
      id: 'observation',
      title: 'Record an observation of an indicator',
      path: (form) => `/indicators/${encodeURIComponent(valueOf(form, 'indicatorId'))}/observations`,
      submitLabel: 'Record the observation',
      fields: [
        field('Indicator', indicator),
        field('What was seen', observation),
        field('Seen at (UTC)', observedAt, 'When it was seen; not in the future.'),
      ],
      body: (form) => ({ observation: valueOf(form, 'observation'), observedAt: `${valueOf(form, 'observedAt')}:00Z` }),
    },
    target,
  );
}
