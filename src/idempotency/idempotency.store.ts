import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
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

  /**
   * Keeps the first answer for the key; answers null when this was it, or
   * the answer a racing request with the same key recorded first.
   */
  async record(subject: string, key: string, answer: Omit<RecordedAnswer, 'answeredAt'>): Promise<RecordedAnswer | null> {
    const stream = this.streamOf(subject, key);
    try {
      await this.store.appendToStream(
        stream,
        [
          {
            // Its own id per request: with one id for the key, the store took a racing request's record
            // for a retry of the first (and said it was written), so neither could tell it had lost.
            id: randomUUID(),
            type: 'CommandAnswered',
            data: { ...answer, answeredAt: new Date().toISOString() },
            metadata: { actor: subject, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      return null;
    } catch (error) {
      // A racing request with the same key recorded it first.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      return this.find(subject, key);
    }
  }
}
