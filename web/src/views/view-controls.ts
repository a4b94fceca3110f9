import { h, selectOptions } from '../dom.js';
import { LIKELIHOOD_SCALES, SCALE_NAMES } from '../vocabulary.js';

/** Which scale to show likelihoods in; empty keeps each as it was stated. */
export function scaleSelect(id: string, selected: string | undefined): HTMLSelectElement {
  return h(
    'select',
    { id, name: 'scale' },
    selectOptions([['', 'As stated'], ...LIKELIHOOD_SCALES.map((s): [string, string] => [s, SCALE_NAMES[s]])], selected ?? ''),
  );
}

/** A day; the views read it as the end of that day in UTC. */
export function asOfInput(id: string, value: string | undefined): HTMLInputElement {
  return h('input', { id, name: 'asOf', type: 'date', value: value ?? '', max: new Date().toISOString().slice(0, 10) });
}
