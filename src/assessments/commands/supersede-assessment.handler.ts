import { Inject, Optional } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG } from '../../config/app-config.js';
import type { AppConfig } from '../../config/app-config.js';
import { WrongExpectedRevisionError } from '../../event-store/event-store.errors.js';
import { AssessmentCommandExecutor } from '../application/assessment-command.executor.js';
import { AssessmentRepository } from '../application/assessment.repository.js';
import { assessmentStream } from '../application/assessment-stream.js';
import type { CommandResult } from '../application/command-metadata.js';
import type { AssessmentState } from '../domain/assessment-state.js';
import { CLOSED_STATUSES, DEFAULT_CLASSIFICATIONS } from '../domain/assessment-values.js';
import { AssessmentNotFoundError, BusinessRuleError, RelatedAssessmentChangingError } from '../domain/domain-errors.js';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { SupersedeAssessmentCommand } from './supersede-assessment.command.js';

/** Tries at deciding again when the successor changed between the check and the append. */
const ATTEMPTS = 5;

/**
 * Superseding points at another assessment, a check across two streams: the
 * successor must exist for the caller (one beyond their clearance is as
 * unknown as a missing one, so a refusal discloses nothing) and still stand.
 * A closed successor would leave no current judgment, and is how two
 * assessments could supersede each other. A published assessment is
 * superseded only by a published one: readers, who see no drafts, would
 * otherwise be pointed at an assessment that does not exist for them; for
 * the same reason the successor may not be marked above the assessment it
 * supersedes (whoever may read the one must be able to follow it).
 *
 * The append is conditional on the successor still being at the revision
 * checked, so a withdrawal landing in between fails it; the checks then run
 * again on the successor as it now is.
 */
@CommandHandler(SupersedeAssessmentCommand)
export class SupersedeAssessmentHandler extends AssessmentChangeHandler<SupersedeAssessmentCommand> {
  private readonly classifications: readonly string[];

  constructor(
    executor: AssessmentCommandExecutor,
    private readonly repository: AssessmentRepository,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    super(executor);
    this.classifications = config?.classificationLevels ?? DEFAULT_CLASSIFICATIONS;
  }

  override async execute(command: SupersedeAssessmentCommand): Promise<CommandResult> {
    const successor = command.data.supersededBy;
    // Above the caller's clearance the assessment does not exist for them: nothing about its successor may tell otherwise.
    const predecessor = await this.repository.load(command.assessmentId);
    const visibility = command.meta.visibility;
    if (predecessor === null || (visibility && !visibility.levels.includes(predecessor.classification))) {
      throw new AssessmentNotFoundError(command.assessmentId);
    }
    // Superseding by itself is refused by decide, with no successor to check.
    if (successor === command.assessmentId) return super.execute(command);
    const successorStream = assessmentStream(successor);
    for (let attempt = 1; ; attempt++) {
      const successorRevision = await this.checkSuccessor(command, successor, predecessor);
      try {
        return await this.executor.execute(command.assessmentId, command.toDomain(), command.meta, command.expectedRevision, {
          stream: successorStream,
          revision: successorRevision,
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError && error.streamName === successorStream)) throw error;
        if (attempt === ATTEMPTS) {
          // A successor closed meanwhile is still told as such (422), not as a conflict to retry.
          await this.checkSuccessor(command, successor, predecessor);
          throw new RelatedAssessmentChangingError(successor, 'supersededBy');
        }
      }
    }
  }

  /** The successor's revision, once it passed every check. */
  private async checkSuccessor(command: SupersedeAssessmentCommand, successor: string, predecessor: AssessmentState): Promise<number> {
    const state = await this.repository.load(successor);
    const visibility = command.meta.visibility;
    if (state === null || (visibility && !visibility.levels.includes(state.classification))) {
      throw new BusinessRuleError('unknown-successor', `assessment ${successor} does not exist`, 'supersededBy');
    }
    if (CLOSED_STATUSES.has(state.status)) {
      throw new BusinessRuleError('successor-closed', `assessment ${successor} is ${state.status}: supersede by one that still stands`, 'supersededBy');
    }
    if (this.classifications.indexOf(state.classification) > this.classifications.indexOf(predecessor.classification)) {
      throw new BusinessRuleError(
        'successor-above-marking',
        `assessment ${successor} is marked ${state.classification}, above this one's ${predecessor.classification}: those who may read this one could not follow it`,
        'supersededBy',
      );
    }
    if (state.publicView === null && predecessor.publicView !== null) {
      throw new BusinessRuleError(
        'successor-unpublished',
        `assessment ${successor} was never published: publish it before it supersedes a published assessment, which readers would otherwise see pointing at nothing`,
        'supersededBy',
      );
    }
    return state.revision;
  }
}
