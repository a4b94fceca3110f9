import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { LinkEvidenceCommand } from './link-evidence.command.js';

@CommandHandler(LinkEvidenceCommand)
export class LinkEvidenceHandler extends AssessmentChangeHandler<LinkEvidenceCommand> {}
