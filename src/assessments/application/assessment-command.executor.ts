import { Injectable } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../../event-store/event-store.errors.js';
import type { EventToAppend } from '../../event-store/event-store.port.js';
import type { AssessmentCommand } from '../domain/assessment-commands.js';
import { EVENT_SCHEMA_VERSION } from '../domain/assessment-events.js';
import { decide } from '../domain/decide.js';
import { AssessmentNotFoundError } from '../domain/domain-errors.js';
import { AssessmentRepository } from './assessment.repository.js';
import { assessmentStream, AssessmentEventMetadata } from './assessment-stream.js';
import type { CommandMetadata, CommandResult } from './command-metadata.js';

/** Namespace for event ids derived from a command id (UUID v5). */
const EVENT_ID_NAMESPACE = '7f1d3c52-8a4e-4c0b-9a57-1f0e6b2d9c41';

/**
 * A command's id: derived from its idempotency key when there is one, so a
 * retry writes the same event ids and the store recognises it.
 */
export function commandIdFor(meta: Pick<CommandMetadata, 'idempotencyKey' | 'commandId'>): string {
  return meta.commandId ?? (meta.idempotencyKey ? uuidv5(meta.idempotencyKey, EVENT_ID_NAMESPACE) : randomUUID());
}

/** Id of the index-th event a command writes. */
export function eventIdFor(commandId: string, index: number): string {
  return uuidv5(`${commandId}/${index}`, EVENT_ID_NAMESPACE);
}

/**
 * The one path every assessment command takes: load and fold the stream,
 * check the caller's expected revision, decide, append against that same
 * revision. The store re-checks the revision atomically, so a concurrent
 * change that slips in between still ends in a conflict, never a lost update.
 */
@Injectable()
export class AssessmentCommandExecutor {
  constructor(private readonly repository: AssessmentRepository) {}

  async execute(
    assessmentId: string,
    command: AssessmentCommand,
    meta: CommandMetadata,
    expectedRevision: number | 'no_stream',
  ): Promise<CommandResult> {
    const state = command.type === 'DraftAssessment' ? null : await this.repository.load(assessmentId);
    if (command.type !== 'DraftAssessment') {
      if (state === null) throw new AssessmentNotFoundError(assessmentId);
      if (state.revision !== expectedRevision) {
        throw new WrongExpectedRevisionError(assessmentStream(assessmentId), expectedRevision, state.revision);
      }
    }
    const now = new Date();
    const recordedAt = now.toISOString();
    const effectiveAt = meta.effectiveAt ?? recordedAt;
    const events = decide(command, state, { actor: meta.actor, now, effectiveAt });

    // Event ids derive from the command id so a retried append is recognised
    // by the store (and by KurrentDB) as the same write.
    const commandId = commandIdFor(meta);
    const metadata: AssessmentEventMetadata = {
      actor: meta.actor,
      recordedAt,
      effectiveAt: new Date(effectiveAt).toISOString(),
      correlationId: meta.correlationId,
      causationId: meta.causationId ?? commandId,
      commandId,
      schemaVersion: EVENT_SCHEMA_VERSION,
      ...(meta.idempotencyKey ? { idempotencyKey: meta.idempotencyKey } : {}),
    };
    const toAppend: EventToAppend[] = events.map((event, index) => ({
      id: eventIdFor(commandId, index),
      type: event.type,
      data: event.data,
      metadata,
    }));
    const result = await this.repository.append(assessmentId, toAppend, expectedRevision);
    return {
      assessmentId,
      revision: result.nextRevision,
      position: result.position.toString(),
      eventIds: toAppend.map((event) => event.id),
    };
  }
}
