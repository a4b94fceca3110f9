import { IsIn, IsISO8601, ValidateIf } from 'class-validator';
import { HORIZON_TERMS } from '../../domain/horizons.js';
import type { HorizonTerm } from '../../domain/horizons.js';
import { IsExclusiveOf } from './field-validators.js';

/** Either an NTA term (with an optional start) or an explicit start and end. */
export class HorizonDto {
  @ValidateIf((o: HorizonDto) => o.term !== undefined || o.end === undefined)
  @IsIn(HORIZON_TERMS)
  term?: HorizonTerm;

  @ValidateIf((o: HorizonDto) => o.start !== undefined || o.term === undefined)
  @IsISO8601({ strict: true })
  start?: string;

  @ValidateIf((o: HorizonDto) => o.end !== undefined || o.term === undefined)
  @IsISO8601({ strict: true })
  @IsExclusiveOf(['term'])
  end?: string;
}
