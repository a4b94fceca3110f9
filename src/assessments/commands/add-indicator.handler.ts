import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { AddIndicatorCommand } from './add-indicator.command.js';

@CommandHandler(AddIndicatorCommand)
export class AddIndicatorHandler extends AssessmentChangeHandler<AddIndicatorCommand> {}
