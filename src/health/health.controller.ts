import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '../auth/access.decorators.js';
import { EVENT_STORE } from '../event-store/event-store.port.js';
import type { EventStore } from '../event-store/event-store.port.js';

/** Liveness and a minimal readiness check: the event store answers. */
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  async health() {
    return { status: 'ok', position: (await this.store.headPosition()).toString() };
  }
}
