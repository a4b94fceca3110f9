import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CHANGE_BASES, CONFIDENCE_LEVELS, LIMITS } from '../../domain/assessment-values.js';
import type { ChangeBasis, Confidence } from '../../domain/assessment-values.js';
import { ChangeDto } from './change.dto.js';
import { HorizonDto } from './horizon.dto.js';
import { LikelihoodDto } from './likelihood.dto.js';
import { SubjectDto } from './subject.dto.js';

export class RewordStatementDto extends ChangeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.statement)
  statement: string;
}

export class ChangeLikelihoodDto extends ChangeDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => LikelihoodDto)
  likelihood: LikelihoodDto;

  @IsIn(CHANGE_BASES)
  basis: ChangeBasis;
}

export class ChangeConfidenceDto extends ChangeDto {
  @IsIn(CONFIDENCE_LEVELS)
  confidence: Confidence;

  @IsIn(CHANGE_BASES)
  basis: ChangeBasis;
}

export class ChangeHorizonDto extends ChangeDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => HorizonDto)
  horizon: HorizonDto;
}

export class ChangeSubjectDto extends ChangeDto {
  @IsDefined()
  @ValidateNested()
  @Type(() => SubjectDto)
  subject: SubjectDto;
}

export class SupersedeAssessmentDto extends ChangeDto {
  @IsUUID()
  supersededBy: string;
}

export class ChangeClassificationDto extends ChangeDto {
  /** One of the configured markings (CLASSIFICATION_LEVELS), not above the caller's clearance. */
  @IsString()
  @Matches(/^[A-Z][A-Z0-9 _-]{0,39}$/, { message: 'classification must be a marking in capitals, e.g. RESTRICTED' })
  classification: string;
}
