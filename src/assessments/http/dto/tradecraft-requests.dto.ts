import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { NTA } from '../../../openapi/nta-examples.js';

/** Evidence graded on the Admiralty system: source reliability A–F and information credibility 1–6, apart. */
export class LinkEvidenceDto extends ChangeDto {
  @ApiProperty({ maxLength: L.title, example: NTA.evidenceTitle })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.title)
  title: string;

  @ApiProperty({ maxLength: L.source, example: 'Open-source reporting' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.source)
  source: string;

  @ApiProperty({ enum: RELIABILITY_GRADES, example: 'B', description: 'Source reliability, A (reliable) to F (cannot be judged)' })
  @IsIn(RELIABILITY_GRADES)
  reliability: Reliability;

  @ApiProperty({ enum: CREDIBILITY_GRADES, example: 3, description: 'Information credibility, 1 (confirmed) to 6 (cannot be judged)' })
  @IsInt()
  @IsIn(CREDIBILITY_GRADES)
  credibility: Credibility;

  @ApiProperty({ enum: EVIDENCE_BEARINGS, example: 'supports' })
  @IsIn(EVIDENCE_BEARINGS)
  bearing: EvidenceBearing;

  @ApiPropertyOptional({ format: 'uri', maxLength: L.url, example: 'https://www.vsd.lt/en/threats/threats-national-security-lithuania/' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(L.url)
  url?: string;

  @ApiPropertyOptional({ maxLength: L.excerpt, example: 'The conflicts in Nagorno-Karabakh, Abkhazia, South Ossetia, Transnistria, and Gagauzia are also being exploited.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.excerpt)
  excerpt?: string;
}

export class StateAssumptionDto extends ChangeDto {
  @ApiProperty({ maxLength: L.text, example: NTA.assumption })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.text)
  text: string;

  /** A linchpin assumption: if it fails, the judgment fails with it. */
  @ApiPropertyOptional({ example: true, description: 'If it fails, the judgment fails with it' })
  @IsOptional()
  @IsBoolean()
  linchpin?: boolean;
}

export class ReviewAssumptionDto extends ChangeDto {
  @ApiProperty({ enum: ASSUMPTION_VERDICTS, example: 'holds', description: 'An invalid linchpin puts the assessment in /review-due' })
  @IsIn(ASSUMPTION_VERDICTS)
  verdict: AssumptionVerdict;
}

export class AddIndicatorDto extends ChangeDto {
  @ApiProperty({ maxLength: L.text, example: NTA.indicator })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.text)
  text: string;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS, example: 'raises', description: 'Whether seeing it makes the judged event more or less likely' })
  @IsIn(INDICATOR_DIRECTIONS)
  direction: IndicatorDirection;
}

export class ObserveIndicatorDto extends ChangeDto {
  @ApiProperty({ maxLength: L.observation, example: NTA.observation })
  @IsString()
  @IsNotEmpty()
  @MaxLength(L.observation)
  observation: string;

  @ApiProperty({ format: 'date-time', example: '2023-04-10T00:00:00Z' })
  @IsISO8601({ strict: true })
  observedAt: string;
}

export class RecordOutcomeDto extends ChangeDto {
  @ApiProperty({ enum: OUTCOMES, example: 'did-not-occur' })
  @IsIn(OUTCOMES)
  outcome: Outcome;

  /** When the outcome became known; may be earlier than now. */
  @ApiProperty({ format: 'date-time', example: '2023-08-06T00:00:00Z', description: 'When it became known; may be in the past' })
  @IsISO8601({ strict: true })
  knownAt: string;
}
