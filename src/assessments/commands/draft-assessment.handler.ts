import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssessmentCommandExecutor } from '../application/assessment-command.executor.js';
import type { CommandResult } from '../application/command-metadata.js';
import { DraftAssessmentCommand } from './draft-assessment.command.js';

@CommandHandler(DraftAssessmentCommand)
export class DraftAssessmentHandler implements ICommandHandler<DraftAssessmentCommand, CommandResult> {
  constructor(private readonly executor: AssessmentCommandExecutor) {}

  execute({ data, meta }: DraftAssessmentCommand): Promise<CommandResult> {
    return this.executor.execute(data.assessmentId, { type: 'DraftAssessment', data }, meta, 'no_stream');
  }
}
