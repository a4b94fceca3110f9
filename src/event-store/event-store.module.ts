import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.js';
import type { AppConfig } from '../config/app-config.js';
import { EVENT_STORE } from './event-store.port.js';
import type { EventStore } from './event-store.port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

function createEventStore(config: AppConfig): EventStore {
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({
    filename: join(config.dataDir, 'events.sqlite'),
    synchronous: config.sqliteSynchronous,
  });
}

/** Provides the EventStore chosen by configuration to the whole app. */
@Global()
@Module({
  providers: [{ provide: EVENT_STORE, useFactory: createEventStore, inject: [APP_CONFIG] }],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Runs after the HTTP server stopped taking requests: commits the pending group, then closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
