import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { APP_CONFIG } from '../config/app-config.js';
import type { AppConfig } from '../config/app-config.js';
import { ProjectionService } from '../projections/projection.service.js';

/**
 * Up while the read models trail the log by at most READY_MAX_LAG positions:
 * further behind, lists and reports would answer with old data (or make
 * `minPosition` readers wait), so the instance should not take traffic yet.
 */
@Injectable()
export class ProjectionLagHealthIndicator {
  constructor(
    private readonly projections: ProjectionService,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check() {
    const indicator = this.indicators.check('projections');
    const maxLag = this.config.readyMaxLag;
    try {
      const { position, head, lag, running } = await this.projections.status();
      const details = { position, head, lag, maxLag, running };
      if (BigInt(lag) <= BigInt(maxLag)) return indicator.up(details);
      return indicator.down({ ...details, message: `read models are ${lag} positions behind the log (READY_MAX_LAG ${maxLag})` });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
