import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { RetractOutcomeCommand } from './retract-outcome.command.js';

@CommandHandler(RetractOutcomeCommand)
export class RetractOutcomeHandler extends AssessmentChangeHandler<RetractOutcomeCommand> {}
