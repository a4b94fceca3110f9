import { CommandHandler } from '@nestjs/cqrs';
import { AssessmentChangeHandler } from './assessment-change.handler.js';
import { ReviewAssumptionCommand } from './review-assumption.command.js';

@CommandHandler(ReviewAssumptionCommand)
export class ReviewAssumptionHandler extends AssessmentChangeHandler<ReviewAssumptionCommand> {}
