import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { ReviseDissentCommand } from './revise-dissent.command.js';

@CommandHandler(ReviseDissentCommand)
export class ReviseDissentHandler extends AssessmentChangeHandler<ReviseDissentCommand> {}
