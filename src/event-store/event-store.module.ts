import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { holdsDataDir } from '../common/data-dir-lock.js';
import { APP_CONFIG } from '../config/app-config.js';
import type { AppConfig } from '../config/app-config.js';
import { COMMIT_OBSERVER } from './commit-observer.js';
import type { CommitObserver } from './commit-observer.js';
import { EVENT_STORE } from './event-store.port.js';
import type { EventStore } from './event-store.port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

async function createEventStore(config: AppConfig, observer?: CommitObserver): Promise<EventStore> {
  if (config.eventStoreUrl) {
    // Loaded only when chosen: the gRPC client and its native bridge cost
    // start-up time, and the embedded default must not depend on them.
    const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store.js');
    return KurrentDbEventStore.connect(config.eventStoreUrl);
  }
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore({
    filename: join(config.dataDir, 'events.sqlite'),
    synchronous: config.sqliteSynchronous,
    onCommit: observer ? (batch) => observer.onCommit(batch) : undefined,
    // Holding the directory's lock, this process is the only one that appends to the file.
    soleWriter: holdsDataDir(config.dataDir),
  });
}

/** Provides the EventStore chosen by configuration (KurrentDB when EVENTSTORE_URL is set, else SQLite) to the whole app. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      useFactory: createEventStore,
      inject: [APP_CONFIG, { token: COMMIT_OBSERVER, optional: true }],
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Runs after the HTTP server stopped taking requests: lets pending appends finish, then closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
