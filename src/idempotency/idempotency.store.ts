import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { WrongExpectedRevisionError } from '../event-store/event-store.errors.js';
import { EVENT_STORE } from '../event-store/event-store.port.js';
import type { EventStore } from '../event-store/event-store.port.js';

/** The first answer given to a command sent with an Idempotency-Key. */
export interface RecordedAnswer {
  /** Hash of what was asked (method, path, body): a reuse of the key for something else is refused. */
  readonly fingerprint: string;
  readonly body: unknown;
  readonly answeredAt: string;
}

const STREAM_PREFIX = 'idempotency-';
const NAMESPACE = '2d6f0c1e-9b3a-4f8e-a5d7-6c4b3a2f1e0d';

/**
 * Answers kept in the event store itself, one stream per (subject, key): so
 * they survive restarts and are shared by every instance on either store,
 * and the first of two racing requests wins the stream.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Keys belong to the caller: another subject's identical key is another command. */
  private streamOf(subject: string, key: string): string {
    return STREAM_PREFIX + createHash('sha256').update(`${subject}\u0000${key}`).digest('hex');
  }

  async find(subject: string, key: string): Promise<RecordedAnswer | null> {
    const [event] = await this.store.readStream(this.streamOf(subject, key), { maxCount: 1 });
    return event ? (event.data as RecordedAnswer) : null;
  }

  async record(subject: string, key: string, answer: Omit<RecordedAnswer, 'answeredAt'>): Promise<void> {
    const stream = this.streamOf(subject, key);
    try {
      await this.store.appendToStream(
        stream,
        [
          {
            id: uuidv5(stream, NAMESPACE),
            type: 'CommandAnswered',
            data: { ...answer, answeredAt: new Date().toISOString() },
            metadata: { actor: subject, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
    } catch (error) {
      // A racing retry recorded it first; both wrote the same command's events.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}
