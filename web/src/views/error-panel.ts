import { ApiError } from '../api.js';
import { h } from '../dom.js';

/** A failed load, said plainly: what the service answered, or that it could not be reached. */
export function errorPanel(error: unknown): HTMLElement {
  let title = 'Something went wrong';
  let detail = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError) {
    if (error.status === 404) title = 'Not found (or above your clearance)';
    else if (error.status === 403) title = 'Your roles do not allow this';
    else title = `The service answered ${error.status}`;
    detail = error.body.code ? `${error.body.code}: ${error.body.message}` : error.body.message;
  } else if (error instanceof TypeError) {
    title = 'The service could not be reached';
  }
  return h(
    'div',
    { class: 'panel panel-error', role: 'alert' },
    h('h1', { tabindex: -1 }, title),
    h('p', null, detail),
    h('p', null, h('a', { href: '#/assessments' }, 'Back to the assessments')),
  );
}
