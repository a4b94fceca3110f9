import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
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
