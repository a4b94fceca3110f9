import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { UnlinkEvidenceCommand } from './unlink-evidence.command.js';

@CommandHandler(UnlinkEvidenceCommand)
export class UnlinkEvidenceHandler extends AssessmentChangeHandler<UnlinkEvidenceCommand> {}
