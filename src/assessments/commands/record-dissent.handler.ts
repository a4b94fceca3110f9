import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { RecordDissentCommand } from './record-dissent.command.js';

@CommandHandler(RecordDissentCommand)
export class RecordDissentHandler extends AssessmentChangeHandler<RecordDissentCommand> {}
