/**
 * The parts of a judgment that a draft and later changes both state:
 * likelihood, horizon and subject. Each control is named by its API field
 * (`likelihood.term`, `horizon.start`, `subject.actors`) so the service's
 * field errors land beside it; ids start with the caller's prefix.
 */
import type { AssessmentSummary } from '../api-types.js';
import { field, h } from '../dom.js';
import { formatBand, formatDate, humanize } from '../format.js';
import { HORIZON_LENGTHS, HORIZON_TERMS, LIKELIHOOD_SCALES, SCALE_NAMES, SCALE_TERMS } from '../vocabulary.js';
import type { LikelihoodScale } from '../vocabulary.js';
import { commaList, select, startOfDayUtc } from './form-controls.js';

export type LikelihoodBody = { scale: string; term: string } | { probability: number };

export interface LikelihoodFields {
  readonly element: HTMLElement;
  /** The likelihood as the API takes it; undefined when it may be left out and was. */
  value(): LikelihoodBody | undefined;
}

const NUMBER = 'probability';
const NONE = '';

/**
 * Scale, then a term of that scale or a number. `stated` preselects what the
 * analyst stated; `optional` adds a "none" choice (a dissent may differ in
 * confidence alone).
 */
export function likelihoodFields(
  prefix: string,
  options: { stated?: { scale: string | null; term: string | null; probability?: number }; optional?: string } = {},
): LikelihoodFields {
  const { stated, optional } = options;
  const statedScale = stated ? (stated.scale ?? NUMBER) : undefined;
  const scale = select(
    `${prefix}-scale`,
    'likelihood.scale',
    [
      ...(optional ? [[NONE, optional] as [string, string]] : []),
      ...LIKELIHOOD_SCALES.map((s): [string, string] => [s, SCALE_NAMES[s]]),
      [NUMBER, 'A probability (number)'],
    ],
    statedScale,
  );
  scale.required = !optional;
  const term = h('select', { id: `${prefix}-term`, name: 'likelihood.term' });
  const probability = h('input', {
    id: `${prefix}-probability`,
    name: 'likelihood.probability',
    type: 'number',
    min: 0,
    max: 1,
    step: 0.01,
    value: stated?.scale === null ? stated.probability : null,
  });
  const termField = field('Term', term);
  const probabilityField = field('Probability (0 to 1)', probability);
  // The term list follows the scale; a number replaces the term altogether.
  const sync = () => {
    const chosen = scale.value;
    const isNumber = chosen === NUMBER;
    const isTerm = chosen !== NUMBER && chosen !== NONE;
    termField.hidden = !isTerm;
    term.required = isTerm;
    probabilityField.hidden = !isNumber;
    probability.required = isNumber;
    if (isTerm) {
      term.replaceChildren(
        ...SCALE_TERMS[chosen as LikelihoodScale].map(({ term: t, band }) =>
          h('option', { value: t, selected: chosen === stated?.scale && t === stated.term }, `${humanize(t)} (${formatBand(band)})`),
        ),
      );
    }
  };
  scale.addEventListener('change', sync);
  sync();
  return {
    element: h('div', { class: 'field-row' }, field('Scale', scale), termField, probabilityField),
    value() {
      if (scale.value === NONE) return undefined;
      if (scale.value === NUMBER) return { probability: Number(probability.value.trim()) };
      return { scale: scale.value, term: term.value };
    },
  };
}

export type HorizonBody = { term: string; start?: string } | { start: string; end: string };

export interface HorizonFields {
  readonly element: HTMLElement;
  value(): HorizonBody;
}

const BY_TERM = 'term';
const BY_DATES = 'dates';
const TERM_START_HINT = 'Optional: leave empty for the horizon to start when this takes effect.';

/**
 * An NTA term (from a start, or from when the change takes effect), or a
 * start and an end date. `current` preselects the horizon as it stands.
 */
export function horizonFields(prefix: string, current?: AssessmentSummary['horizon']): HorizonFields {
  // Named `horizon`: an error about the horizon as a whole (it would end before it takes effect) lands here.
  const kind = select(
    `${prefix}-kind`,
    'horizon',
    [
      [BY_TERM, 'An NTA term'],
      [BY_DATES, 'A start and an end date'],
    ],
    current && current.term === null ? BY_DATES : BY_TERM,
  );
  const term = select(
    `${prefix}-term`,
    'horizon.term',
    HORIZON_TERMS.map((t): [string, string] => [t, `${humanize(t)} (${HORIZON_LENGTHS[t]})`]),
    current?.term ?? undefined,
  );
  const start = h('input', { id: `${prefix}-start`, name: 'horizon.start', type: 'date', value: current ? formatDate(current.start) : null });
  const end = h('input', { id: `${prefix}-end`, name: 'horizon.end', type: 'date', value: current && current.term === null ? formatDate(current.end) : null });
  const termField = field('Term', term);
  const startField = field('Start (UTC)', start, TERM_START_HINT);
  const endField = field('End (UTC)', end);
  const startHint = startField.querySelector('.hint')!;
  const sync = () => {
    const byTerm = kind.value === BY_TERM;
    termField.hidden = !byTerm;
    term.required = byTerm;
    endField.hidden = byTerm;
    end.required = !byTerm;
    start.required = !byTerm;
    startHint.textContent = byTerm ? TERM_START_HINT : 'Required with an end date.';
  };
  kind.addEventListener('change', sync);
  sync();
  return {
    element: h('div', { class: 'field-row' }, field('Horizon set by', kind), termField, startField, endField),
    value() {
      const from = start.value ? startOfDayUtc(start.value) : undefined;
      if (kind.value === BY_TERM) return from ? { term: term.value, start: from } : { term: term.value };
      return { start: from ?? '', end: end.value ? startOfDayUtc(end.value) : '' };
    },
  };
}

export interface SubjectBody {
  actors: string[];
  regions: string[];
  topics: string[];
}

export interface SubjectFields {
  readonly element: HTMLElement;
  value(): SubjectBody;
}

/** Actors, regions and topics as comma-separated lists, prefilled from `current`. */
export function subjectFields(prefix: string, current?: AssessmentSummary['subject']): SubjectFields {
  const list = (part: keyof SubjectBody) =>
    h('input', { id: `${prefix}-${part}`, name: `subject.${part}`, type: 'text', autocomplete: 'off', value: current ? current[part].join(', ') : '' });
  const actors = list('actors');
  const regions = list('regions');
  const topics = list('topics');
  const hint = 'Separated by commas.';
  return {
    element: h('div', { class: 'field-row' }, field('Actors', actors, hint), field('Regions', regions, hint), field('Topics', topics, hint)),
    value: () => ({ actors: commaList(actors.value), regions: commaList(regions.value), topics: commaList(topics.value) }),
  };
}
