import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { onUnauthorized } from './api.js';
import { h, replace } from './dom.js';
import { href, navigate, parseRoute } from './router.js';
import type { Route } from './router.js';
import { capabilitiesOf, clearSession, describeCapabilities, loadSession } from './session.js';
import type { Session } from './session.js';
import type { ViewContext } from './views/view-context.js';
import { renderAssessment } from './views/assessment-detail.js';
import { renderAssessmentList } from './views/assessment-list.js';
import { renderCalibration } from './views/calibration.js';
import { renderDraftPage } from './views/draft-page.js';
import { errorPanel } from './views/error-panel.js';
import { renderSignIn } from './views/sign-in.js';

const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;
const sessionArea = document.getElementById('session')!;
const RETURN_KEY = 'assessment-ledger.return-to';

let renders = 0;

async function render(): Promise<void> {
  const route = parseRoute(location.hash);
  const session = loadSession();
  drawHeader(route, session);
  if (!session && route.name !== 'sign-in') {
    sessionStorage.setItem(RETURN_KEY, location.hash);
    navigate('#/sign-in');
    return;
  }
  const ticket = ++renders;
  const isCurrent = () => ticket === renders;
  // Keep focus on the control the user was using when the same view redraws
  // (a filter, the scale); otherwise start at the page heading.
  const focusedId = document.activeElement instanceof HTMLElement && main.contains(document.activeElement) ? document.activeElement.id : '';
  replace(main, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  try {
    if (route.name === 'sign-in') {
      renderSignIn(main, route.params, () => {
        // Back to the page that asked for a sign-in, if any.
        const back = sessionStorage.getItem(RETURN_KEY);
        sessionStorage.removeItem(RETURN_KEY);
        navigate(back && !back.startsWith('#/sign-in') ? back : '#/assessments');
      });
    } else {
      const context: ViewContext = { main, route, session: session!, isCurrent };
      if (route.name === 'list') await renderAssessmentList(context);
      else if (route.name === 'assessment') await renderAssessment(context, route.id);
      else if (route.name === 'draft') renderDraftPage(context);
      else if (route.name === 'calibration') await renderCalibration(context);
      else replace(main, h('h1', { tabindex: -1 }, 'Page not found'), h('p', null, h('a', { href: '#/assessments' }, 'Go to the assessments')));
    }
  } catch (error) {
    if (isCurrent()) replace(main, errorPanel(error));
  }
  if (!isCurrent()) return;
  // A fresh page load leaves focus where the browser puts it (the skip link comes first);
  // after that, each new view moves focus so keyboard and screen-reader users start at it.
  if (ticket === 1) return;
  const requested = main.querySelector<HTMLElement>('[data-autofocus]');
  const again = focusedId ? document.getElementById(focusedId) : null;
  for (const candidate of [requested, again && main.contains(again) ? again : null, main.querySelector<HTMLElement>('h1'), main]) {
    if (!candidate) continue;
    candidate.focus();
    // A control inside a closed <details> cannot take focus; fall through to the next.
    if (document.activeElement === candidate) break;
  }
}

function drawHeader(route: Route, session: Session | null): void {
  const link = (to: string, label: string, active: boolean) =>
    h('a', { href: to, 'aria-current': active ? 'page' : null }, label);
  if (!session) {
    replace(nav);
    replace(sessionArea);
    return;
  }
  const can = capabilitiesOf(session.claims);
  replace(
    nav,
    h(
      'ul',
      null,
      h('li', null, link('#/assessments', 'Assessments', route.name === 'list' || route.name === 'assessment' || route.name === 'draft')),
      can.calibration ? h('li', null, link('#/calibration', 'Calibration', route.name === 'calibration')) : null,
    ),
  );
  replace(
    sessionArea,
    h(
      'details',
      { class: 'who' },
      h(
        'summary',
        null,
        h('span', { class: 'who-name' }, session.claims.sub),
        ' · ',
        session.claims.roles.join(', '),
        ' · ',
        h('span', { class: 'badge badge-clearance' }, session.claims.clearance),
      ),
      h(
        'div',
        { class: 'who-panel' },
        h('p', null, `Cleared to ${session.claims.clearance}. With this token you may:`),
        h('ul', null, describeCapabilities(session.claims).map((line) => h('li', null, line))),
        session.claims.exp ? h('p', { class: 'hint' }, `Token expires ${new Date(session.claims.exp * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC.`) : null,
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => {
          clearSession();
          navigate('#/sign-in');
        },
      },
      'Sign out',
    ),
  );
}

onUnauthorized((message) => {
  clearSession();
  sessionStorage.setItem(RETURN_KEY, location.hash);
  navigate(href('/sign-in', { reason: message }));
});

// The skip link targets #main, which the hash router would otherwise read as a route.
document.querySelector('[data-skip-link]')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', () => void render());
void render();
