import type { AssessmentDetail } from '../api-types.js';
import { field, h, selectOptions } from '../dom.js';
import { formatBand, humanize } from '../format.js';
import type { Capabilities } from '../session.js';
import {
  CHANGE_BASES,
  CONFIDENCE_LEVELS,
  CREDIBILITY_GRADES,
  CREDIBILITY_LABELS,
  EVIDENCE_BEARINGS,
  LIKELIHOOD_SCALES,
  OUTCOMES,
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  SCALE_NAMES,
  SCALE_TERMS,
} from '../vocabulary.js';
import type { LikelihoodScale } from '../vocabulary.js';
import { commandForm } from './command-form.js';
import type { ChangeTarget } from './command-form.js';

const CLOSED = new Set(['withdrawn', 'superseded', 'resolved']);

const valueOf = (form: HTMLFormElement, name: string) => {
  const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  return control ? control.value.trim() : '';
};

const pairs = (values: readonly (string | number)[], label: (v: string) => string = (v) => v): [string, string][] =>
  values.map((v) => [String(v), label(String(v))]);

function select(id: string, name: string, options: [string, string][], selected?: string): HTMLSelectElement {
  return h('select', { id, name, required: true }, selectOptions(options, selected));
}

/** The change forms the user's roles allow on this assessment. */
export function changeForms(view: AssessmentDetail, can: Capabilities, target: ChangeTarget): HTMLElement | null {
  if (CLOSED.has(view.status)) {
    return h('p', { class: 'panel panel-info' }, `This assessment is ${view.status}; it takes no further changes.`);
  }
  const forms: HTMLElement[] = [];
  if (can.change) {
    forms.push(
      rewordForm(view, target),
      likelihoodForm(view, target),
      confidenceForm(view, target),
      evidenceForm(target),
      outcomeForm(target),
    );
  }
  if (can.publish && (view.status === 'draft' || view.hasUnpublishedChanges)) forms.push(publishForm(target));
  if (forms.length === 0) return null;
  return h('div', { class: 'change-forms' }, forms);
}

function rewordForm(view: AssessmentDetail, target: ChangeTarget): HTMLElement {
  const statement = h('textarea', { id: 'reword-statement', name: 'statement', rows: 4, required: true, maxlength: 2000 }, view.statement);
  return commandForm(
    {
      id: 'reword',
      title: 'Reword the statement',
      path: '/statement',
      submitLabel: 'Record the new wording',
      fields: [field('Statement', statement)],
      body: (form) => ({ statement: valueOf(form, 'statement') }),
    },
    target,
  );
}

function likelihoodForm(view: AssessmentDetail, target: ChangeTarget): HTMLElement {
  // Start from what the analyst stated (not the scale the page may be showing it in).
  const stated = view.likelihood.stated ?? view.likelihood;
  const statedScale = stated.scale ?? 'probability';
  const scale = select(
    'likelihood-scale',
    'likelihood.scale',
    [...LIKELIHOOD_SCALES.map((s): [string, string] => [s, SCALE_NAMES[s]]), ['probability', 'A probability (number)']],
    statedScale,
  );
  const term = h('select', { id: 'likelihood-term', name: 'likelihood.term' });
  const probability = h('input', {
    id: 'likelihood-probability',
    name: 'likelihood.probability',
    type: 'number',
    min: 0,
    max: 1,
    step: 0.01,
    value: stated.scale === null ? view.likelihood.probability.low : null,
  });
  const termField = field('Term', term);
  const probabilityField = field('Probability (0 to 1)', probability);
  // The term list follows the scale; a number replaces the term altogether.
  const syncTerms = () => {
    const chosen = scale.value;
    const isNumber = chosen === 'probability';
    termField.hidden = isNumber;
    term.required = !isNumber;
    probabilityField.hidden = !isNumber;
    probability.required = isNumber;
    if (!isNumber) {
      term.replaceChildren(
        ...SCALE_TERMS[chosen as LikelihoodScale].map(({ term: t, band }) =>
          h('option', { value: t, selected: chosen === stated.scale && t === stated.term }, `${humanize(t)} (${formatBand(band)})`),
        ),
      );
    }
  };
  scale.addEventListener('change', syncTerms);
  syncTerms();
  const basis = select('likelihood-basis', 'basis', pairs(CHANGE_BASES, humanize));
  return commandForm(
    {
      id: 'likelihood',
      title: 'Change the likelihood',
      path: '/likelihood',
      submitLabel: 'Record the new likelihood',
      fields: [h('div', { class: 'field-row' }, field('Scale', scale), termField, probabilityField), field('Basis', basis)],
      body: (form) => {
        const chosen = valueOf(form, 'likelihood.scale');
        const likelihood =
          chosen === 'probability' ? { probability: Number(valueOf(form, 'likelihood.probability')) } : { scale: chosen, term: valueOf(form, 'likelihood.term') };
        return { likelihood, basis: valueOf(form, 'basis') };
      },
    },
    target,
  );
}

function confidenceForm(view: AssessmentDetail, target: ChangeTarget): HTMLElement {
  return commandForm(
    {
      id: 'confidence',
      title: 'Change the confidence',
      path: '/confidence',
      submitLabel: 'Record the new confidence',
      fields: [
        h(
          'div',
          { class: 'field-row' },
          field('Confidence', select('confidence-level', 'confidence', pairs(CONFIDENCE_LEVELS), view.confidence)),
          field('Basis', select('confidence-basis', 'basis', pairs(CHANGE_BASES, humanize))),
        ),
      ],
      body: (form) => ({ confidence: valueOf(form, 'confidence'), basis: valueOf(form, 'basis') }),
    },
    target,
  );
}

function evidenceForm(target: ChangeTarget): HTMLElement {
  const text = (id: string, name: string, required: boolean, type = 'text') => h('input', { id, name, type, required, autocomplete: 'off' });
  return commandForm(
    {
      id: 'evidence',
      title: 'Link evidence',
      path: '/evidence',
      submitLabel: 'Link the evidence',
      fields: [
        field('Title', text('evidence-title', 'title', true)),
        field('Source', text('evidence-source', 'source', true), 'Who or what reported it.'),
        h(
          'div',
          { class: 'field-row' },
          field('Source reliability', select('evidence-reliability', 'reliability', pairs(RELIABILITY_GRADES, (g) => `${g} — ${RELIABILITY_LABELS[g]}`), 'F')),
          field('Information credibility', select('evidence-credibility', 'credibility', pairs(CREDIBILITY_GRADES, (g) => `${g} — ${CREDIBILITY_LABELS[g]}`), '6')),
          field('Bearing on the judgment', select('evidence-bearing', 'bearing', pairs(EVIDENCE_BEARINGS))),
        ),
        field('Link (optional)', text('evidence-url', 'url', false, 'url'), 'http or https'),
        field('Excerpt (optional)', h('textarea', { id: 'evidence-excerpt', name: 'excerpt', rows: 2, maxlength: 2000 })),
      ],
      body: (form) => ({
        title: valueOf(form, 'title'),
        source: valueOf(form, 'source'),
        reliability: valueOf(form, 'reliability'),
        credibility: Number(valueOf(form, 'credibility')),
        bearing: valueOf(form, 'bearing'),
        url: valueOf(form, 'url') || undefined,
        excerpt: valueOf(form, 'excerpt') || undefined,
      }),
    },
    target,
  );
}

function outcomeForm(target: ChangeTarget): HTMLElement {
  const knownAt = h('input', { id: 'outcome-knownAt', name: 'knownAt', type: 'date', required: true, max: new Date().toISOString().slice(0, 10) });
  return commandForm(
    {
      id: 'outcome',
      title: 'Record the outcome',
      path: '/outcome',
      submitLabel: 'Record the outcome',
      fields: [
        h(
          'div',
          { class: 'field-row' },
          field('Outcome', select('outcome-outcome', 'outcome', pairs(OUTCOMES, humanize))),
          field('Known on (UTC)', knownAt, 'When the outcome became known; it resolves the assessment.'),
        ),
      ],
      body: (form) => ({ outcome: valueOf(form, 'outcome'), knownAt: `${valueOf(form, 'knownAt')}T00:00:00Z` }),
    },
    target,
  );
}

function publishForm(target: ChangeTarget): HTMLElement {
  return commandForm(
    {
      id: 'publish',
      title: 'Publish',
      path: '/publish',
      submitLabel: 'Publish this revision',
      fields: [h('p', { class: 'hint' }, 'Four eyes: you may not publish a change you made last.')],
      body: () => ({}),
      rationaleHint: 'What you checked before publishing.',
    },
    target,
  );
}
