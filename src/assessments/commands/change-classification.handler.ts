import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { ChangeClassificationCommand } from './change-classification.command.js';

@CommandHandler(ChangeClassificationCommand)
export class ChangeClassificationHandler extends AssessmentChangeHandler<ChangeClassificationCommand> {}
