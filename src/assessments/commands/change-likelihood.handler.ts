import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { ChangeLikelihoodCommand } from './change-likelihood.command.js';

@CommandHandler(ChangeLikelihoodCommand)
export class ChangeLikelihoodHandler extends AssessmentChangeHandler<ChangeLikelihoodCommand> {}
