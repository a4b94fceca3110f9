import type { AssessmentDetail, Evidence } from '../api-types.js';
import { field, h } from '../dom.js';
import { humanize } from '../format.js';
import type { Capabilities, TokenClaims } from '../session.js';
import {
  CHANGE_BASES,
  CONFIDENCE_LEVELS,
  CREDIBILITY_GRADES,
  CREDIBILITY_LABELS,
  EVIDENCE_BEARINGS,
  OUTCOMES,
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
} from '../vocabulary.js';
import { commandForm } from './command-form.js';
import type { ChangeTarget } from './command-form.js';
import { dissentForm, reviseDissentForm, withdrawDissentForm } from './dissent-form.js';
import { markingInput, pairs, select, startOfDayUtc, textInput, todayUtc, valueOf } from './form-controls.js';
import { horizonFields, likelihoodFields, subjectFields } from './judgment-fields.js';
import { retractOutcomeForm, supersedeForm, withdrawForm } from './lifecycle-forms.js';
import { addIndicatorForm, observeIndicatorForm, reviewAssumptionForm, stateAssumptionForm } from './tradecraft-forms.js';

/**
 * The change forms the user's roles allow on this assessment, grouped by
 * what they change. `signedIn` is the user: the author of an assessment is
 * not offered a dissent from it, only a dissent's author may revise or
 * withdraw it, and the marking form names the user's clearance.
 */
export function changeForms(view: AssessmentDetail, can: Capabilities, target: ChangeTarget, signedIn: TokenClaims): HTMLElement | null {
  if (view.status === 'withdrawn' || view.status === 'superseded') {
    return h('p', { class: 'panel panel-info' }, `This assessment is ${view.status}; it takes no further changes.`);
  }
  if (view.status === 'resolved') {
    // Resolved is closed only until the outcome is retracted, which reopens it.
    return h(
      'div',
      { class: 'change-forms' },
      h('p', { class: 'panel panel-info' }, 'This assessment is resolved; it takes no further changes unless its outcome is retracted.'),
      can.change ? retractOutcomeForm(target) : null,
    );
  }
  const groups: HTMLElement[] = [];
  if (can.change) {
    groups.push(
      group('The judgment', [
        rewordForm(view, target),
        likelihoodForm(view, target),
        confidenceForm(view, target),
        horizonForm(view, target),
        subjectForm(view, target),
      ]),
      group('Supporting material', [
        evidenceForm(target),
        view.evidence.items.length ? unlinkEvidenceForm(view.evidence.items, target) : null,
        stateAssumptionForm(target),
        view.assumptions.length ? reviewAssumptionForm(view, target) : null,
        addIndicatorForm(target),
        view.indicators.length ? observeIndicatorForm(view, target) : null,
      ]),
      group('Dissent', dissentOffer(view, target, signedIn.sub)),
      group('Marking', [classificationForm(view, target, signedIn.clearance)]),
    );
  }
  const publishing = can.publish && (view.status === 'draft' || view.hasUnpublishedChanges) ? publishForm(target) : null;
  if (can.change) {
    groups.push(group('Outcome and lifecycle', [outcomeForm(target), publishing, withdrawForm(target), supersedeForm(target)]));
  } else if (publishing) {
    groups.push(group('Publishing', [publishing]));
  }
  if (groups.length === 0) return null;
  return h('div', { class: 'change-forms' }, groups);
}

function group(title: string, forms: (HTMLElement | null)[]): HTMLElement {
  return h('div', { class: 'change-group' }, h('h3', null, title), forms);
}

/**
 * The dissent form, or why there is none: its author cannot dissent, and an
 * analyst holds one dissent at a time, which they may revise or withdraw.
 */
function dissentOffer(view: AssessmentDetail, target: ChangeTarget, signedIn: string): HTMLElement[] {
  if (view.createdBy === signedIn) {
    return [h('p', { class: 'hint', id: 'dissent-unavailable' }, 'You drafted this assessment: dissents come from other analysts.')];
  }
  const own = view.dissents.find((d) => d.author === signedIn);
  if (own) {
    return [
      h('p', { class: 'hint', id: 'dissent-unavailable' }, 'Your dissent stands beside the main line (see Dissents above).'),
      reviseDissentForm(own, target),
      withdrawDissentForm(own, target),
    ];
  }
  return [dissentForm(target)];
}

function rewordForm(view: AssessmentDetail, target: ChangeTarget): HTMLElement {
  const statement = h('textarea', { id: 'reword-statement', name: 'statement', rows: 4, required: true, maxlength: 2000 }, view.statement);
  return commandForm(
    {
      id: 'reword',
      title: 'Reword the statement',
      path: '/statement',
      submitLabel: 'Record the new wording',
      fields: [field('Statement', statement)],
      body: (form) => ({ statement: valueOf(form, 'statement') }),
    },
    target,
  );
}

function likelihoodForm(view: AssessmentDetail, target: ChangeTarget): HTMLElement {
  // Start from what the analyst stated (not the scale the page may be showing it in).
  const stated = view.likelihood.stated ?? view.likelihood;
  const likelihood = likelihoodFields('likelihood', {
    stated: { scale: stated.scale, term: stated.term, probability: view.likelihood.probability.low },
  });
  const basis = select('likelihood-basis', 'basis', pairs(CHANGE_BASES, humanize));
  return commandForm(
    {
      id: 'likelihood',
      title: 'Change the likelihood',
      path: '/likelihood',
      submitLabel: 'Record the new likelihood',
      fields: [likelihood.element, field('Basis', basis)],
      body: (form) => ({ likelihood: likelihood.value(), basis: valueOf(form, 'basis') }),
    },
    target,
  );
}

function confidenceForm(view: AssessmentDetail, target: ChangeTarget): HTMLElement {
  return commandForm(
    {
      id: 'confidence',
      title: 'Change the confidence',
      path: '/confidence',
      submitLabel: 'Record the new confidence',
      fields: [
        h(
          'div',
          { class: 'field-row' },
          field('Confidence', select('confidence-level', 'confidence', pairs(CONFIDENCE_LEVELS), view.confidence)),
          field('Basis', select('confidence-basis', 'basis', pairs(CHANGE_BASES, humanize))),
        ),
      ],
      body: (form) => ({ confidence: valueOf(form, 'confidence'), basis: valueOf(form, 'basis') }),
    },
    target,
  );
}

function horizonForm(view: AssessmentDetail, target: ChangeTarget): HTMLElement {
  const horizon = horizonFields('horizon', view.horizon);
  return commandForm(
    {
      id: 'horizon',
      title: 'Change the time horizon',
      path: '/horizon',
      submitLabel: 'Record the new horizon',
      fields: [horizon.element],
      body: () => ({ horizon: horizon.value() }),
    },
    target,
  );
}

function subjectForm(view: AssessmentDetail, target: ChangeTarget): HTMLElement {
  const subject = subjectFields('subject', view.subject);
  return commandForm(
    {
      id: 'subject',
      title: 'Change the subject',
      path: '/subject',
      submitLabel: 'Record the new subject',
      fields: [subject.element],
      body: () => ({ subject: subject.value() }),
    },
    target,
  );
}

function evidenceForm(target: ChangeTarget): HTMLElement {
  return commandForm(
    {
      id: 'evidence',
      title: 'Link evidence',
      path: '/evidence',
      submitLabel: 'Link the evidence',
      fields: [
        field('Title', textInput('evidence-title', 'title', true)),
        field('Source', textInput('evidence-source', 'source', true), 'Who or what reported it.'),
        h(
          'div',
          { class: 'field-row' },
          field('Source reliability', select('evidence-reliability', 'reliability', pairs(RELIABILITY_GRADES, (g) => `${g} — ${RELIABILITY_LABELS[g]}`), 'F')),
          field('Information credibility', select('evidence-credibility', 'credibility', pairs(CREDIBILITY_GRADES, (g) => `${g} — ${CREDIBILITY_LABELS[g]}`), '6')),
          field('Bearing on the judgment', select('evidence-bearing', 'bearing', pairs(EVIDENCE_BEARINGS))),
        ),
        field('Link (optional)', textInput('evidence-url', 'url', false, 'url'), 'http or https'),
        field('Excerpt (optional)', h('textarea', { id: 'evidence-excerpt', name: 'excerpt', rows: 2, maxlength: 2000 })),
      ],
      body: (form) => ({
        title: valueOf(form, 'title'),
        source: valueOf(form, 'source'),
        reliability: valueOf(form, 'reliability'),
        credibility: Number(valueOf(form, 'credibility')),
        bearing: valueOf(form, 'bearing'),
        url: valueOf(form, 'url') || undefined,
        excerpt: valueOf(form, 'excerpt') || undefined,
      }),
    },
    target,
  );
}

/** Takes one of the linked items off the judgment; only when some are linked. */
function unlinkEvidenceForm(items: readonly Evidence[], target: ChangeTarget): HTMLElement {
  const evidence = select(
    'unlink-evidence-evidenceId',
    'evidenceId',
    items.map((e): [string, string] => [e.evidenceId, `${e.title} (${e.reliability}${e.credibility}, ${e.bearing}; ${e.source})`]),
  );
  return commandForm(
    {
      id: 'unlink-evidence',
      title: 'Unlink evidence',
      path: (form) => `/evidence/${encodeURIComponent(valueOf(form, 'evidenceId'))}/unlink`,
      submitLabel: 'Unlink the evidence',
      fields: [field('Evidence', evidence, 'It no longer bears on the judgment; its linking stays in the history.')],
      body: () => ({}),
      rationaleHint: 'Why it no longer belongs with the judgment (e.g. the source was discredited).',
    },
    target,
  );
}

function classificationForm(view: AssessmentDetail, target: ChangeTarget, clearance: string): HTMLElement {
  return commandForm(
    {
      id: 'classification',
      title: 'Change the marking',
      path: '/classification',
      submitLabel: 'Record the new marking',
      fields: [
        field(
          'Marking',
          markingInput('classification-classification', true, view.classification),
          `In capitals, e.g. RESTRICTED; not above your clearance (${clearance}), or you could no longer read it.`,
        ),
      ],
      body: (form) => ({ classification: valueOf(form, 'classification') }),
      rationaleHint: 'Why the marking changes (e.g. a source now needs protecting).',
    },
    target,
  );
}

function outcomeForm(target: ChangeTarget): HTMLElement {
  const knownAt = h('input', { id: 'outcome-knownAt', name: 'knownAt', type: 'date', required: true, max: todayUtc() });
  return commandForm(
    {
      id: 'outcome',
      title: 'Record the outcome',
      path: '/outcome',
      submitLabel: 'Record the outcome',
      fields: [
        h(
          'div',
          { class: 'field-row' },
          field('Outcome', select('outcome-outcome', 'outcome', pairs(OUTCOMES, humanize))),
          field('Known on (UTC)', knownAt, 'When the outcome became known; it resolves the assessment.'),
        ),
      ],
      body: (form) => ({ outcome: valueOf(form, 'outcome'), knownAt: startOfDayUtc(valueOf(form, 'knownAt')) }),
    },
    target,
  );
}

function publishForm(target: ChangeTarget): HTMLElement {
  return commandForm(
    {
      id: 'publish',
      title: 'Publish',
      path: '/publish',
      submitLabel: 'Publish this revision',
      fields: [h('p', { class: 'hint' }, 'Four eyes: you may not publish a change you made last.')],
      body: () => ({}),
      rationaleHint: 'What you checked before publishing.',
    },
    target,
  );
}
