import { Injectable } from '@nestjs/common';
import type { EventStore } from '../event-store/event-store.port.js';
import type { Projector } from './projector.js';
import type { ReadModelDatabase } from './read-model-database.js';

/** Makes a projector that writes to the given database (the live one, or one being rebuilt). */
export type ProjectorFactory = (database: ReadModelDatabase, store: EventStore) => Projector;

/**
 * Feature modules register their projectors here when they initialise; the
 * projection service starts once all of them have (on application bootstrap).
 */
@Injectable()
export class ProjectorRegistry {
  private readonly factories: ProjectorFactory[] = [];

  register(factory: ProjectorFactory): void {
    this.factories.push(factory);
  }

  create(database: ReadModelDatabase, store: EventStore): Projector[] {
    const projectors = this.factories.map((factory) => factory(database, store));
    for (const projector of projectors) database.applySchema(projector.schema);
    return projectors;
  }
}
