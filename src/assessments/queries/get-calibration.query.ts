import type { Visibility } from '../../auth/principal.js';
import { Query } from '@nestjs/cqrs';
import type { Calibration } from '../domain/calibration.js';
import type { AnalyticLine } from './get-analytic-line-report.query.js';

/** `line` compares the main line with dissents; every other grouping is of main lines only. */
export const CALIBRATION_GROUPINGS = ['actor', 'topic', 'region', 'scale', 'confidence', 'line'] as const;
export type CalibrationGrouping = (typeof CALIBRATION_GROUPINGS)[number];

export interface CalibrationReport extends Calibration {
  readonly from: string | null;
  readonly to: string | null;
  readonly groupBy: CalibrationGrouping | null;
  /** `working`: every judgment stated, published or not; `published`: the main line as readers were shown it. */
  readonly line: AnalyticLine;
  /** One calibration per actor / topic / …; an assessment with two topics counts in both. */
  readonly groups: (Calibration & { readonly key: string })[];
  readonly position: string;
}

/** How well stated probabilities matched outcomes known in [from, to). */
export class GetCalibrationQuery extends Query<CalibrationReport> {
  constructor(
    readonly range: { readonly from?: number; readonly to?: number },
    readonly groupBy: CalibrationGrouping | undefined,
    readonly bins: number,
    readonly minPosition?: bigint,
    readonly visibility?: Visibility,
    readonly line: AnalyticLine = 'working',
  ) {
    super();
  }
}
