import { Inject, Injectable, Optional } from '@nestjs/common';
import { parse as parseUuid, v5 as uuidv5 } from 'uuid';
import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../../event-store/event-store.errors.js';
import type { AppendOptions, EventToAppend } from '../../event-store/event-store.port.js';
import type { AssessmentCommand } from '../domain/assessment-commands.js';
import { EVENT_SCHEMA_VERSION } from '../domain/assessment-events.js';
import { decide } from '../domain/decide.js';
import { DEFAULT_CLASSIFICATIONS } from '../domain/assessment-values.js';
import { AssessmentNotFoundError, BusinessRuleError } from '../domain/domain-errors.js';
import type { AssessmentEvent } from '../domain/assessment-events.js';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { AssessmentRepository } from './assessment.repository.js';
import { eventHash } from '../../integrity/event-hash.js';
import { assessmentStream, AssessmentEventMetadata } from './assessment-stream.js';
import type { CommandMetadata, CommandResult } from './command-metadata.js';

/**
 * Namespace for event ids derived from a command id (UUID v5), as bytes: given
 * as a string, uuid parses it again on every call (a third of each id's cost).
 */
const EVENT_ID_NAMESPACE = parseUuid('7f1d3c52-8a4e-4c0b-9a57-1f0e6b2d9c41');

/**
 * A command's id: derived from its idempotency key when there is one, so a
 * retry writes the same event ids and the store recognises it. Keys belong to
 * their actor, as the answers kept for them do: two clients that both number
 * their requests "1" send two commands.
 */
export function commandIdFor(meta: Pick<CommandMetadata, 'idempotencyKey' | 'commandId' | 'actor'>): string {
  return meta.commandId ?? (meta.idempotencyKey ? uuidv5(`${meta.actor}\u0000${meta.idempotencyKey}`, EVENT_ID_NAMESPACE) : randomUUID());
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
  private readonly classifications: readonly string[];

  constructor(
    private readonly repository: AssessmentRepository,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    this.classifications = config?.classificationLevels ?? DEFAULT_CLASSIFICATIONS;
  }

  async execute(
    assessmentId: string,
    command: AssessmentCommand,
    meta: CommandMetadata,
    expectedRevision: number | 'no_stream',
    otherStreamAt?: AppendOptions['otherStreamAt'],
  ): Promise<CommandResult> {
    if (command.type === 'DraftAssessment' && meta.idempotencyKey) {
      const earlier = await this.answerIfAlreadyApplied(assessmentId, meta, 'no_stream');
      if (earlier) return earlier;
    }
    const folded = command.type === 'DraftAssessment' ? null : await this.repository.loadForChange(assessmentId);
    const state = folded?.state ?? null;
    if (command.type !== 'DraftAssessment') {
      // Above the actor's clearance, the assessment does not exist for them: 404, not 403.
      if (state === null || (meta.visibility && !meta.visibility.levels.includes(state.classification))) {
        throw new AssessmentNotFoundError(assessmentId);
      }
      if (state.revision !== expectedRevision) {
        const earlier = meta.idempotencyKey ? await this.answerIfAlreadyApplied(assessmentId, meta, expectedRevision) : null;
        if (earlier) return earlier;
        throw new WrongExpectedRevisionError(assessmentStream(assessmentId), expectedRevision, state.revision);
      }
    }
    const now = new Date();
    const recordedAt = now.toISOString();
    const effectiveAt = meta.effectiveAt ?? recordedAt;
    const events = decide(command, state, { actor: meta.actor, now, effectiveAt, classifications: this.classifications });
    if (meta.visibility) checkMarkings(events, meta.visibility.levels);

    // Event ids derive from the command id so a retried append is recognised
    // by the store (and by KurrentDB) as the same write.
    const commandId = commandIdFor(meta);
    const common: AssessmentEventMetadata = {
      actor: meta.actor,
      recordedAt,
      effectiveAt: new Date(effectiveAt).toISOString(),
      correlationId: meta.correlationId,
      causationId: meta.causationId ?? commandId,
      commandId,
      schemaVersion: EVENT_SCHEMA_VERSION,
      ...(meta.idempotencyKey ? { idempotencyKey: meta.idempotencyKey } : {}),
    };
    // Each event chains to the one before it; the store's revision check
    // guarantees that "before" is still the stream's last event when it lands.
    const stream = assessmentStream(assessmentId);
    let prevHash = folded?.lastHash ?? null;
    let revision = state ? state.revision : -1;
    const toAppend: EventToAppend[] = events.map((event, index) => {
      revision += 1;
      const metadata = { ...common, prevHash };
      const hash = eventHash({ stream, revision, type: event.type, data: event.data, metadata });
      prevHash = hash;
      return { id: eventIdFor(commandId, index), type: event.type, data: event.data, metadata: { ...metadata, hash } };
    });
    // Against the revision decided on, which the checks above made the caller's expected revision.
    const result = await this.repository.appendDecided(assessmentId, folded, toAppend, otherStreamAt);
    return {
      assessmentId,
      revision: result.nextRevision,
      position: result.position.toString(),
      eventIds: toAppend.map((event) => event.id),
    };
  }

  /**
   * A retry of a command that was applied, but whose answer was lost (the
   * process died before replying): its events are in the stream under the ids
   * the idempotency key derives, so the first answer can be rebuilt from them.
   */
  private async answerIfAlreadyApplied(
    assessmentId: string,
    meta: CommandMetadata,
    expectedRevision: number | 'no_stream',
  ): Promise<CommandResult | null> {
    const firstId = eventIdFor(commandIdFor(meta), 0);
    const after = expectedRevision === 'no_stream' ? 0 : expectedRevision + 1;
    const events = await this.repository.readEvents(assessmentId, undefined, after);
    const start = events.findIndex((event) => event.id === firstId);
    if (start < 0) return null;
    const ours = events.slice(start).filter((event) => event.metadata.commandId === events[start].metadata.commandId);
    const last = ours[ours.length - 1];
    return { assessmentId, revision: last.revision, position: last.position.toString(), eventIds: ours.map((event) => event.id) };
  }
}

/** Nobody may mark an assessment above their own clearance: they could no longer see it. */
function checkMarkings(events: readonly AssessmentEvent[], visible: readonly string[]): void {
  for (const event of events) {
    const marking =
      event.type === 'AssessmentDrafted' ? event.data.classification : event.type === 'ClassificationChanged' ? event.data.to : null;
    if (marking !== null && !visible.includes(marking)) {
      throw new BusinessRuleError('above-clearance', `you may not mark an assessment ${marking}: it is above your clearance`, 'classification');
    }
  }
}
