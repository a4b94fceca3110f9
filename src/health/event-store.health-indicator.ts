import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE } from '../event-store/event-store.port.js';
import type { EventStore } from '../event-store/event-store.port.js';

/** Longest the store may take to name its head before it counts as not answering. */
const TIMEOUT_MS = 2000;

/** Up when the event store answers a read of its head position. */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check() {
    return this.indicators
      .check('eventStore')
      .attempt(async () => ({ head: (await this.store.headPosition()).toString() }))
      .withTimeout(TIMEOUT_MS);
  }
}
