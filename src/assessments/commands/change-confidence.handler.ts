import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { ChangeConfidenceCommand } from './change-confidence.command.js';

@CommandHandler(ChangeConfidenceCommand)
export class ChangeConfidenceHandler extends AssessmentChangeHandler<ChangeConfidenceCommand> {}
