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
  const likelihood = likelihoodFields('dissent-likelihood', { optional: 'None: I differ on confidence only' });
  const confidence = h(
    'select',
    { id: 'dissent-confidence', name: 'confidence' },
    selectOptions([['', 'None: I differ on likelihood only'], ...CONFIDENCE_LEVELS.map((c): [string, string] => [c, c])], ''),
  );
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
