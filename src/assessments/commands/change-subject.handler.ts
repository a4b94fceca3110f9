import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { ChangeSubjectCommand } from './change-subject.command.js';

@CommandHandler(ChangeSubjectCommand)
export class ChangeSubjectHandler extends AssessmentChangeHandler<ChangeSubjectCommand> {}
