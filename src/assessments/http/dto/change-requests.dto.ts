import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CHANGE_BASES, CONFIDENCE_LEVELS, LIMITS } from '../../domain/assessment-values.js';
import type { ChangeBasis, Confidence } from '../../domain/assessment-values.js';
import { ChangeDto } from './change.dto.js';
import { HorizonDto } from './horizon.dto.js';
import { LikelihoodDto } from './likelihood.dto.js';
import { SubjectDto } from './subject.dto.js';
import { NTA } from '../../../openapi/nta-examples.js';

export class RewordStatementDto extends ChangeDto {
  @ApiProperty({ maxLength: LIMITS.statement, example: NTA.rewording })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.statement)
  statement: string;
}

export class ChangeLikelihoodDto extends ChangeDto {
  @ApiProperty({ type: () => LikelihoodDto, example: { scale: 'icd203', term: 'very-unlikely' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => LikelihoodDto)
  likelihood: LikelihoodDto;

  @ApiProperty({ enum: CHANGE_BASES, example: 'new-information', description: 'Why it moved (ICD 203 standard 7)' })
  @IsIn(CHANGE_BASES)
  basis: ChangeBasis;
}

export class ChangeConfidenceDto extends ChangeDto {
  @ApiProperty({ enum: CONFIDENCE_LEVELS, example: 'high' })
  @IsIn(CONFIDENCE_LEVELS)
  confidence: Confidence;

  @ApiProperty({ enum: CHANGE_BASES, example: 'new-information' })
  @IsIn(CHANGE_BASES)
  basis: ChangeBasis;
}

export class ChangeHorizonDto extends ChangeDto {
  @ApiProperty({ type: () => HorizonDto, example: { term: 'near-term', start: '2023-02-05' } })
  @IsDefined()
  @ValidateNested()
  @Type(() => HorizonDto)
  horizon: HorizonDto;
}

export class ChangeSubjectDto extends ChangeDto {
  // Not the draft's subject (SubjectDto's examples): that example, sent as a change, was refused as no change.
  @ApiProperty({
    type: () => SubjectDto,
    example: { actors: ['Russia'], regions: ['Moldova', 'Georgia', 'Armenia', 'Azerbaijan'], topics: ['frozen conflicts', 'military pressure'] },
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => SubjectDto)
  subject: SubjectDto;
}

export class SupersedeAssessmentDto extends ChangeDto {
  @ApiProperty({ format: 'uuid', example: NTA.otherAssessmentId, description: 'An existing assessment that replaces this one' })
  @IsUUID()
  supersededBy: string;
}

export class ChangeClassificationDto extends ChangeDto {
  /** One of the configured markings (CLASSIFICATION_LEVELS), not above the caller's clearance. */
  @ApiProperty({ example: 'RESTRICTED', description: 'One of CLASSIFICATION_LEVELS, not above your clearance' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9 _-]{0,39}$/, { message: 'classification must be a marking in capitals, e.g. RESTRICTED' })
  classification: string;
}
