import { ApiError } from '../api.js';
import { h, replace } from '../dom.js';

export interface FormErrors {
  /** Removes every error shown, beside the fields and above the buttons. */
  clear(): void;
  /**
   * Shows why a request failed: field errors (400) next to their fields,
   * a rule broken about one field (422 with `field`) next to it, anything
   * else in `message`.
   */
  show(error: unknown): void;
}

/** Error display for a form whose controls are named by their API fields (e.g. `likelihood.term`). */
export function formErrors(form: HTMLFormElement, message: HTMLElement): FormErrors {
  const named = (name: string) => form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);

  // The API names the exact part that failed (`subject.actors[1]`, or the whole
  // `horizon`); the form may hold one control for several parts, or several for one.
  const controlFor = (field: string): HTMLElement | null => {
    let path = field;
    while (path) {
      const control = named(path);
      if (control) return control;
      const parent = path.replace(/(\[\d+\]|\.[^.[]*|^[^.[]*)$/, '');
      if (parent === path) break;
      path = parent;
    }
    return form.querySelector<HTMLElement>(`[name^="${CSS.escape(field)}."]`);
  };

  function showFieldErrors(errors: readonly { field: string; message: string }[]): void {
    const unplaced: string[] = [];
    for (const { field: name, message: text } of errors) {
      const control = controlFor(name);
      if (!control) {
        unplaced.push(`${name}: ${text}`);
        continue;
      }
      const errorId = `${control.id}-error`;
      const shown = document.getElementById(errorId);
      // Two errors can land on one control (two items of one list): one message holds both.
      if (shown) {
        shown.textContent = `${shown.textContent}; ${text}`;
        continue;
      }
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '));
      control.closest('.field')?.append(h('p', { class: 'field-error', id: errorId }, text));
    }
    if (unplaced.length) replace(message, unplaced.join('; '));
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  const clearControl = (control: Element) => {
    document.getElementById(`${control.id}-error`)?.remove();
    control.removeAttribute('aria-invalid');
    const describedBy = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => !id.endsWith('-error'));
    if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
    else control.removeAttribute('aria-describedby');
  };
  // An error answered the value sent; once the user edits that field it no longer applies. (A later submit
  // the browser's own checks block never reaches the service, so nothing else would take it away.)
  const onEdit = (event: Event) => {
    if (event.target instanceof Element && event.target.hasAttribute('aria-invalid')) clearControl(event.target);
  };
  form.addEventListener('input', onEdit);
  form.addEventListener('change', onEdit);

  return {
    clear() {
      replace(message);
      for (const error of form.querySelectorAll('.field-error')) error.remove();
      for (const control of form.querySelectorAll('[aria-invalid]')) clearControl(control);
    },
    show(error) {
      if (error instanceof ApiError && error.status === 400 && error.body.errors?.length) {
        showFieldErrors(error.body.errors);
      } else if (error instanceof ApiError && error.status === 422 && error.body.field) {
        showFieldErrors([{ field: error.body.field, message: `${error.body.code}: ${error.body.message}` }]);
      } else if (error instanceof ApiError) {
        replace(message, error.body.code ? `${error.body.code}: ${error.body.message}` : error.body.message);
      } else {
        replace(message, 'The service could not be reached; nothing was recorded.');
      }
    },
  };
}
