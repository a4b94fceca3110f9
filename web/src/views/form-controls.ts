import { h, selectOptions } from '../dom.js';

/** The trimmed value of the form's control named `name` (its API field), or '' when there is none. */
export function valueOf(form: HTMLFormElement, name: string): string {
  const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  return control ? control.value.trim() : '';
}

/** [value, label] pairs for `select`, labelled by `label`. */
export function pairs(values: readonly (string | number)[], label: (v: string) => string = (v) => v): [string, string][] {
  return values.map((v) => [String(v), label(String(v))]);
}

/** A required select of [value, label] options. */
export function select(id: string, name: string, options: [string, string][], selected?: string): HTMLSelectElement {
  return h('select', { id, name, required: true }, selectOptions(options, selected));
}

export function textInput(id: string, name: string, required: boolean, type = 'text'): HTMLInputElement {
  return h('input', { id, name, type, required, autocomplete: 'off' });
}

/**
 * A marking typed in capitals (e.g. RESTRICTED). The pattern is the API's, so
 * a lower-case slip is caught before sending; whether the marking exists and
 * lies within the user's clearance only the service knows.
 */
export function markingInput(id: string, required: boolean, value = ''): HTMLInputElement {
  const input = textInput(id, 'classification', required);
  input.pattern = '[A-Z][A-Z0-9 _\\-]{0,39}';
  input.value = value;
  return input;
}

/** A checkbox with its label beside it; inside `.field`, so an error for it lands there. */
export function checkboxField(label: string, control: HTMLInputElement, hint?: string): HTMLDivElement {
  const hintId = hint ? `${control.id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'field field-check' },
    h('div', { class: 'check' }, control, h('label', { for: control.id }, label)),
    hint ? h('small', { id: hintId!, class: 'hint' }, hint) : null,
  );
}

/** "Russia, Belarus ," → ["Russia", "Belarus"]. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A picked day (`<input type=date>`) as the ISO instant of its start in UTC, the zone the page shows times in. */
export function startOfDayUtc(day: string): string {
  return `${day}T00:00:00Z`;
}

/** Today in UTC, for the `max` of a date input that may not lie in the future. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
