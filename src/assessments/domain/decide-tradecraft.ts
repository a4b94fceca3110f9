import type { AssessmentCommand, CommandContext } from './assessment-commands.js';
import type { AssessmentEvent } from './assessment-events.js';
import type { AssessmentState } from './assessment-state.js';
import { BusinessRuleError, SubResourceNotFoundError } from './domain-errors.js';
import { oneOf, optionalText, pastInstant, text } from './input-validation.js';
import {
  ASSUMPTION_VERDICTS,
  CREDIBILITY_GRADES,
  EVIDENCE_BEARINGS,
  INDICATOR_DIRECTIONS,
  OUTCOMES,
  RELIABILITY_GRADES,
  TRADECRAFT_LIMITS as L,
} from './tradecraft-values.js';

type TradecraftCommand = Extract<
  AssessmentCommand,
  {
    type:
      | 'LinkEvidence'
      | 'UnlinkEvidence'
      | 'StateAssumption'
      | 'ReviewAssumption'
      | 'AddIndicator'
      | 'ObserveIndicator'
      | 'RecordOutcome';
  }
>;

export const TRADECRAFT_COMMANDS: ReadonlySet<string> = new Set<TradecraftCommand['type']>([
  'LinkEvidence',
  'UnlinkEvidence',
  'StateAssumption',
  'ReviewAssumption',
  'AddIndicator',
  'ObserveIndicator',
  'RecordOutcome',
]);

function full(count: number, what: string): void {
  if (count >= L.items) throw new BusinessRuleError('too-many', `an assessment holds at most ${L.items} ${what}`);
}

/**
 * Decisions on an open assessment's supporting material and its outcome.
 * The caller has already checked that the assessment exists, is open and
 * that the effective time is acceptable; `rationale` is validated.
 */
export function decideTradecraft(
  command: TradecraftCommand,
  state: AssessmentState,
  ctx: CommandContext,
  rationale: string,
): AssessmentEvent[] {
  switch (command.type) {
    case 'LinkEvidence': {
      const d = command.data;
      full(state.evidence.length, 'linked evidence items');
      return [
        {
          type: 'EvidenceLinked',
          data: {
            evidenceId: d.evidenceId,
            title: text(d.title, 'title', L.title),
            source: text(d.source, 'source', L.source),
            // Graded apart, as the Admiralty system asks: a reliable source can pass on doubtful information.
            reliability: oneOf(d.reliability, RELIABILITY_GRADES, 'reliability'),
            credibility: oneOf(d.credibility, CREDIBILITY_GRADES, 'credibility'),
            bearing: oneOf(d.bearing, EVIDENCE_BEARINGS, 'bearing'),
            url: optionalText(d.url, 'url', L.url),
            excerpt: optionalText(d.excerpt, 'excerpt', L.excerpt),
            rationale,
          },
        },
      ];
    }
    case 'UnlinkEvidence': {
      if (!state.evidence.some((e) => e.evidenceId === command.data.evidenceId)) {
        throw new SubResourceNotFoundError('evidence', command.data.evidenceId);
      }
      return [{ type: 'EvidenceUnlinked', data: { evidenceId: command.data.evidenceId, rationale } }];
    }
    case 'StateAssumption': {
      full(state.assumptions.length, 'assumptions');
      const { assumptionId, linchpin } = command.data;
      if (typeof linchpin !== 'boolean') throw new BusinessRuleError('invalid-value', 'linchpin must be true or false', 'linchpin');
      return [{ type: 'AssumptionStated', data: { assumptionId, text: text(command.data.text, 'text', L.text), linchpin, rationale } }];
    }
    case 'ReviewAssumption': {
      const assumption = state.assumptions.find((a) => a.assumptionId === command.data.assumptionId);
      if (!assumption) throw new SubResourceNotFoundError('assumption', command.data.assumptionId);
      const verdict = oneOf(command.data.verdict, ASSUMPTION_VERDICTS, 'verdict');
      if (assumption.review?.verdict === verdict) {
        throw new BusinessRuleError('no-change', `the assumption was already reviewed as ${verdict}`, 'verdict');
      }
      return [{ type: 'AssumptionReviewed', data: { assumptionId: assumption.assumptionId, verdict, rationale } }];
    }
    case 'AddIndicator': {
      full(state.indicators.length, 'indicators');
      const { indicatorId } = command.data;
      const direction = oneOf(command.data.direction, INDICATOR_DIRECTIONS, 'direction');
      return [{ type: 'IndicatorAdded', data: { indicatorId, text: text(command.data.text, 'text', L.text), direction, rationale } }];
    }
    case 'ObserveIndicator': {
      const indicator = state.indicators.find((i) => i.indicatorId === command.data.indicatorId);
      if (!indicator) throw new SubResourceNotFoundError('indicator', command.data.indicatorId);
      full(indicator.observations.length, 'observations per indicator');
      return [
        {
          type: 'IndicatorObserved',
          data: {
            indicatorId: indicator.indicatorId,
            observationId: command.data.observationId,
            observation: text(command.data.observation, 'observation', L.observation),
            observedAt: pastInstant(command.data.observedAt, 'observedAt', ctx.now),
            rationale,
          },
        },
      ];
    }
    case 'RecordOutcome': {
      const outcome = oneOf(command.data.outcome, OUTCOMES, 'outcome');
      const knownAt = pastInstant(command.data.knownAt, 'knownAt', ctx.now);
      if (Date.parse(knownAt) < Date.parse(state.effectiveFrom)) {
        throw new BusinessRuleError(
          'outcome-before-judgment',
          `knownAt must not be before the judgment was made (${state.effectiveFrom})`,
          'knownAt',
        );
      }
      return [{ type: 'OutcomeRecorded', data: { outcome, knownAt, rationale } }];
    }
  }
}
