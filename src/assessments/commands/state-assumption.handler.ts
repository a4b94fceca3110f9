import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { StateAssumptionCommand } from './state-assumption.command.js';

@CommandHandler(StateAssumptionCommand)
export class StateAssumptionHandler extends AssessmentChangeHandler<StateAssumptionCommand> {}
