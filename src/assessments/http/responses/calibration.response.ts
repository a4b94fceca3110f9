import { ApiProperty } from '@nestjs/swagger';
import { ANALYTIC_LINES } from '../../queries/get-analytic-line-report.query.js';
import { CALIBRATION_GROUPINGS } from '../../queries/get-calibration.query.js';

export class CalibrationBinSchema {
  @ApiProperty({ example: 0.2, description: 'Stated probabilities in [from, to) (the last bin includes 1)' })
  from: number;

  @ApiProperty({ example: 0.3 })
  to: number;

  @ApiProperty({ example: 4 })
  count: number;

  @ApiProperty({ nullable: true, example: 0.25 })
  meanProbability: number | null;

  @ApiProperty({ nullable: true, example: 0.25, description: 'Share of the bin’s judgments whose event occurred' })
  observedFrequency: number | null;

  @ApiProperty({ nullable: true, example: 0.1875 })
  meanBrier: number | null;
}

export class CalibrationGroupSchema {
  @ApiProperty({ example: 'Russia' })
  key: string;

  @ApiProperty({ example: 4 })
  count: number;

  @ApiProperty({ nullable: true, example: 0.1875 })
  meanBrier: number | null;

  @ApiProperty({ nullable: true, example: 0.16 })
  meanTimeWeightedBrier: number | null;

  @ApiProperty({ type: () => [CalibrationBinSchema] })
  bins: CalibrationBinSchema[];
}

export class CalibrationResponse {
  @ApiProperty({ format: 'date-time', nullable: true, example: null })
  from: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, example: null })
  to: string | null;

  @ApiProperty({ enum: CALIBRATION_GROUPINGS, nullable: true, example: null })
  groupBy: string | null;

  @ApiProperty({ enum: ANALYTIC_LINES, example: 'working', description: 'Which main line was scored: every judgment stated, or what was published' })
  line: string;

  @ApiProperty({ example: 4 })
  count: number;

  @ApiProperty({ nullable: true, example: 0.1875 })
  meanBrier: number | null;

  @ApiProperty({ nullable: true, example: 0.16 })
  meanTimeWeightedBrier: number | null;

  @ApiProperty({ type: () => [CalibrationBinSchema] })
  bins: CalibrationBinSchema[];

  @ApiProperty({ type: () => [CalibrationGroupSchema], description: 'One calibration per group when groupBy is given' })
  groups: CalibrationGroupSchema[];

  @ApiProperty({ example: '12' })
  position: string;
}
