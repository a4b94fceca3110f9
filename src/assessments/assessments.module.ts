import { Module } from '@nestjs/common';
import { AssessmentCommandExecutor } from './application/assessment-command.executor.js';
import { AssessmentRepository } from './application/assessment.repository.js';
import { ASSESSMENT_COMMAND_HANDLERS } from './commands/index.js';
import { AssessmentCommandsController } from './http/assessment-commands.controller.js';
import { AssessmentQueriesController } from './http/assessment-queries.controller.js';
import { GetAssessmentHistoryHandler } from './queries/get-assessment-history.handler.js';
import { GetAssessmentHandler } from './queries/get-assessment.handler.js';

@Module({
  controllers: [AssessmentCommandsController, AssessmentQueriesController],
  providers: [
    AssessmentRepository,
    AssessmentCommandExecutor,
    ...ASSESSMENT_COMMAND_HANDLERS,
    GetAssessmentHandler,
    GetAssessmentHistoryHandler,
  ],
  exports: [AssessmentRepository],
})
export class AssessmentsModule {}
