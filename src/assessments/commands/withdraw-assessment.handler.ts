import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { WithdrawAssessmentCommand } from './withdraw-assessment.command.js';

@CommandHandler(WithdrawAssessmentCommand)
export class WithdrawAssessmentHandler extends AssessmentChangeHandler<WithdrawAssessmentCommand> {}
