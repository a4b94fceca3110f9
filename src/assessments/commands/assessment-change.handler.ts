import { Injectable } from '@nestjs/common';
import { AssessmentCommandExecutor } from '../application/assessment-command.executor.js';
import type { CommandResult } from '../application/command-metadata.js';
import type { AssessmentChangeCommand } from './assessment-change.command.js';

/** Shared body of the change handlers: everything goes through the executor. */
@Injectable()
export abstract class AssessmentChangeHandler<C extends AssessmentChangeCommand> {
  constructor(protected readonly executor: AssessmentCommandExecutor) {}

  execute(command: C): Promise<CommandResult> {
    return this.executor.execute(command.assessmentId, command.toDomain(), command.meta, command.expectedRevision);
  }
}
