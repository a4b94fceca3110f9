import type { AssessmentCommand, CommandContext, DissentInput } from './assessment-commands.js';
import type { AssessmentEvent, DissentPosition } from './assessment-events.js';
import type { AssessmentState } from './assessment-state.js';
import { CONFIDENCE_LEVELS } from './assessment-values.js';
import type { Dissent } from './dissent-values.js';
import { BusinessRuleError, DomainValidationError, SubResourceNotFoundError } from './domain-errors.js';
import { oneOf } from './input-validation.js';
import { likelihoodFrom, sameLikelihood } from './likelihood.js';

type DissentCommand = Extract<AssessmentCommand, { type: 'RecordDissent' | 'ReviseDissent' | 'WithdrawDissent' }>;

export const DISSENT_COMMANDS: ReadonlySet<string> = new Set<DissentCommand['type']>(['RecordDissent', 'ReviseDissent', 'WithdrawDissent']);

/**
 * Decisions on dissents. Any analyst but the assessment's author may dissent,
 * once at a time; only a dissent's author may revise or withdraw it.
 */
export function decideDissent(command: DissentCommand, state: AssessmentState, ctx: CommandContext, rationale: string): AssessmentEvent[] {
  switch (command.type) {
    case 'RecordDissent': {
      if (ctx.actor === state.createdBy) {
        throw new BusinessRuleError('author-cannot-dissent', 'the author of an assessment cannot dissent from it');
      }
      if (state.dissents.some((d) => !d.withdrawn && d.author === ctx.actor)) {
        throw new BusinessRuleError('dissent-exists', `${ctx.actor} already has a standing dissent on this assessment; revise it instead`);
      }
      return [{ type: 'DissentRecorded', data: positionFrom(command.data, state, rationale) }];
    }
    case 'ReviseDissent': {
      const dissent = ownStanding(state, command.data.dissentId, ctx.actor);
      // Evidence it cites may have been unlinked since; keeping a citation is no new claim.
      const position = positionFrom(command.data, state, rationale, dissent.evidenceIds);
      if (samePosition(dissent, position)) throw new BusinessRuleError('no-change', 'the dissent already states that', 'likelihood');
      return [{ type: 'DissentRevised', data: position }];
    }
    case 'WithdrawDissent': {
      const dissent = ownStanding(state, command.data.dissentId, ctx.actor);
      return [{ type: 'DissentWithdrawn', data: { dissentId: dissent.dissentId, rationale } }];
    }
  }
}

function ownStanding(state: AssessmentState, dissentId: string, actor: string): Dissent {
  const dissent = state.dissents.find((d) => d.dissentId === dissentId);
  if (!dissent) throw new SubResourceNotFoundError('dissent', dissentId);
  if (dissent.withdrawn) {
    throw new BusinessRuleError('dissent-withdrawn', `dissent ${dissentId} was withdrawn; record a new one to dissent again`);
  }
  if (dissent.author !== actor) {
    throw new BusinessRuleError('not-dissent-author', `only ${dissent.author}, who recorded this dissent, may change it`);
  }
  return dissent;
}

function positionFrom(input: DissentInput, state: AssessmentState, rationale: string, cited: readonly string[] = []): DissentPosition {
  const likelihood = input.likelihood ? likelihoodFrom(input.likelihood) : null;
  const confidence = input.confidence ? oneOf(input.confidence, CONFIDENCE_LEVELS, 'confidence') : null;
  if (likelihood === null && confidence === null) {
    throw new DomainValidationError('likelihood', 'or confidence is required: a dissent states a likelihood, a confidence, or both');
  }
  const evidenceIds = [...new Set(input.evidenceIds ?? [])];
  const linked = new Set([...state.evidence.map((e) => e.evidenceId), ...cited]);
  const unknown = evidenceIds.filter((id) => !linked.has(id));
  if (unknown.length > 0) {
    throw new BusinessRuleError('unknown-evidence', `the assessment has no linked evidence ${unknown.join(', ')}`, 'evidenceIds');
  }
  return { dissentId: input.dissentId, likelihood, confidence, evidenceIds, rationale };
}

function samePosition(dissent: Dissent, position: DissentPosition): boolean {
  const sameL =
    dissent.likelihood === null || position.likelihood === null
      ? dissent.likelihood === position.likelihood
      : sameLikelihood(dissent.likelihood, position.likelihood);
  const sameEvidence =
    dissent.evidenceIds.length === position.evidenceIds.length && dissent.evidenceIds.every((id, i) => id === position.evidenceIds[i]);
  return sameL && dissent.confidence === position.confidence && sameEvidence && dissent.rationale === position.rationale;
}
