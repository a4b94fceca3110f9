import { IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import {
  ASSUMPTION_VERDICTS,
  CREDIBILITY_GRADES,
  EVIDENCE_BEARINGS,
  INDICATOR_DIRECTIONS,
  OUTCOMES,
  RELIABILITY_GRADES,
  TRADECRAFT_LIMITS as L,
} from '../../domain/tradecraft-values.js';
import type {
  AssumptionVerdict,
  Credibility,
  EvidenceBearing,
  IndicatorDirection,
  Outcome,
  Reliability,
} from '../../domain/tradecraft-values.js';
import { ChangeDto } from './change.dto.js';

/** Evidence graded on the Admiralty system: source reliability A–F and information credibility 1–6, apart. */
export class LinkEvidenceDto extends ChangeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.title)
  title: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(L.source)
  source: string;

  @IsIn(RELIABILITY_GRADES)
  reliability: Reliability;

  @IsInt()
  @IsIn(CREDIBILITY_GRADES)
  credibility: Credibility;

  @IsIn(EVIDENCE_BEARINGS)
  bearing: EvidenceBearing;

  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(L.url)
  url?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.excerpt)
  excerpt?: string;
}

export class StateAssumptionDto extends ChangeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.text)
  text: string;

  /** A linchpin assumption: if it fails, the judgment fails with it. */
  @IsOptional()
  @IsBoolean()
  linchpin?: boolean;
}

export class ReviewAssumptionDto extends ChangeDto {
  @IsIn(ASSUMPTION_VERDICTS)
  verdict: AssumptionVerdict;
}

export class AddIndicatorDto extends ChangeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.text)
  text: string;

  @IsIn(INDICATOR_DIRECTIONS)
  direction: IndicatorDirection;
}

export class ObserveIndicatorDto extends ChangeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.observation)
  observation: string;

  @IsISO8601({ strict: true })
  observedAt: string;
}

export class RecordOutcomeDto extends ChangeDto {
  @IsIn(OUTCOMES)
  outcome: Outcome;

  /** When the outcome became known; may be earlier than now. */
  @IsISO8601({ strict: true })
  knownAt: string;
}
