/** Forms that close an assessment (withdrawing, superseding) or reopen a resolved one (retracting its outcome). */
import { field, h } from '../dom.js';
import { commandForm } from './command-form.js';
import type { ChangeTarget } from './command-form.js';
import { textInput, valueOf } from './form-controls.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export function withdrawForm(target: ChangeTarget): HTMLElement {
  return commandForm(
    {
      id: 'withdraw',
      title: 'Withdraw the assessment',
      path: '/withdraw',
      submitLabel: 'Withdraw it',
      fields: [h('p', { class: 'hint' }, 'Withdrawing closes the assessment: it stays in the ledger with its history, and takes no further changes.')],
      body: () => ({}),
      rationaleHint: 'Why the judgment no longer stands.',
    },
    target,
  );
}

export function supersedeForm(target: ChangeTarget): HTMLElement {
  const replacement = textInput('supersede-supersededBy', 'supersededBy', true);
  return commandForm(
    {
      id: 'supersede',
      title: 'Supersede by another assessment',
      path: '/supersede',
      submitLabel: 'Supersede it',
      fields: [
        field(
          'The assessment that replaces this one',
          replacement,
          'Its id, or the address of its page. It must be open, and not this one. Superseding closes this assessment.',
        ),
      ],
      // An address pasted whole is cut to the id in it; anything else goes as typed, for the service to say what is wrong.
      body: (form) => {
        const typed = valueOf(form, 'supersededBy');
        return { supersededBy: typed.match(UUID)?.[0] ?? typed };
      },
      rationaleHint: 'Why the other assessment replaces this one.',
    },
    target,
  );
}

/** For a resolved assessment: retracting the outcome reopens it; the outcome stays in the history. */
export function retractOutcomeForm(target: ChangeTarget): HTMLElement {
  return commandForm(
    {
      id: 'retract-outcome',
      title: 'Retract the outcome',
      path: '/outcome/retract',
      submitLabel: 'Retract the outcome',
      fields: [h('p', { class: 'hint' }, 'The assessment reopens and is no longer scored; the outcome stays in its history.')],
      body: () => ({}),
      rationaleHint: 'Why the recorded outcome does not stand (e.g. it was recorded in error).',
    },
    target,
  );
}
