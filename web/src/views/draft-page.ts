import { apiCommand } from '../api.js';
import { field, h, replace, selectOptions } from '../dom.js';
import { assessmentHref, navigate } from '../router.js';
import { capabilitiesOf } from '../session.js';
import { CONFIDENCE_LEVELS, LIMITS } from '../vocabulary.js';
import { announceOnAssessmentPage } from './assessment-detail.js';
import { formErrors } from './form-errors.js';
import { markingInput, startOfDayUtc, textInput, todayUtc, valueOf } from './form-controls.js';
import { horizonFields, likelihoodFields, subjectFields } from './judgment-fields.js';
import type { ViewContext } from './view-context.js';

const ID = 'draft';

/**
 * A new assessment. Unlike a change it is made against no revision, so
 * there is no conflict to resolve; its errors show as a change form's do.
 */
export function renderDraftPage({ main, session }: ViewContext): void {
  const backToList = h('p', { class: 'breadcrumb' }, h('a', { href: '#/assessments' }, '← All assessments'));
  const heading = h('h1', { tabindex: -1 }, 'Draft an assessment');
  if (!capabilitiesOf(session.claims).change) {
    replace(main, backToList, heading, h('p', { class: 'panel panel-info' }, 'Drafting takes the analyst role, which your token does not carry.'));
    return;
  }
  replace(main, backToList, heading, draftForm(session.claims.clearance));
}

function draftForm(clearance: string): HTMLFormElement {
  const statement = h('textarea', { id: `${ID}-statement`, name: 'statement', rows: 3, required: true, maxlength: LIMITS.statement });
  const likelihood = likelihoodFields(`${ID}-likelihood`);
  // No level is preselected: the analyst states one rather than keeping a default.
  const confidence = h(
    'select',
    { id: `${ID}-confidence`, name: 'confidence', required: true },
    selectOptions([['', 'Choose a level'], ...CONFIDENCE_LEVELS.map((c): [string, string] => [c, c])], ''),
  );
  const horizon = horizonFields(`${ID}-horizon`);
  const subject = subjectFields(`${ID}-subject`);
  const sourceDocument = textInput(`${ID}-source-document`, 'source.document', false);
  const section = textInput(`${ID}-source-section`, 'source.section', false);
  const classification = markingInput(`${ID}-classification`, false);
  const effectiveAt = h('input', { id: `${ID}-effectiveAt`, name: 'effectiveAt', type: 'date', max: todayUtc() });
  const rationale = h('textarea', { id: `${ID}-rationale`, name: 'rationale', rows: 2, required: true, maxlength: LIMITS.rationale });
  const message = h('div', { class: 'form-message', role: 'alert' });
  const submit = h('button', { type: 'submit', id: `${ID}-submit` }, 'Draft the assessment');

  const form = h(
    'form',
    { class: 'command-form draft-form', id: `${ID}-form`, 'data-command': ID },
    field('Statement (required)', statement, 'The judgment, as it will be read.'),
    h('fieldset', null, h('legend', null, 'Likelihood'), likelihood.element),
    field('Confidence (required)', confidence),
    h('fieldset', null, h('legend', null, 'Time horizon'), horizon.element),
    h('fieldset', null, h('legend', null, 'Subject (optional)'), subject.element),
    h(
      'fieldset',
      null,
      h('legend', null, 'Source (optional)'),
      h('div', { class: 'field-row' }, field('Document', sourceDocument, 'Where the statement was published.'), field('Section', section)),
    ),
    h(
      'div',
      { class: 'field-row' },
      field('Marking (optional)', classification, `In capitals, e.g. RESTRICTED; not above your clearance (${clearance}). Empty for the lowest.`),
      field('Judged on (UTC, optional)', effectiveAt, 'Only to backdate a judgment made earlier; empty for now.'),
    ),
    field('Rationale (required)', rationale, 'Why: it is recorded with the draft and shown in the history.'),
    message,
    h('div', { class: 'actions' }, submit, h('a', { class: 'button secondary', href: '#/assessments' }, 'Cancel')),
  );

  const errors = formErrors(form, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    submit.disabled = true;
    try {
      const result = await apiCommand('/assessments', bodyOf());
      announceOnAssessmentPage(result.assessmentId, `Assessment drafted as revision ${result.revision}.`);
      navigate(assessmentHref(result.assessmentId));
    } catch (error) {
      errors.show(error);
    } finally {
      submit.disabled = false;
    }
  });

  // Optional parts go only when filled, so the service applies its own defaults.
  function bodyOf(): Record<string, unknown> {
    const about = subject.value();
    const source = { document: valueOf(form, 'source.document'), section: valueOf(form, 'source.section') || undefined };
    const judgedOn = valueOf(form, 'effectiveAt');
    return {
      statement: valueOf(form, 'statement'),
      likelihood: likelihood.value(),
      confidence: valueOf(form, 'confidence'),
      horizon: horizon.value(),
      subject: about.actors.length || about.regions.length || about.topics.length ? about : undefined,
      // A section without a document still goes, for the service to say the document is missing.
      source: source.document || source.section ? source : undefined,
      classification: valueOf(form, 'classification') || undefined,
      effectiveAt: judgedOn ? startOfDayUtc(judgedOn) : undefined,
      rationale: valueOf(form, 'rationale'),
    };
  }

  return form;
}
