import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { ObserveIndicatorCommand } from './observe-indicator.command.js';

@CommandHandler(ObserveIndicatorCommand)
export class ObserveIndicatorHandler extends AssessmentChangeHandler<ObserveIndicatorCommand> {}
