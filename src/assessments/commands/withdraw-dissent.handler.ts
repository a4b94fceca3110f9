import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { WithdrawDissentCommand } from './withdraw-dissent.command.js';

@CommandHandler(WithdrawDissentCommand)
export class WithdrawDissentHandler extends AssessmentChangeHandler<WithdrawDissentCommand> {}
