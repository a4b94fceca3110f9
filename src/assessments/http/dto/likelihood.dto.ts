import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsString, Max, Min, ValidateIf } from 'class-validator';
import { LIKELIHOOD_SCALES } from '../../domain/likelihood-scales.js';
import type { LikelihoodScale } from '../../domain/likelihood-scales.js';
import { IsExclusiveOf, IsTermOfScale } from './field-validators.js';

/** Either a term of a scale (`{ scale, term }`) or a number (`{ probability }`). */
export class LikelihoodDto {
  @ApiPropertyOptional({ enum: LIKELIHOOD_SCALES, example: 'nta', description: 'With term; or give probability instead' })
  @ValidateIf((o: LikelihoodDto) => o.probability === undefined)
  @IsIn(LIKELIHOOD_SCALES)
  scale?: LikelihoodScale;

  @ApiPropertyOptional({ example: 'unlikely', description: 'A term of the scale: icd203 almost-no-chance … almost-certain; phia remote-chance … almost-certain; nta unlikely, possible, likely, highly-likely' })
  @ValidateIf((o: LikelihoodDto) => o.probability === undefined)
  @IsString()
  @IsTermOfScale()
  term?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, example: 0.2, description: 'A number instead of scale and term' })
  @ValidateIf((o: LikelihoodDto) => o.probability !== undefined || (o.scale === undefined && o.term === undefined))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  @IsExclusiveOf(['scale', 'term'])
  probability?: number;
}
