import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { ChangeHorizonCommand } from './change-horizon.command.js';

@CommandHandler(ChangeHorizonCommand)
export class ChangeHorizonHandler extends AssessmentChangeHandler<ChangeHorizonCommand> {}
