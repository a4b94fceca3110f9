import { badRequest } from '../../common/http/validation-error.factory.js';
import { findTerm, isLikelihoodScale, termsOf } from '../domain/likelihood-scales.js';
import type { AssessmentListFilter, ListSortKey, ListTimePoint } from '../queries/list-assessments.query.js';
import type { AssessmentFilterDto, ListAssessmentsQueryDto } from './dto/list-assessments-query.dto.js';

const time = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

/**
 * Turns validated query parameters into the list query's filter, time point
 * and sort. `markings` are the configured classification levels: a marking
 * outside them matches nothing ever, so it is a mistake to say, not an empty list.
 */
export function listFilterOf(dto: AssessmentFilterDto, markings: readonly string[]): AssessmentListFilter {
  const unknownMarking = dto.classification?.find((marking) => !markings.includes(marking));
  if (unknownMarking !== undefined) {
    throw badRequest([{ field: 'classification', message: `classification ${unknownMarking} is not a marking; the markings are ${markings.join(', ')}` }]);
  }
  let probability: AssessmentListFilter['probability'];
  if (dto.likelihood !== undefined) {
    const [scale, term] = dto.likelihood.split(':');
    const found = isLikelihoodScale(scale) ? findTerm(scale, term) : undefined;
    if (!found || !isLikelihoodScale(scale)) {
      const known = isLikelihoodScale(scale) ? termsOf(scale).join(', ') : 'a term of icd203, phia or nta';
      throw badRequest([{ field: 'likelihood', message: `likelihood term must be one of ${known}` }]);
    }
    // Half-open bands, so a midpoint on a shared boundary belongs to one term only; the top band keeps 100%.
    probability = { min: found.band.low, max: found.band.high, maxExclusive: found.band.high < 1 };
  }
  if (dto.minProbability !== undefined || dto.maxProbability !== undefined) {
    const min = Math.max(probability?.min ?? 0, dto.minProbability ?? 0);
    const narrowerMax = dto.maxProbability !== undefined && (!probability || dto.maxProbability < probability.max);
    probability = narrowerMax
      ? { min, max: dto.maxProbability!, maxExclusive: false }
      : { min, max: probability?.max ?? 1, maxExclusive: probability?.maxExclusive ?? false };
  }
  return {
    statuses: dto.status,
    confidences: dto.confidence,
    classifications: dto.classification,
    actor: dto.actor,
    region: dto.region,
    topic: dto.topic,
    createdBy: dto.createdBy,
    probability,
    horizonEndsBefore: time(dto.horizonEndsBefore),
    horizonEndsAfter: time(dto.horizonEndsAfter),
    text: dto.q,
    hasDissent: dto.hasDissent === undefined ? undefined : dto.hasDissent === 'true',
    awaitingPublication: dto.awaitingPublication === undefined ? undefined : dto.awaitingPublication === 'true',
  };
}

export function listTimeOf(dto: ListAssessmentsQueryDto): ListTimePoint {
  return { effective: time(dto.asOf), recorded: time(dto.recordedAsOf) };
}

export function listSortOf(dto: ListAssessmentsQueryDto): { key: ListSortKey; descending: boolean } {
  const sort = dto.sort ?? '-updatedAt';
  return { key: sort.replace(/^-/, '') as ListSortKey, descending: sort.startsWith('-') };
}

export const positionOf = (minPosition: string | undefined) => (minPosition === undefined ? undefined : BigInt(minPosition));
