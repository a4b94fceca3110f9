import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentCommandExecutor } from '../application/assessment-command.executor.js';
import { AssessmentRepository } from '../application/assessment.repository.js';
import type { CommandResult } from '../application/command-metadata.js';
import { CLOSED_STATUSES } from '../domain/assessment-values.js';
import { BusinessRuleError } from '../domain/domain-errors.js';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { SupersedeAssessmentCommand } from './supersede-assessment.command.js';

/**
 * Superseding points at another assessment, a check across two streams: the
 * successor must exist for the caller (one beyond their clearance is as
 * unknown as a missing one, so a refusal discloses nothing) and still stand.
 * A closed successor would leave no current judgment, and is how two
 * assessments could supersede each other. A published assessment is
 * superseded only by a published one: readers, who see no drafts, would
 * otherwise be pointed at an assessment that does not exist for them.
 */
@CommandHandler(SupersedeAssessmentCommand)
export class SupersedeAssessmentHandler extends AssessmentChangeHandler<SupersedeAssessmentCommand> {
  constructor(
    executor: AssessmentCommandExecutor,
    private readonly repository: AssessmentRepository,
  ) {
    super(executor);
  }

  override async execute(command: SupersedeAssessmentCommand): Promise<CommandResult> {
    const successor = command.data.supersededBy;
    if (successor !== command.assessmentId) {
      const state = await this.repository.load(successor);
      const visibility = command.meta.visibility;
      if (state === null || (visibility && !visibility.levels.includes(state.classification))) {
        throw new BusinessRuleError('unknown-successor', `assessment ${successor} does not exist`, 'supersededBy');
      }
      if (CLOSED_STATUSES.has(state.status)) {
        throw new BusinessRuleError('successor-closed', `assessment ${successor} is ${state.status}: supersede by one that still stands`, 'supersededBy');
      }
      if (state.publicView === null && (await this.repository.load(command.assessmentId))?.publicView) {
        throw new BusinessRuleError(
          'successor-unpublished',
          `assessment ${successor} was never published: publish it before it supersedes a published assessment, which readers would otherwise see pointing at nothing`,
          'supersededBy',
        );
      }
    }
    return super.execute(command);
  }
}
