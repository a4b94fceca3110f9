import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { PublishAssessmentCommand } from './publish-assessment.command.js';

@CommandHandler(PublishAssessmentCommand)
export class PublishAssessmentHandler extends AssessmentChangeHandler<PublishAssessmentCommand> {}
