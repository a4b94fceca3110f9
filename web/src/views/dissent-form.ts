import type { Dissent } from '../api-types.js';
import { field, h, selectOptions } from '../dom.js';
import { CONFIDENCE_LEVELS } from '../vocabulary.js';
import { commandForm } from './command-form.js';
import type { ChangeTarget } from './command-form.js';
import { valueOf } from './form-controls.js';
import { likelihoodFields } from './judgment-fields.js';

/**
 * A dissent beside the main line: the analyst's own likelihood, confidence,
 * or both. The service refuses one by the assessment's author (422), which
 * the form shows like any other rule.
 */
export function dissentForm(target: ChangeTarget): HTMLElement {
  const likelihood = likelihoodFields('dissent-likelihood', { optional: NO_LIKELIHOOD });
  const confidence = confidenceSelect('dissent-confidence');
  return commandForm(
    {
      id: 'dissent',
      title: 'Record a dissent',
      path: '/dissents',
      submitLabel: 'Record my dissent',
      fields: [
        h('p', { class: 'hint' }, 'Your dissent stands beside the main line under your name. Give a likelihood, a confidence, or both.'),
        likelihood.element,
        field('Confidence', confidence),
      ],
      body: (form) => {
        const level = valueOf(form, 'confidence');
        return { likelihood: likelihood.value(), confidence: level || undefined };
      },
      rationaleHint: 'Why you judge it differently: recorded with your dissent and shown beside the main line.',
    },
    target,
  );
}

const NO_LIKELIHOOD = 'None: I differ on confidence only';

function confidenceSelect(id: string, selected = ''): HTMLSelectElement {
  return h(
    'select',
    { id, name: 'confidence' },
    selectOptions([['', 'None: I differ on likelihood only'], ...CONFIDENCE_LEVELS.map((c): [string, string] => [c, c])], selected),
  );
}

/**
 * A new position for the user's own standing dissent, starting from the one
 * it holds. Revising replaces the whole position, so the form sends what it
 * does not show (the evidence the dissent cites) unchanged.
 */
export function reviseDissentForm(dissent: Dissent, target: ChangeTarget): HTMLElement {
  // Start from what the analyst stated (not the scale the page may be showing it in);
  // a dissent on confidence alone starts at the "none" choice, whose value is empty.
  const held = dissent.likelihood;
  const stated = held ? (held.stated ?? held) : { scale: '', term: null };
  const likelihood = likelihoodFields('revise-dissent-likelihood', {
    optional: NO_LIKELIHOOD,
    stated: { scale: stated.scale, term: stated.term, probability: held?.probability.low },
  });
  const confidence = confidenceSelect('revise-dissent-confidence', dissent.confidence ?? '');
  return commandForm(
    {
      id: 'revise-dissent',
      title: 'Revise my dissent',
      path: `/dissents/${encodeURIComponent(dissent.dissentId)}/revise`,
      submitLabel: 'Record my revised dissent',
      fields: [
        h('p', { class: 'hint' }, 'Your revised position replaces the one beside the main line. Give a likelihood, a confidence, or both.'),
        likelihood.element,
        field('Confidence', confidence),
      ],
      body: (form) => {
        const level = valueOf(form, 'confidence');
        // An explicit null: the revised dissent drops the likelihood it held, and differs on confidence alone.
        return { likelihood: likelihood.value() ?? null, confidence: level || undefined, evidenceIds: dissent.evidenceIds };
      },
      rationaleHint: 'Why you now judge it so: it replaces the reasoning shown with your dissent.',
    },
    target,
  );
}

/** The user's own standing dissent withdrawn: it leaves the page, and stays in the history. */
export function withdrawDissentForm(dissent: Dissent, target: ChangeTarget): HTMLElement {
  return commandForm(
    {
      id: 'withdraw-dissent',
      title: 'Withdraw my dissent',
      path: `/dissents/${encodeURIComponent(dissent.dissentId)}/withdraw`,
      submitLabel: 'Withdraw my dissent',
      fields: [h('p', { class: 'hint' }, 'Your dissent no longer stands beside the main line; it stays in the history, and you may record a new one later.')],
      body: () => ({}),
      rationaleHint: 'Why your dissent no longer stands.',
    },
    target,
  );
}
