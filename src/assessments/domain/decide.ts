import type { AssessmentCommand, CommandContext } from './assessment-commands.js';
import type { AssessmentEvent } from './assessment-events.js';
import type { AssessmentState } from './assessment-state.js';
import {
  CHANGE_BASES,
  CLOSED_STATUSES,
  CONFIDENCE_LEVELS,
  DEFAULT_CLASSIFICATIONS,
  LIMITS,
  SourceReference,
  Subject,
} from './assessment-values.js';
import {
  AssessmentAlreadyExistsError,
  AssessmentClosedError,
  AssessmentNotFoundError,
  BusinessRuleError,
  DomainValidationError,
} from './domain-errors.js';
import { decideDissent, DISSENT_COMMANDS } from './decide-dissent.js';
import { decideTradecraft, TRADECRAFT_COMMANDS } from './decide-tradecraft.js';
import { horizonFrom, parseInstant, sameHorizon } from './horizons.js';
import { oneOf, text } from './input-validation.js';
import { likelihoodFrom, sameLikelihood } from './likelihood.js';

/**
 * Decides what a command means for an assessment: the events to append, or a
 * domain error. Pure: the clock, the actor and the effective time come in
 * through the context.
 */
export function decide(command: AssessmentCommand, state: AssessmentState | null, ctx: CommandContext): AssessmentEvent[] {
  if (command.type === 'DraftAssessment') {
    if (state !== null) throw new AssessmentAlreadyExistsError(state.assessmentId);
    checkEffectiveAt(ctx, null);
    return [draft(command.data, ctx)];
  }
  if (state === null) throw new AssessmentNotFoundError('(unknown)');
  if (command.type === 'RetractOutcome') {
    if (state.outcome === null) throw new BusinessRuleError('no-outcome', 'the assessment has no outcome to retract');
    checkEffectiveAt(ctx, state);
    // Nothing is erased: the retraction is one more event, and the outcome stays in the history.
    return [{ type: 'OutcomeRetracted', data: { rationale: text(command.data.rationale, 'rationale', LIMITS.rationale) } }];
  }
  if (CLOSED_STATUSES.has(state.status)) throw new AssessmentClosedError(state.assessmentId, state.status);
  checkEffectiveAt(ctx, state);
  const d = command.data;
  const rationale = text(d.rationale, 'rationale', LIMITS.rationale);
  if (TRADECRAFT_COMMANDS.has(command.type)) {
    return decideTradecraft(command as Parameters<typeof decideTradecraft>[0], state, ctx, rationale);
  }
  if (DISSENT_COMMANDS.has(command.type)) {
    return decideDissent(command as Parameters<typeof decideDissent>[0], state, ctx, rationale);
  }

  switch (command.type) {
    case 'RewordStatement': {
      const statement = text(command.data.statement, 'statement', LIMITS.statement);
      if (statement === state.statement) unchanged('statement', 'the statement already reads so');
      return [{ type: 'StatementReworded', data: { from: state.statement, statement, rationale } }];
    }
    case 'ChangeLikelihood': {
      const to = likelihoodFrom(command.data.likelihood);
      const basis = oneOf(command.data.basis, CHANGE_BASES, 'basis');
      if (sameLikelihood(to, state.likelihood)) unchanged('likelihood', 'the likelihood is already that');
      return [{ type: 'LikelihoodChanged', data: { from: state.likelihood, to, basis, rationale } }];
    }
    case 'ChangeConfidence': {
      const to = oneOf(command.data.confidence, CONFIDENCE_LEVELS, 'confidence');
      const basis = oneOf(command.data.basis, CHANGE_BASES, 'basis');
      if (to === state.confidence) unchanged('confidence', 'the confidence is already that');
      return [{ type: 'ConfidenceChanged', data: { from: state.confidence, to, basis, rationale } }];
    }
    case 'ChangeHorizon': {
      // A term alone starts at the change's effective time, as in a draft (DESIGN.md: "default: effectiveAt").
      const to = horizonFrom(command.data.horizon, ctx.effectiveAt);
      if (sameHorizon(to, state.horizon)) unchanged('horizon', 'the horizon is already that');
      // A start and end given by hand that are over already: a past horizon is set with a backdated effectiveAt.
      if (Date.parse(to.end) <= Date.parse(ctx.effectiveAt)) {
        throw new BusinessRuleError(
          'horizon-already-ended',
          `the horizon would end (${to.end}) before this change takes effect (${ctx.effectiveAt}): give a later end, or a backdated effectiveAt`,
          'horizon',
        );
      }
      return [{ type: 'HorizonChanged', data: { from: state.horizon, to, rationale } }];
    }
    case 'ChangeSubject': {
      const subject = subjectFrom(command.data.subject);
      if (sameSubject(subject, state.subject)) unchanged('subject', 'the subject is already that');
      return [{ type: 'SubjectChanged', data: { ...subject, rationale } }];
    }
    case 'PublishAssessment': {
      if (!state.hasUnpublishedChanges) {
        throw new BusinessRuleError('nothing-to-publish', 'the assessment has no changes since it was last published');
      }
      if (ctx.actor === state.lastAuthor) {
        // Four eyes, as DESIGN.md states it: whoever made the last change of substance may not approve it;
        // each earlier change was seen by the author of the next one. Changes of no substance (evidence,
        // assumptions, dissents, ...) do not make their author the one who may not publish.
        throw new BusinessRuleError(
          'four-eyes',
          `${ctx.actor} made the last change of substance (wording, likelihood, confidence, horizon or subject) and may not publish it; another reviewer must`,
        );
      }
      return [{ type: 'AssessmentPublished', data: { reviewer: ctx.actor, rationale } }];
    }
    case 'WithdrawAssessment':
      return [{ type: 'AssessmentWithdrawn', data: { rationale } }];
    case 'ChangeClassification': {
      const to = oneOf(command.data.classification, ctx.classifications ?? DEFAULT_CLASSIFICATIONS, 'classification');
      if (to === state.classification) unchanged('classification', `the assessment is already marked ${to}`);
      return [{ type: 'ClassificationChanged', data: { from: state.classification, to, rationale } }];
    }
    case 'SupersedeAssessment': {
      const supersededBy = text(command.data.supersededBy, 'supersededBy', 100);
      if (supersededBy === state.assessmentId) {
        throw new BusinessRuleError('supersede-self', 'an assessment cannot supersede itself', 'supersededBy');
      }
      return [{ type: 'AssessmentSuperseded', data: { supersededBy, rationale } }];
    }
    default:
      throw new Error(`no decision for ${command.type}`);
  }
}

function draft(d: Extract<AssessmentCommand, { type: 'DraftAssessment' }>['data'], ctx: CommandContext): AssessmentEvent {
  const classification = d.classification ?? (ctx.classifications ?? DEFAULT_CLASSIFICATIONS)[0];
  return {
    type: 'AssessmentDrafted',
    data: {
      assessmentId: d.assessmentId,
      statement: text(d.statement, 'statement', LIMITS.statement),
      likelihood: likelihoodFrom(d.likelihood),
      confidence: oneOf(d.confidence, CONFIDENCE_LEVELS, 'confidence'),
      horizon: horizonFrom(d.horizon, ctx.effectiveAt),
      subject: subjectFrom(d.subject),
      classification: oneOf(classification, ctx.classifications ?? DEFAULT_CLASSIFICATIONS, 'classification'),
      source: sourceFrom(d.source),
      rationale: text(d.rationale, 'rationale', LIMITS.rationale),
    },
  };
}

/** Effective time may be backdated for imports, but never into the future nor before the last event. */
function checkEffectiveAt(ctx: CommandContext, state: AssessmentState | null): void {
  const effective = parseInstant(ctx.effectiveAt, 'effectiveAt');
  if (effective.getTime() > ctx.now.getTime()) {
    throw new DomainValidationError('effectiveAt', 'must not be in the future');
  }
  if (state && effective.getTime() < Date.parse(state.lastEffectiveAt)) {
    throw new BusinessRuleError(
      'effective-time-order',
      `effectiveAt must not be earlier than the previous change's (${state.lastEffectiveAt})`,
      'effectiveAt',
    );
  }
}

function unchanged(field: string, message: string): never {
  throw new BusinessRuleError('no-change', message, field);
}

function list(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new DomainValidationError(field, 'must be an array of strings');
  if (value.length > LIMITS.subjectItems) {
    throw new DomainValidationError(field, `must have at most ${LIMITS.subjectItems} items`);
  }
  const items = value.map((item, i) => text(item, `${field}[${i}]`, LIMITS.subjectItem));
  return [...new Set(items)];
}

function subjectFrom(subject: Subject | undefined): Subject {
  if (subject === undefined || subject === null || typeof subject !== 'object') {
    throw new DomainValidationError('subject', 'must be an object with actors, regions and topics');
  }
  return {
    actors: list(subject.actors, 'subject.actors'),
    regions: list(subject.regions, 'subject.regions'),
    topics: list(subject.topics, 'subject.topics'),
  };
}

function sameSubject(a: Subject, b: Subject): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.actors, b.actors) && same(a.regions, b.regions) && same(a.topics, b.topics);
}

function sourceFrom(source: { document: string; section?: string | null } | null | undefined): SourceReference | null {
  if (source === undefined || source === null) return null;
  return {
    document: text(source.document, 'source.document', LIMITS.sourceField),
    section:
      source.section === undefined || source.section === null
        ? null
        : text(source.section, 'source.section', LIMITS.sourceField),
  };
}
