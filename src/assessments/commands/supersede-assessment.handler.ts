import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentCommandExecutor } from '../application/assessment-command.executor.js';
import { AssessmentRepository } from '../application/assessment.repository.js';
import type { CommandResult } from '../application/command-metadata.js';
import { BusinessRuleError } from '../domain/domain-errors.js';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { SupersedeAssessmentCommand } from './supersede-assessment.command.js';

/** Superseding points at another assessment, which must exist: a check across two streams. */
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
    if (successor !== command.assessmentId && (await this.repository.load(successor, { kind: 'revision', revision: 0 })) === null) {
      throw new BusinessRuleError('unknown-successor', `assessment ${successor} does not exist`, 'supersededBy');
    }
    return super.execute(command);
  }
}
