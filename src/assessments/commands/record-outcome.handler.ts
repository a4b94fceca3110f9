import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { RecordOutcomeCommand } from './record-outcome.command.js';

@CommandHandler(RecordOutcomeCommand)
export class RecordOutcomeHandler extends AssessmentChangeHandler<RecordOutcomeCommand> {}
