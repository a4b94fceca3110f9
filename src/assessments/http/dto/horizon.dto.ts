import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, ValidateIf } from 'class-validator';
import { HORIZON_TERMS } from '../../domain/horizons.js';
import type { HorizonTerm } from '../../domain/horizons.js';
import { IsExclusiveOf } from './field-validators.js';

/** Either an NTA term (with an optional start) or an explicit start and end. */
export class HorizonDto {
  @ApiPropertyOptional({ enum: HORIZON_TERMS, example: 'short-term', description: 'NTA term: the end is the start plus 6 months, 2, 5 or 10 years; or give start and end' })
  @ValidateIf((o: HorizonDto) => o.term !== undefined || o.end === undefined)
  @IsIn(HORIZON_TERMS)
  term?: HorizonTerm;

  @ApiPropertyOptional({ format: 'date-time', example: '2023-02-05', description: 'Defaults to the effective time' })
  @ValidateIf((o: HorizonDto) => o.start !== undefined || o.term === undefined)
  @IsISO8601({ strict: true })
  start?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2023-08-05', description: 'With start, instead of a term' })
  @ValidateIf((o: HorizonDto) => o.end !== undefined || o.term === undefined)
  @IsISO8601({ strict: true })
  @IsExclusiveOf(['term'])
  end?: string;
}
