import { apiCommand, apiGet, ApiError } from '../api.js';
import type { CommandResult, History } from '../api-types.js';
import { field, h, replace } from '../dom.js';
import { eventLabel, formatDateTime } from '../format.js';
import { describeChange } from './change-summary.js';
import { formErrors } from './form-errors.js';

/** The assessment a change is made to, as the page shows it. */
export interface ChangeTarget {
  readonly assessmentId: string;
  /** The revision on the page: sent as `expectedRevision`. */
  readonly revision: number;
  /** Whether the user may read the history, to say what changed in a conflict. */
  readonly canReadHistory: boolean;
  /** Called after a change was recorded; the page reloads. */
  onRecorded(result: CommandResult, what: string): void;
  /** Shows the assessment as it now stands, dropping whatever the forms held. */
  reload(): void;
}

export interface CommandFormSpec {
  /** Stable prefix of the form's ids. */
  readonly id: string;
  readonly title: string;
  /**
   * The API path after `/assessments/<id>` (e.g. `/statement`); a function of
   * the form when it names an item the form picks (e.g. which assumption to review).
   */
  readonly path: string | ((form: HTMLFormElement) => string);
  readonly submitLabel: string;
  /** The fields besides the rationale; each control is named by its API field (e.g. `likelihood.term`). */
  readonly fields: readonly HTMLElement[];
  /** The request body from the form, without rationale and expectedRevision. */
  body(form: HTMLFormElement): Record<string, unknown>;
  readonly rationaleHint?: string;
}

/**
 * A change form. Every change needs a rationale and is made against the
 * revision on the page. When someone else changed the assessment meanwhile
 * (409), the form says what they changed and offers to send the same change
 * again against the new revision; field errors (400) go next to their
 * fields, rule violations (422) above the buttons.
 */
export function commandForm(spec: CommandFormSpec, target: ChangeTarget): HTMLElement {
  let expectedRevision = target.revision;
  const rationale = h('textarea', { id: `${spec.id}-rationale`, name: 'rationale', rows: 2, required: true, maxlength: 4000 });
  const against = h('p', { class: 'hint' }, `Made against revision ${expectedRevision}.`);
  const message = h('div', { class: 'form-message', role: 'alert' });
  const conflict = h('div', { class: 'conflict', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', id: `${spec.id}-submit` }, spec.submitLabel);
  const form = h(
    'form',
    { class: 'command-form', id: `${spec.id}-form`, 'data-command': spec.id },
    spec.fields,
    field('Rationale (required)', rationale, spec.rationaleHint ?? 'Why: it is recorded with the change and shown in the history.'),
    against,
    conflict,
    message,
    h('div', { class: 'actions' }, submit),
  );

  const errors = formErrors(form, message);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    replace(conflict);
    submit.hidden = false;
    submit.disabled = true;
    try {
      const body = { ...spec.body(form), rationale: rationale.value.trim(), expectedRevision };
      const path = typeof spec.path === 'function' ? spec.path(form) : spec.path;
      const result = await apiCommand(`/assessments/${encodeURIComponent(target.assessmentId)}${path}`, body);
      target.onRecorded(result, spec.title);
    } catch (error) {
      if (error instanceof ApiError && error.isConflict && typeof error.body.currentRevision === 'number') {
        await showConflict(error.body.currentRevision);
      } else {
        errors.show(error);
      }
    } finally {
      submit.disabled = false;
    }
  });

  async function showConflict(currentRevision: number): Promise<void> {
    const had = expectedRevision;
    let changes: HTMLElement | null = null;
    if (target.canReadHistory) {
      try {
        const { body } = await apiGet<History>(`/assessments/${encodeURIComponent(target.assessmentId)}/history`);
        const newer = body.events.filter((entry) => entry.revision > had);
        changes = h(
          'ol',
          { class: 'conflict-changes' },
          newer.map((entry) =>
            h(
              'li',
              null,
              h('strong', null, `Revision ${entry.revision}: ${eventLabel(entry.type)}`),
              ` by ${entry.actor}, ${formatDateTime(entry.recordedAt)}. `,
              describeChange(entry),
              entry.rationale ? h('div', { class: 'muted' }, `Rationale: ${entry.rationale}`) : null,
            ),
          ),
        );
      } catch {
        changes = h('p', null, 'The history could not be loaded.');
      }
    }
    const retry = h('button', { type: 'button', id: `${spec.id}-retry` }, `Apply my change to revision ${currentRevision}`);
    retry.addEventListener('click', () => {
      expectedRevision = currentRevision;
      against.textContent = `Made against revision ${expectedRevision}.`;
      form.requestSubmit();
    });
    const reload = h('button', { type: 'button', class: 'secondary' }, 'Discard my change and reload');
    reload.addEventListener('click', () => target.reload());
    replace(
      conflict,
      h(
        'div',
        { class: 'panel panel-warning', role: 'alert', 'data-conflict': 'true' },
        h('h4', null, 'Someone changed this assessment meanwhile'),
        h('p', null, `You were working on revision ${had}; it is now at revision ${currentRevision}. Nothing of yours was recorded.`),
        changes,
        h('p', null, 'Check that your change still makes sense, then apply it to the new revision.'),
        h('div', { class: 'actions' }, retry, reload),
      ),
    );
    // Until the user decides, the only ways on are the two buttons in the panel.
    submit.hidden = true;
    retry.focus();
  }

  return h(
    'details',
    { class: 'change', id: `${spec.id}-section` },
    h('summary', null, spec.title),
    form,
  );
}
