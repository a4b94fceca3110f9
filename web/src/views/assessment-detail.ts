import { apiGet, ApiError } from '../api.js';
import type { AssessmentDetail, History, Timeline } from '../api-types.js';
import { field, h, replace } from '../dom.js';
import { endOfDayUtc } from '../format.js';
import { assessmentHref, href, navigate } from '../router.js';
import { capabilitiesOf, lastWritePosition } from '../session.js';
import type { TokenClaims } from '../session.js';
import { assessmentFacts, outcomePanel } from './assessment-facts.js';
import { statusBadges } from './assessment-list.js';
import { awaitingPublicationPanel, publishedRevisionAwaiting } from './awaiting-publication.js';
import { changeForms } from './change-forms.js';
import type { ChangeTarget } from './command-form.js';
import { historySection } from './history-table.js';
import { statementDiffSection } from './statement-diff.js';
import { timelineSection } from './timeline-chart.js';
import { assumptionsSection, dissentsSection, evidenceSection, indicatorsSection } from './tradecraft-sections.js';
import { asOfInput, scaleSelect } from './view-controls.js';
import type { ViewContext } from './view-context.js';

/** Said once on the page after a change was recorded, then forgotten. */
let flash: { assessmentId: string; text: string } | null = null;

/** Has the assessment's page say `text` the next time it shows (e.g. after drafting it elsewhere). */
export function announceOnAssessmentPage(assessmentId: string, text: string): void {
  flash = { assessmentId, text };
}

/** One assessment: the judgment, how it moved, its wording between revisions, its material, changes and history. */
export async function renderAssessment({ main, route, session, isCurrent }: ViewContext, id: string): Promise<void> {
  const params = route.params;
  const scale = params.get('scale') ?? '';
  const asOf = params.get('asOf') ?? '';
  const can = capabilitiesOf(session.claims);
  const path = `/assessments/${encodeURIComponent(id)}`;

  const detailRequest = apiGet<AssessmentDetail>(path, { scale, asOf: asOf ? endOfDayUtc(asOf) : undefined }).catch((error: unknown) => {
    if (asOf && error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
  // What awaits publication is about now, not a day in the past, and only those who read the history are shown it.
  const publishedRequest =
    can.history && !asOf
      ? detailRequest.then((found) => {
          const revision = found ? publishedRevisionAwaiting(found.body) : null;
          if (revision === null) return null;
          // Without it the panel still lists the changes; the page need not fail for the comparison.
          return apiGet<AssessmentDetail>(path, { scale, revision }).catch(() => null);
        })
      : Promise.resolve(null);
  const [detail, timeline, history, published] = await Promise.all([
    detailRequest,
    apiGet<Timeline>(`${path}/timeline`, { scale, minPosition: lastWritePosition() }),
    can.history ? apiGet<History>(`${path}/history`) : Promise.resolve(null),
    publishedRequest,
  ]);
  if (!isCurrent()) return;
  const backToList = h('p', { class: 'breadcrumb' }, h('a', { href: href('/assessments', { scale, asOf }) }, '← All assessments'));
  if (!detail) {
    replace(
      main,
      backToList,
      h('h1', { tabindex: -1 }, `Not there on ${asOf}`),
      h(
        'p',
        null,
        'On that day this assessment had not been judged yet (or, for readers, not published). ',
        h('a', { href: assessmentHref(id, { scale }) }, 'Show it as it stands now'),
      ),
    );
    return;
  }
  const view = detail.body;
  const message = flash?.assessmentId === id ? flash.text : null;
  flash = null;
  const until = asOf ? endOfDayUtc(asOf) : new Date().toISOString();
  const points = timeline.body.points.filter((p) => p.effectiveAt <= until);

  const target: ChangeTarget = {
    assessmentId: id,
    revision: view.revision,
    canReadHistory: can.history,
    onRecorded: (result, what) => {
      flash = { assessmentId: id, text: `${what}: recorded as revision ${result.revision}.` };
      navigate(location.hash);
    },
    reload: () => navigate(location.hash),
  };

  replace(
    main,
    backToList,
    h('h1', { tabindex: -1, class: 'statement-heading' }, view.statement),
    h('p', { class: 'badges-line' }, statusBadges(view), h('span', { class: 'muted' }, ` Revision ${view.revision}`)),
    message ? h('p', { class: 'panel panel-success', role: 'status', tabindex: -1, 'data-autofocus': true }, message) : null,
    asOf
      ? h(
          'p',
          { class: 'panel panel-info', role: 'status' },
          `As it stood at the end of ${asOf} (UTC), by effective time. `,
          h('a', { href: assessmentHref(id, { scale }) }, 'Back to now'),
        )
      : null,
    asOf ? null : awaitingPublicationPanel(view, history?.body ?? null, published?.body ?? null),
    viewControls(id, scale, asOf),
    // Side by side on wide screens: the judgment now, and how it got there.
    h('div', { class: 'overview' }, h('div', null, assessmentFacts(view), outcomePanel(view)), timelineSection(points, until)),
    statementDiffSection(id, readableRevisions(history?.body ?? null, timeline.body), history?.body ?? null),
    dissentsSection(view),
    evidenceSection(view),
    assumptionsSection(view),
    indicatorsSection(view),
    changesSection(view, can, target, asOf, session.claims),
    historySection(history?.body ?? null),
  );
}

/** Revisions the user may read: every one with the history; otherwise the timeline's (only published ones for a reader). */
function readableRevisions(history: History | null, timeline: Timeline): number[] {
  const revisions = history ? history.events.map((e) => e.revision) : timeline.points.map((p) => p.revision);
  return [...new Set(revisions)].sort((a, b) => a - b);
}

function viewControls(id: string, scale: string, asOf: string): HTMLFormElement {
  const form = h(
    'form',
    { class: 'toolbar', 'aria-label': 'View options' },
    field('Show likelihood in', scaleSelect('detail-scale', scale)),
    field('As of (end of day, UTC)', asOfInput('detail-asOf', asOf)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'detail-apply' }, 'Show')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    navigate(assessmentHref(id, { scale: String(data.get('scale') ?? ''), asOf: String(data.get('asOf') ?? '') }));
  });
  return form;
}

function changesSection(
  view: AssessmentDetail,
  can: ReturnType<typeof capabilitiesOf>,
  target: ChangeTarget,
  asOf: string,
  signedIn: TokenClaims,
): HTMLElement | null {
  if (!can.change && !can.publish) return null;
  const heading = h('h2', { id: 'changes-heading' }, 'Change this assessment');
  if (asOf) {
    return h(
      'section',
      { 'aria-labelledby': 'changes-heading' },
      heading,
      h('p', null, 'Changes are made to the current revision. ', h('a', { href: assessmentHref(view.assessmentId) }, 'Go back to now'), ' to make one.'),
    );
  }
  const forms = changeForms(view, can, target, signedIn);
  return forms ? h('section', { 'aria-labelledby': 'changes-heading' }, heading, forms) : null;
}
