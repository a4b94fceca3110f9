import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { RewordStatementCommand } from './reword-statement.command.js';

@CommandHandler(RewordStatementCommand)
export class RewordStatementHandler extends AssessmentChangeHandler<RewordStatementCommand> {}
