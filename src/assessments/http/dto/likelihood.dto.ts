import { IsIn, IsNumber, IsString, Max, Min, ValidateIf } from 'class-validator';
import { LIKELIHOOD_SCALES } from '../../domain/likelihood-scales.js';
import type { LikelihoodScale } from '../../domain/likelihood-scales.js';
import { IsExclusiveOf, IsTermOfScale } from './field-validators.js';

/** Either a term of a scale (`{ scale, term }`) or a number (`{ probability }`). */
export class LikelihoodDto {
  @ValidateIf((o: LikelihoodDto) => o.probability === undefined)
  @IsIn(LIKELIHOOD_SCALES)
  scale?: LikelihoodScale;

  @ValidateIf((o: LikelihoodDto) => o.probability === undefined)
  @IsString()
  @IsTermOfScale()
  term?: string;

  @ValidateIf((o: LikelihoodDto) => o.probability !== undefined || (o.scale === undefined && o.term === undefined))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  @IsExclusiveOf(['scale', 'term'])
  probability?: number;
}
