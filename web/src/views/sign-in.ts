import { apiGet, ApiError } from '../api.js';
import { field, h, replace } from '../dom.js';
import { decodeClaims, describeCapabilities, saveSession } from '../session.js';

const MINT_COMMAND = 'npm run -s token -- --sub alice --roles analyst,reviewer,auditor --clearance SECRET';

/** Paste a bearer token; it is checked against the service before it is kept. */
export function renderSignIn(main: HTMLElement, params: URLSearchParams, done: () => void): void {
  const token = h('textarea', {
    id: 'sign-in-token',
    name: 'token',
    rows: 5,
    required: true,
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
  });
  const message = h('div', { class: 'form-message', role: 'alert' });
  const preview = h('div', { 'aria-live': 'polite' });
  token.addEventListener('input', () => {
    try {
      const claims = decodeClaims(token.value.trim());
      replace(
        preview,
        h('p', null, `Token for ${claims.sub}: ${claims.roles.join(', ')}, cleared to ${claims.clearance}. It lets you:`),
        h('ul', null, describeCapabilities(claims).map((line) => h('li', null, line))),
      );
    } catch {
      replace(preview);
    }
  });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h(
    'form',
    { class: 'panel sign-in', novalidate: true },
    field('Bearer token', token, 'Paste the token your identity provider issued, or one minted for development.'),
    preview,
    message,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(message);
    const value = token.value.trim();
    try {
      decodeClaims(value);
    } catch (error) {
      replace(message, (error as Error).message);
      token.setAttribute('aria-invalid', 'true');
      token.focus();
      return;
    }
    submit.disabled = true;
    try {
      // Any role may list assessments: a cheap check that the service accepts this token.
      await apiGet('/assessments', { limit: 1 }, value);
      saveSession(value);
      done();
    } catch (error) {
      replace(message, error instanceof ApiError ? `The service refused the token: ${error.body.message}` : 'The service could not be reached.');
      token.setAttribute('aria-invalid', 'true');
      token.focus();
    } finally {
      submit.disabled = false;
    }
  });
  const reason = params.get('reason');
  replace(
    main,
    h('h1', { tabindex: -1 }, 'Sign in'),
    reason ? h('p', { class: 'panel panel-warning', role: 'status' }, `You were signed out: ${reason}`) : null,
    h(
      'p',
      null,
      'Every call this page makes carries your token; the service decides what you see. The token is kept in this tab only (session storage).',
    ),
    form,
    h(
      'details',
      { class: 'hint-box' },
      h('summary', null, 'Development: mint a token'),
      h('p', null, 'With the service’s secret in place (JWT_SECRET, or the development secret in DATA_DIR), run in the project directory:'),
      h('pre', null, h('code', null, MINT_COMMAND)),
    ),
  );
}
